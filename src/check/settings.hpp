// NAME
//   settings — the check settings that apply to each config set: the
//   command line over the nearest `.pflint.toml` over the defaults.
// DESCRIPTION
//   A Settings is made once per run from the command line's settings (each
//   with origin "command line" or the environment variable) and the choice
//   of project config: --config FILE (used for every path), --no-config
//   (none), or else the nearest .pflint.toml walking up from each config
//   set's directory. for_dir() gives the merged ProjectSettings of a
//   directory and options_for() the CheckOptions a config set is checked
//   with; both are cached per directory and safe to call from the worker
//   threads of `check -j N`.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "check/project_config.hpp"
#include "check/run.hpp"

namespace pflint::check {

class Settings {
 public:
  enum class Source { nearest, file, none };
  Settings(ProjectSettings command_line, Source source, std::optional<std::string> file = std::nullopt);

  // for_dir - what applies to the config set in `dir`; nullopt with a
  // FILE:LINE:COL error when its project config is bad.
  std::optional<ProjectSettings> for_dir(const std::string& dir, std::string& error);
  // options_for - the CheckOptions of a config set (nullptr with an error).
  const CheckOptions* options_for(const ConfigSet& set, std::string& error);

 private:
  const ProjectConfig* config_for(const std::string& dir, std::string& error);  // locked

  ProjectSettings command_line_;
  Source source_;
  std::optional<std::string> file_;
  std::mutex mutex_;
  std::map<std::string, std::optional<ProjectConfig>> configs_;  // by file; nullopt: bad (error kept)
  std::map<std::string, std::string> config_errors_;
  std::map<std::string, std::unique_ptr<CheckOptions>> options_;  // by config set directory
};

}  // namespace pflint::check
