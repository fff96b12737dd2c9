// NAME
//   discover — turn the PATH arguments of `pflint check` into config sets.
// DESCRIPTION
//   A PATH may be a config directory (holding main.cf and/or master.cf), a
//   single main.cf/master.cf file, or a repository searched recursively for
//   files named main.cf and master.cf (skipping .git, .hg, .svn,
//   node_modules and build directories). Files in one directory form one
//   config set. Templates (Jinja, ERB: by suffix or by `{{`, `{%`, `<%` in
//   the text) are reported as skipped unless templates are included.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/file_source.hpp"

namespace pflint::check {

struct ConfigSet {
  std::string dir;                         // directory holding the files
  std::optional<std::string> main_path;    // main.cf (or the named main.cf-like file)
  std::optional<std::string> master_path;  // master.cf (or the named master.cf-like file)
  std::optional<std::string> only_file;    // a single file was named: report only its findings
  // Found by a directory walk without --include-templates: a file whose text
  // looks like a template is skipped when it is loaded (its text is read
  // once, there, rather than also during the walk).
  bool skip_templates = false;
  // Where the files are read from (null: the disk), e.g. a Git tree.
  std::shared_ptr<const config::FileSource> files;
};

struct Skipped {
  std::string path;
  std::string reason;
};

struct Discovery {
  std::vector<ConfigSet> sets;
  std::vector<Skipped> skipped;
  std::vector<std::string> errors;  // "PATH: No such file or directory"
};

Discovery discover(const std::vector<std::string>& paths, bool include_templates);

// discover_files - the same over a list of files already known (a Git
// tree's, relative to `root`), with no file-system walk: files under a
// skipped directory are left out, templates skipped by name, and every set
// reads through `source`.
Discovery discover_files(const std::string& root, const std::vector<std::string>& files, bool include_templates,
                         const std::shared_ptr<const config::FileSource>& source);

// looks_like_template - true for Jinja/ERB templates (by name or content).
bool looks_like_template(const std::string& path);
// looks_like_template_text - true when the first 64 KiB of a file's text
// hold `{{`, `{%` or `<%`.
bool looks_like_template_text(std::string_view text);
// The reason given for a file skipped by looks_like_template*.
inline constexpr std::string_view template_text_reason = "looks like a template ({{, {% or <%); use --include-templates";

}  // namespace pflint::check
