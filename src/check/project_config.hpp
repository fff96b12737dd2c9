// NAME
//   project_config — `.pflint.toml`: check settings kept in the repository.
// DESCRIPTION
//   A project config file sets, at top level: select, ignore (arrays of rule
//   codes or prefixes), fail-on, postfix-version, compatibility-level
//   (strings), include-templates (boolean), baseline (a path, relative to the
//   file); and [[overrides]] tables, each with `paths` (an array of globs,
//   relative to the file's directory: `*` and `?` within one path segment,
//   `**` across segments, `[...]` a class) and any of select, ignore,
//   postfix-version, compatibility-level, applied in order to the config
//   sets whose directory matches one of the globs. find_project_config()
//   walks up from a path to the nearest `.pflint.toml`. Every value keeps
//   where it came from ("FILE:LINE:COL", "command line", "default"), for
//   `pflint check --show-settings`; an unknown key, a value of the wrong
//   type or a bad version, level, severity or glob is an error with
//   FILE:LINE:COL. The file is read with toml++.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "check/run.hpp"

namespace pflint::check {

template <class T>
struct Sourced {
  T value;
  std::string origin;  // "FILE:LINE:COL", "command line", ...
};

struct ProjectSettings {
  std::optional<Sourced<std::vector<std::string>>> select, ignore;
  std::optional<Sourced<std::string>> fail_on, postfix_version, compatibility_level, baseline;
  std::optional<Sourced<bool>> include_templates;
};

struct ProjectOverride {
  std::vector<std::string> paths;  // globs
  ProjectSettings settings;
};

struct ProjectConfig {
  std::string path;  // the file
  std::string dir;   // its directory: globs and baseline are relative to it
  ProjectSettings settings;
  std::vector<ProjectOverride> overrides;
};

inline constexpr std::string_view project_config_name = ".pflint.toml";

// load_project_config - read and check FILE; nullopt with "FILE:LINE:COL: ..." in error.
std::optional<ProjectConfig> load_project_config(const std::string& path, std::string& error);

// find_project_config - the nearest .pflint.toml in the directory of `path`
// (itself, when a directory) or one above it.
std::optional<std::string> find_project_config(const std::string& path);

// settings_for - the config's settings for the config set in `dir`: its top
// level, then each override whose paths match, later ones winning.
ProjectSettings settings_for(const ProjectConfig& config, const std::string& dir);

// overlay - `low` with every key `high` sets replaced by high's.
ProjectSettings overlay(ProjectSettings low, const ProjectSettings& high);

// to_check_options - CheckOptions (version, level, selection, templates)
// from settings; false with "ORIGIN: ..." in error for a bad value.
bool to_check_options(const ProjectSettings& settings, CheckOptions& out, std::string& error);

// describe - one line per key: `key = value  (origin)`, defaults included.
std::string describe(const ProjectSettings& settings);

// glob_match - does the relative path match the glob (see DESCRIPTION)?
bool glob_match(std::string_view glob, std::string_view path);

}  // namespace pflint::check
