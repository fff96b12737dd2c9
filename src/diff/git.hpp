// NAME
//   git — read a repository's trees straight from Git objects, with `git`
//   as a subprocess; nothing is checked out or written.
// DESCRIPTION
//   GitRepo::open() finds the top level of the repository holding a
//   directory (`git rev-parse --show-toplevel`). tree() lists a revision's
//   files (`git ls-tree -r -z --full-tree`), changed() the files that differ
//   between two revisions (`git diff --name-only`). Blob contents come from one
//   long-running `git cat-file --batch`, one request at a time.
//   TreeFiles is a config::FileSource over one tree: a path under the
//   repository's top level is answered from the tree, any other path (a
//   table in /etc/postfix named by absolute path) from the disk, so both
//   sides of a diff see the same host files.
// DIAGNOSTICS
//   GitError with git's own message (its stderr) when a command fails, e.g.
//   an unknown revision.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "config/file_source.hpp"

namespace pflint::diff {

struct GitError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class CatFile;  // git.cpp: the `git cat-file --batch` process

// One revision's files: path relative to the top level → blob id.
struct GitTree {
  std::string rev;
  std::unordered_map<std::string, std::string> blobs;
};

class GitRepo {
 public:
  // open - the repository holding `dir` (throws GitError outside one).
  static GitRepo open(const std::string& dir);
  GitRepo(GitRepo&&) noexcept;
  GitRepo& operator=(GitRepo&&) noexcept;
  ~GitRepo();

  [[nodiscard]] const std::string& top() const { return top_; }
  // tree - every regular file of `rev` (symbolic links and submodules left out).
  [[nodiscard]] GitTree tree(const std::string& rev) const;
  // changed - paths (relative to the top level) that differ between two revisions.
  [[nodiscard]] std::unordered_set<std::string> changed(const std::string& old_rev, const std::string& new_rev) const;
  // blob - the contents of a blob.
  [[nodiscard]] std::string blob(const std::string& id) const;

 private:
  explicit GitRepo(std::string top);
  std::string top_;
  std::unique_ptr<CatFile> cat_;
};

// TreeFiles - a FileSource over `tree`, whose files lie under repo.top().
class TreeFiles final : public config::FileSource {
 public:
  TreeFiles(const GitRepo& repo, std::shared_ptr<const GitTree> tree) : repo_(repo), tree_(std::move(tree)) {}
  [[nodiscard]] bool exists(const std::string& path) const override;
  [[nodiscard]] std::optional<syntax::SourceFile> load(const std::string& path, std::string& error) const override;
  // relative - `path` relative to the top level, or nullopt outside it.
  [[nodiscard]] std::optional<std::string> relative(const std::string& path) const;
  // untouched_by - none of the paths under the top level asked for (exists,
  // load) since the last call is in `changed`; forgets them.
  bool untouched_by(const std::unordered_set<std::string>& changed) const;

 private:
  const GitRepo& repo_;
  std::shared_ptr<const GitTree> tree_;
  mutable std::vector<std::string> asked_;
};

}  // namespace pflint::diff
