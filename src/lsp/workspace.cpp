// NAME
//   workspace — config-directory analyses for the language server (workspace.hpp).
#include "lsp/workspace.hpp"

#include "check/discover.hpp"
#include "config/config_dir.hpp"
#include "util/read_file.hpp"

namespace pflint::lsp {
namespace {

std::string parent_dir(const std::string& path) {
  const auto slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

std::string Workspace::dir_of(const Document& d) { return d.path ? parent_dir(*d.path) : std::string(); }

Analysis Workspace::build(const std::string& dir) {
  Analysis a;
  a.dir = dir;
  // The text of each role: an open document of the directory wins (one
  // named main.cf / master.cf before one classified by modeline or
  // language id), else the file on disk.
  std::optional<syntax::SourceFile> sources[2];
  const Document* chosen[2] = {nullptr, nullptr};
  for (const auto& [uri, d] : documents_.all()) {
    if (!d.path || parent_dir(*d.path) != dir || d.role == Role::other) continue;
    const int slot = d.role == Role::main_cf ? 0 : 1;
    const std::string standard = dir + (slot == 0 ? "/main.cf" : "/master.cf");
    if (chosen[slot] == nullptr || *d.path == standard) chosen[slot] = &d;
  }
  for (int slot = 0; slot < 2; ++slot) {
    const std::string standard = dir + (slot == 0 ? "/main.cf" : "/master.cf");
    if (chosen[slot] != nullptr) {
      sources[slot].emplace(*chosen[slot]->path, chosen[slot]->text);
    } else {
      std::string error;
      if (auto loaded = syntax::SourceFile::load(standard, error)) sources[slot] = std::move(*loaded);
    }
    if (sources[slot] && !settings_.check.include_templates &&
        check::looks_like_template_text(sources[slot]->text())) {
      a.skipped.emplace(sources[slot]->path(), std::string(check::template_text_reason));
      sources[slot].reset();
    }
    if (sources[slot]) a.inputs.insert(sources[slot]->path());
  }
  if (!sources[0] && !sources[1]) return a;
  config::ConfigDir files = config::parse_config_texts(dir, std::move(sources[0]), std::move(sources[1]));
  a.checked = check::check_loaded(std::move(files), settings_.check, rules_, std::nullopt);
  for (const auto& table : a.checked->tls.tables()) {
    if (table.source) a.inputs.insert(table.source->path());
  }
  return a;
}

const Analysis& Workspace::analysis(const std::string& dir) {
  auto it = cache_.find(dir);
  if (it == cache_.end()) it = cache_.emplace(dir, build(dir)).first;
  return it->second;
}

const Analysis* Workspace::analysis_of(const Document& d) {
  if (!d.path) return nullptr;
  return &analysis(dir_of(d));
}

std::vector<std::string> Workspace::changed(const std::string& path) {
  std::vector<std::string> dirs;
  const std::string dir = parent_dir(path);
  for (auto it = cache_.begin(); it != cache_.end();) {
    if (it->first == dir || it->second.inputs.count(path) != 0) {
      dirs.push_back(it->first);
      it = cache_.erase(it);
    } else {
      ++it;
    }
  }
  if (dirs.empty()) dirs.push_back(dir);
  return dirs;
}

std::vector<std::string> Workspace::forget_all() {
  std::vector<std::string> dirs;
  for (const auto& [dir, a] : cache_) dirs.push_back(dir);
  cache_.clear();
  return dirs;
}

}  // namespace pflint::lsp
