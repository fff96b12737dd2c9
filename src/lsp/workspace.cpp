// NAME
//   workspace — config-directory analyses for the language server (workspace.hpp).
#include "lsp/workspace.hpp"

#include "check/discover.hpp"
#include "config/config_dir.hpp"
#include "config/file_source.hpp"
#include "util/read_file.hpp"

namespace pflint::lsp {
namespace {

// EditorFiles - what the config reads, as the editor has it: an open
// buffer wins over the disk, and a path under a mapped directory
// (/etc/postfix → the repository) is looked for in the mapping's target
// first. Files come back under the path they were found at, so findings
// in a table land on the open document of that table.
class EditorFiles final : public config::FileSource {
 public:
  EditorFiles(const DocumentStore& documents, const Settings& settings) : settings_(settings) {
    for (const auto& [uri, d] : documents.all()) {
      if (d.path) buffers_.emplace(*d.path, d.text);
    }
  }
  [[nodiscard]] bool exists(const std::string& path) const override {
    const std::string found = where(path);
    return buffers_.count(found) != 0 || config::disk_files().exists(found);
  }
  [[nodiscard]] std::optional<syntax::SourceFile> load(const std::string& path, std::string& error) const override {
    const std::string found = where(path);
    if (const auto it = buffers_.find(found); it != buffers_.end()) return syntax::SourceFile(found, it->second);
    return config::disk_files().load(found, error);
  }

 private:
  // where - the mapped path when something is there, else the path itself.
  [[nodiscard]] std::string where(const std::string& path) const {
    const std::string mapped = mapped_path(settings_, path);
    if (mapped != path && (buffers_.count(mapped) != 0 || config::disk_files().exists(mapped))) return mapped;
    return path;
  }
  Settings settings_;  // a copy: the config keeps this source
  std::map<std::string, std::string> buffers_;  // a snapshot: the analysis outlives later edits
};

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
  files.files = std::make_shared<EditorFiles>(documents_, settings_);
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
