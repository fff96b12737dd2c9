// NAME
//   atomic_file — the one way pflint rewrites a file: all at once, keeping its
//   mode and owner, never over someone else's newer change.
// DESCRIPTION
//   Every writer (postconf -e/-X/-#/-M/-F/-P, check --fix, check --output)
//   goes through one function here: the new bytes go to a temporary
//   file in the same directory as the file (so rename(2) cannot cross a
//   file system), which gets the original's permission bits and owner, is
//   fsynced, renamed over the file, and the directory fsynced. A reader sees
//   the old file or the new one, never a mix. On any error the temporary
//   file is removed, the file is untouched and the message names it.
//   A symbolic link at the path is followed: the file it names is replaced
//   and the link kept (postconf replaces the link by a regular file).
//   EditedFile holds an exclusive flock(2) on the file from the read to the
//   rename, so two pflint edits of one file run one after the other; just
//   before the rename it checks that the path still names the file it read
//   and that the bytes are unchanged, and refuses to write otherwise.
//   docs/postconf-edits.md, "What an edit guarantees", is the contract.
// DIAGNOSTICS
//   Messages read "cannot update PATH (left as it was): write
//   DIR/.main.cf.pflint-XXXXXX: No space left on device".
#pragma once

#include <sys/stat.h>

#include <optional>
#include <string>
#include <string_view>

namespace pflint::postconf::edits {

// EditedFile - a file opened for read, modify, replace.
class EditedFile {
 public:
  // open - follow a symbolic link at `path`, open the file, wait for an
  // exclusive lock on it, read it. nullopt with the errno text in `error`.
  static std::optional<EditedFile> open(const std::string& path, std::string& error);
  EditedFile(EditedFile&& other) noexcept;
  EditedFile& operator=(EditedFile&&) = delete;
  EditedFile(const EditedFile&) = delete;
  EditedFile& operator=(const EditedFile&) = delete;
  ~EditedFile();

  [[nodiscard]] const std::string& bytes() const { return bytes_; }
  // replace - the file now holds exactly `bytes`, unless it changed since
  // open() (then nothing is written). A message on failure.
  [[nodiscard]] std::optional<std::string> replace(std::string_view bytes) const;

 private:
  EditedFile(std::string path, std::string target, int fd, const struct stat& st, std::string bytes);
  std::string path_;    // as the caller named it
  std::string target_;  // the file itself (a symbolic link resolved)
  int fd_;
  struct stat st_;
  std::string bytes_;
};

// replace_file_if_unchanged - open `path` as EditedFile does and replace it
// with `bytes`, refusing when it no longer holds `expected` (check --fix:
// the file changed after it was checked).
std::optional<std::string> replace_file_if_unchanged(const std::string& path, std::string_view expected,
                                                     std::string_view bytes);
// write_file_atomically - the same without the check, creating the file
// (mode 0666 less the umask) when it does not exist yet: check --output.
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace pflint::postconf::edits
