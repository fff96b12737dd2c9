// NAME
//   config_dir — read a Postfix configuration directory (main.cf, master.cf).
// DESCRIPTION
//   Loads and parses the two files that exist and builds their models. A
//   missing file is reported, not fatal here: postconf and the linter decide
//   what a missing file means for them.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "config/file_source.hpp"

#include "config/main_config.hpp"
#include "config/master_config.hpp"
#include "syntax/tree.hpp"

namespace pflint::config {

struct ParsedFile {
  syntax::SourceFile source;
  syntax::Tree tree;
};

// load_file - read and parse one file; nullopt with `error` (as
// "open PATH: No such file or directory") when it cannot be read.
std::optional<ParsedFile> load_file(const std::string& path, syntax::FileKind kind, std::string& error);

struct ConfigDir {
  std::string dir;
  std::optional<ParsedFile> main_file;
  std::optional<ParsedFile> master_file;
  std::string main_error;    // why main_file is missing
  std::string master_error;  // why master_file is missing
  MainConfig main;
  MasterConfig master;
  // Where the files (and the policy tables they name) are read from; null: the disk.
  std::shared_ptr<const FileSource> files;
};

ConfigDir load_config_dir(const std::string& dir);
// Decides, from a loaded file's text, whether it is parsed at all.
using FileFilter = std::function<bool(const syntax::SourceFile&)>;

// load_config_files - the same with explicit file paths; an absent path
// leaves that file out (with no error), and so does a file that `keep`
// (when given) rejects: the caller reports why. `files` (null: the disk)
// reads them and is kept in the result for the policy tables.
ConfigDir load_config_files(const std::string& dir, const std::optional<std::string>& main_path,
                            const std::optional<std::string>& master_path, const FileFilter& keep = {},
                            std::shared_ptr<const FileSource> files = {});

// parse_config_texts - the same from bytes already in memory (a file that
// is absent stays absent, with no error): what `check --fix` re-checks
// between passes without writing anything.
ConfigDir parse_config_texts(const std::string& dir, std::optional<syntax::SourceFile> main_source,
                             std::optional<syntax::SourceFile> master_source);

}  // namespace pflint::config
