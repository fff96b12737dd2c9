// NAME
//   discover — finding config sets under the PATH arguments.
#include "check/discover.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <system_error>

#include "syntax/tree.hpp"

namespace pflint::check {
namespace fs = std::filesystem;

namespace {
constexpr std::array<std::string_view, 8> skipped_dirs = {".git", ".hg", ".svn", "node_modules",
                                                          "build", ".tox", ".venv", "__pycache__"};
constexpr std::array<std::string_view, 7> template_suffixes = {".j2", ".jinja", ".jinja2", ".erb",
                                                               ".tmpl", ".tpl", ".template"};

bool is_config_name(const std::string& name) { return name == "main.cf" || name == "master.cf"; }

bool is_template_name(const std::string& name) {
  return std::any_of(template_suffixes.begin(), template_suffixes.end(),
                     [&](std::string_view s) { return name.ends_with(s); });
}

bool template_candidate(const std::string& name) {
  return is_template_name(name) && (name.starts_with("main.cf") || name.starts_with("master.cf"));
}

std::string dir_of(const fs::path& file) { return file.parent_path().empty() ? "." : file.parent_path().string(); }

ConfigSet& add_file(std::map<std::string, ConfigSet>& sets, const fs::path& file) {
  ConfigSet& set = sets[dir_of(file)];
  set.dir = dir_of(file);
  if (file.filename() == "main.cf") set.main_path = file.string();
  if (file.filename() == "master.cf") set.master_path = file.string();
  return set;
}

// sibling - dir/name when it exists, for context around a single named file.
std::optional<std::string> sibling(const std::string& dir, const char* name, const std::string& named) {
  const fs::path p = fs::path(dir) / name;
  std::error_code ec;
  if (fs::is_regular_file(p, ec) && !fs::equivalent(p, named, ec)) return p.string();
  return std::nullopt;
}
}  // namespace

bool looks_like_template_text(std::string_view text) {
  const std::string_view head = text.substr(0, std::min<std::size_t>(text.size(), 65536));
  return head.find("{{") != std::string_view::npos || head.find("{%") != std::string_view::npos ||
         head.find("<%") != std::string_view::npos;
}

bool looks_like_template(const std::string& path) {
  if (is_template_name(fs::path(path).filename().string())) return true;
  std::ifstream in(path, std::ios::binary);
  std::string head(65536, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return looks_like_template_text(head);
}

namespace {
// consider - one file found by a walk: a config file, a template, or neither.
void consider_file(Discovery& out, std::map<std::string, ConfigSet>& by_dir, const fs::path& file, bool include_templates) {
  const std::string name = file.filename().string();
  if (template_candidate(name)) {
    out.skipped.push_back({file.string(), "template (not read by Postfix as is)"});
    return;
  }
  if (!is_config_name(name)) return;
  add_file(by_dir, file).skip_templates = !include_templates;
}

bool is_skipped_dir(const std::string& name) {
  return std::find(skipped_dirs.begin(), skipped_dirs.end(), name) != skipped_dirs.end();
}
}  // namespace

Discovery discover_files(const std::string& root, const std::vector<std::string>& files, bool include_templates,
                         const std::shared_ptr<const config::FileSource>& source) {
  Discovery out;
  std::map<std::string, ConfigSet> by_dir;
  for (const std::string& f : files) {
    const fs::path dir = fs::path(f).parent_path();
    if (std::any_of(dir.begin(), dir.end(), [](const fs::path& part) { return is_skipped_dir(part.string()); })) {
      continue;
    }
    consider_file(out, by_dir, fs::path(root) / f, include_templates);
  }
  for (auto& [dir, set] : by_dir) {
    set.files = source;
    out.sets.push_back(std::move(set));
  }
  return out;
}

Discovery discover(const std::vector<std::string>& paths, bool include_templates) {
  Discovery out;
  std::map<std::string, ConfigSet> by_dir;
  const auto consider = [&](const fs::path& file) { consider_file(out, by_dir, file, include_templates); };
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      out.errors.push_back(p + ": No such file or directory");
      continue;
    }
    if (fs::is_regular_file(st)) {
      if (!include_templates && looks_like_template(p)) {
        out.skipped.push_back({p, std::string(template_text_reason)});
        continue;
      }
      ConfigSet set;
      set.dir = dir_of(fs::path(p));
      set.only_file = p;
      if (syntax::guess_kind(p) == syntax::FileKind::master_cf) {
        set.master_path = p;
        set.main_path = sibling(set.dir, "main.cf", p);
      } else {
        set.main_path = p;
        set.master_path = sibling(set.dir, "master.cf", p);
      }
      out.sets.push_back(set);
      continue;
    }
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      out.errors.push_back(p + ": " + ec.message());
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const std::string name = it->path().filename().string();
      if (it->is_directory(ec) && is_skipped_dir(name)) {
        it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) consider(it->path());
    }
  }
  for (auto& [dir, set] : by_dir) out.sets.push_back(std::move(set));
  return out;
}

}  // namespace pflint::check
