// NAME
//   workspace — config directories as the language server sees them.
// DESCRIPTION
//   Documents are grouped by the directory that holds them: main.cf and
//   master.cf of one directory (open buffers winning over the files on
//   disk) are one config set, checked together with the policy tables
//   main.cf names, exactly as `pflint check DIR` would. An analysis is built
//   on demand and kept until a document or file of its directory changes,
//   so hover, completion and diagnostics of one batch share one check.
//   Templates (Jinja, ERB) are left out, as `pflint check` leaves them out,
//   unless the settings include them.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "check/run.hpp"
#include "lint/rule.hpp"
#include "lsp/documents.hpp"
#include "lsp/settings.hpp"

namespace pflint::lsp {

struct Analysis {
  std::string dir;
  std::unique_ptr<check::CheckedConfig> checked;         // null when no file was left to check
  std::map<std::string, std::string> skipped;             // path → why it was left out
  // the paths this analysis read: main.cf, master.cf and every table file
  std::set<std::string> inputs;
};

class Workspace {
 public:
  Workspace(const DocumentStore& documents, const Settings& settings, std::span<const lint::Rule> rules)
      : documents_(documents), settings_(settings), rules_(rules) {}

  // dir_of - the config directory of a document ("" when it has no path).
  [[nodiscard]] static std::string dir_of(const Document& d);

  // analysis - the (cached) check of directory `dir`.
  const Analysis& analysis(const std::string& dir);
  // analysis_of - the analysis of the document's directory, or nullptr
  // for a document without a path.
  const Analysis* analysis_of(const Document& d);

  // changed - the file at `path` (a document or a file on disk) changed:
  // drop every analysis that read it or lives in its directory; returns
  // those directories.
  std::vector<std::string> changed(const std::string& path);
  // forget - drop every analysis (settings changed).
  std::vector<std::string> forget_all();

 private:
  Analysis build(const std::string& dir);
  const DocumentStore& documents_;
  const Settings& settings_;
  std::span<const lint::Rule> rules_;
  std::map<std::string, Analysis> cache_;
};

}  // namespace pflint::lsp
