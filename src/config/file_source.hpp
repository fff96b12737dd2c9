// NAME
//   file_source — where a config's files are read from: the disk, or bytes
//   a caller holds (a Git tree, an editor buffer).
// DESCRIPTION
//   Loading main.cf/master.cf and the policy tables they name goes through
//   a FileSource, so a config can be built from file contents in memory
//   without writing them anywhere. Paths are the ones the config names
//   (absolute for tables, as Postfix opens them); a source decides which of
//   them it answers and may hand the rest to the disk.
// DIAGNOSTICS
//   load() returns nullopt with the error text SourceFile::load() gives
//   ("PATH: No such file or directory"); nothing is printed.
#pragma once

#include <optional>
#include <string>

#include "syntax/source.hpp"

namespace pflint::config {

class FileSource {
 public:
  FileSource() = default;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;
  virtual ~FileSource() = default;
  // exists - a regular file is there.
  [[nodiscard]] virtual bool exists(const std::string& path) const = 0;
  // load - the whole file; nullopt with `error` ("PATH: why") when it cannot be read.
  [[nodiscard]] virtual std::optional<syntax::SourceFile> load(const std::string& path, std::string& error) const = 0;
};

// disk_files - the host file system (the source used when none is given).
const FileSource& disk_files();

}  // namespace pflint::config
