// NAME
//   cmd_diff — `pflint diff`: what a change does to the TLS policy and the
//   findings of each config.
// DESCRIPTION
//   `pflint diff OLD NEW` compares two config directories or repositories
//   (discovered as `pflint check` discovers them). `pflint diff --git
//   REV[..REV] [PATH...]` reads the old side (and the new one, given two
//   revisions) straight from Git objects; with one revision the new side is
//   the working tree. Between two revisions, a config none of whose files
//   changed (per `git diff --name-only`) is checked once, not twice. The
//   report is text, Markdown (a pull-request comment) or JSON
//   (docs/diff-json.md), written by src/report/diff_*.cpp.
// DIAGNOSTICS
//   Exit 0; 1 with --fail-on-weaken when a change weakens TLS; 2 for usage
//   errors, a Git error (unknown revision, not a repository) or unreadable
//   files.
// SEE ALSO
//   src/diff/run_diff.hpp, src/diff/git.hpp, docs/diff-json.md, docs/ci.md.
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <memory>

#include "check/discover.hpp"
#include "cli/commands.hpp"
#include "cli/output_file.hpp"
#include "diff/git.hpp"
#include "diff/run_diff.hpp"
#include "report/diff_report.hpp"
#include "rules/registry.hpp"

namespace pflint::cli {
namespace {
namespace fs = std::filesystem;

// tree_side - a revision's configs under `prefixes` (relative to the top level; "" is all).
diff::DiffSide tree_side(const diff::GitRepo& repo, const std::string& rev, const std::vector<std::string>& prefixes,
                         bool include_templates, std::shared_ptr<const diff::TreeFiles>& files_out) {
  auto tree = std::make_shared<const diff::GitTree>(repo.tree(rev));
  std::vector<std::string> files;
  for (const auto& blob : tree->blobs) {
    const std::string& path = blob.first;  // not a structured binding: clang 14 cannot capture those in a lambda
    const bool wanted = std::any_of(prefixes.begin(), prefixes.end(), [&](const std::string& p) {
      return p.empty() || path == p || (path.starts_with(p) && path[p.size()] == '/');
    });
    if (wanted) files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  files_out = std::make_shared<const diff::TreeFiles>(repo, tree);
  return {rev, repo.top(), check::discover_files(repo.top(), files, include_templates, files_out)};
}

// prefixes_in - each PATH relative to the repository's top level.
bool prefixes_in(const diff::GitRepo& repo, const std::vector<std::string>& paths, std::vector<std::string>& out,
                 std::string& error) {
  const fs::path top(repo.top());
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(p, ec), ec);
    const fs::path rel = abs.lexically_relative(top);
    if (rel.empty() || *rel.begin() == "..") {
      error = fmt::format("{}: outside the repository {}", p, repo.top());
      return false;
    }
    out.push_back(rel == "." ? std::string() : rel.string());
  }
  if (paths.empty()) out.emplace_back();
  return true;
}

// repo_dir - where to look for the repository: the first PATH (its
// directory, for a file), else the current directory.
std::string repo_dir(const std::vector<std::string>& paths) {
  if (paths.empty()) return ".";
  std::error_code ec;
  if (fs::is_directory(paths.front(), ec)) return paths.front();
  const fs::path parent = fs::path(paths.front()).parent_path();
  return parent.empty() ? "." : parent.string();
}

diff::DiffReport run_git_diff(const DiffOptions& options, const check::CheckOptions& check_options) {
  const std::string spec = *options.git;
  const std::size_t dots = spec.find("..");
  const std::string old_rev = dots == std::string::npos ? spec : spec.substr(0, dots);
  std::optional<std::string> new_rev;
  if (dots != std::string::npos) new_rev = spec.size() > dots + 2 ? spec.substr(dots + 2) : "HEAD";
  if (old_rev.empty()) throw diff::GitError(fmt::format("--git {}: no old revision", spec));

  const diff::GitRepo repo = diff::GitRepo::open(repo_dir(options.paths));
  std::vector<std::string> prefixes;
  std::string error;
  if (!prefixes_in(repo, options.paths, prefixes, error)) throw diff::GitError(error);

  std::shared_ptr<const diff::TreeFiles> was_files, now_files;
  const diff::DiffSide was = tree_side(repo, old_rev, prefixes, options.include_templates, was_files);
  diff::DiffSide now;
  diff::UnchangedTest unchanged;
  std::unordered_set<std::string> changed;
  if (new_rev) {
    now = tree_side(repo, *new_rev, prefixes, options.include_templates, now_files);
    changed = repo.changed(old_rev, *new_rev);
    unchanged = [&] { return was_files->untouched_by(changed); };
  } else {
    std::vector<std::string> dirs;
    for (const std::string& p : prefixes) dirs.push_back(p.empty() ? repo.top() : repo.top() + "/" + p);
    now = {"working tree", repo.top(), check::discover(dirs, options.include_templates)};
  }
  return diff::run_diff(was, now, check_options, rules::all_rules(), unchanged);
}
}  // namespace

void add_diff_command(CLI::App& app, DiffOptions& options) {
  CLI::App* cmd = app.add_subcommand(
      "diff", "Show what a change does to the TLS policy and the findings: two directories, or Git revisions");
  cmd->add_option("paths", options.paths,
                  "OLD NEW (two config directories or repositories); with --git, the paths in the repository to "
                  "compare (default: all of it)");
  cmd->add_option("--git", options.git,
                  "REV or REV..REV: read the old side (and the new one) from Git objects; one REV compares it with "
                  "the working tree");
  cmd->add_option("--format", options.format, "Output format: text, markdown (a pull-request comment) or json")
      ->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_option("--output", options.output, "Write the report to this file (atomically) instead of stdout");
  cmd->add_flag("--fail-on-weaken", options.fail_on_weaken, "Exit status 1 when a change weakens TLS");
  add_list_option(*cmd, "--select", options.select, "Only these rule codes or prefixes (comma-separated)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  add_list_option(*cmd, "--ignore", options.ignore, "Leave out these rule codes or prefixes (comma-separated)")
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_flag("--include-templates", options.include_templates, "Also read files that look like Jinja/ERB templates");
  add_version_options(*cmd, options.target);
  cmd->footer("Exit status: 0; 1 with --fail-on-weaken when a change weakens TLS; 2 usage, Git or I/O errors.");
}

int run_diff(const DiffOptions& options) {
  check::CheckOptions check_options;
  std::string error;
  if (!resolve_version_options(options.target, check_options.version, check_options.compatibility_level, error)) {
    fmt::print(stderr, "pflint: error: {}\n", error);
    return 2;
  }
  check_options.engine.select = options.select;
  check_options.engine.ignore = options.ignore;
  check_options.include_templates = options.include_templates;

  diff::DiffReport report;
  try {
    if (options.git) {
      report = run_git_diff(options, check_options);
    } else {
      if (options.paths.size() != 2) {
        fmt::print(stderr, "pflint: error: diff needs OLD and NEW (two directories), or --git REV[..REV]\n");
        return 2;
      }
      const std::string& a = options.paths[0];
      const std::string& b = options.paths[1];
      const diff::DiffSide was{a, a, check::discover({a}, options.include_templates)};
      const diff::DiffSide now{b, b, check::discover({b}, options.include_templates)};
      report = diff::run_diff(was, now, check_options, rules::all_rules());
    }
  } catch (const diff::GitError& e) {
    fmt::print(stderr, "pflint: error: {}\n", e.what());
    return 2;
  }

  const auto write = [&](std::FILE* out) {
    if (options.format == "json")
      fmt::print(out, "{}\n", report::diff_json(report));
    else if (options.format == "markdown")
      report::write_diff_markdown(report, out);
    else
      report::write_diff_text(report, out);
  };
  if (!write_output(options.output, write, error)) {
    fmt::print(stderr, "pflint: error: {}\n", error);
    return 2;
  }
  for (const std::string& e : report.errors) fmt::print(stderr, "pflint: error: {}\n", e);
  if (!report.errors.empty()) return 2;
  return options.fail_on_weaken && report.weakens() ? 1 : 0;
}

}  // namespace pflint::cli
