// NAME
//   project_config — reading `.pflint.toml` with toml++ (see project_config.hpp).
#include "check/project_config.hpp"

#include <fmt/core.h>
#include <fmt/format.h>

#include <filesystem>
#include <toml++/toml.h>

#include "expand/compare.hpp"
#include "params/version.hpp"

namespace pflint::check {
namespace {

namespace fs = std::filesystem;

std::string where(const std::string& file, const toml::source_region& at) {
  return fmt::format("{}:{}:{}", file, at.begin.line, at.begin.column);
}

// A bad value or key: an exception carrying FILE:LINE:COL, caught in load.
struct ConfigError {
  std::string message;
};

[[noreturn]] void fail(const std::string& file, const toml::source_region& at, const std::string& message) {
  throw ConfigError{where(file, at) + ": " + message};
}

// glob_error - why a glob is malformed (empty when it is not).
std::string glob_error(std::string_view glob) {
  if (glob.empty()) return "empty glob";
  if (glob.starts_with('/')) return "a glob is relative to the config file's directory";
  for (std::size_t i = 0; i < glob.size(); ++i) {
    if (glob[i] == '[') {
      const std::size_t close = glob.find(']', i + 2);
      if (close == std::string_view::npos) return "unclosed [ in glob \"" + std::string(glob) + "\"";
      i = close;
    }
  }
  return {};
}

std::string string_value(const std::string& file, const toml::node& node, std::string_view key) {
  if (!node.is_string()) fail(file, node.source(), fmt::format("{} must be a string", key));
  return std::string(node.as_string()->get());
}

std::vector<std::string> string_list(const std::string& file, const toml::node& node, std::string_view key) {
  if (!node.is_array()) fail(file, node.source(), fmt::format("{} must be an array of strings", key));
  std::vector<std::string> out;
  for (const toml::node& item : *node.as_array()) out.push_back(string_value(file, item, key));
  return out;
}

// read_setting - one key of the top level or of an override; false if unknown.
bool read_setting(const std::string& file, std::string_view key, const toml::node& node, ProjectSettings& s,
                  bool top_level) {
  const std::string origin = where(file, node.source());
  if (key == "select" || key == "ignore") {
    std::vector<std::string> codes = string_list(file, node, key);
    for (const std::string& c : codes) {
      if (c.empty()) fail(file, node.source(), fmt::format("{} has an empty rule code", key));
    }
    (key == "select" ? s.select : s.ignore) = Sourced<std::vector<std::string>>{std::move(codes), origin};
  } else if (key == "postfix-version") {
    std::string text = string_value(file, node, key);
    std::string why;
    if (!params::parse_version(text, &why)) fail(file, node.source(), "bad Postfix version \"" + text + "\": " + why);
    s.postfix_version = Sourced<std::string>{std::move(text), origin};
  } else if (key == "compatibility-level") {
    std::string text = string_value(file, node, key);
    if (!expand::compat_level_from_string(text)) {
      fail(file, node.source(), "bad compatibility level \"" + text + "\" (expected e.g. 2, 3.6 or 3.11)");
    }
    s.compatibility_level = Sourced<std::string>{std::move(text), origin};
  } else if (top_level && key == "fail-on") {
    std::string text = string_value(file, node, key);
    if (text != "error" && text != "warning" && text != "info" && text != "never") {
      fail(file, node.source(), "fail-on must be error, warning, info or never, not \"" + text + "\"");
    }
    s.fail_on = Sourced<std::string>{std::move(text), origin};
  } else if (top_level && key == "include-templates") {
    if (!node.is_boolean()) fail(file, node.source(), "include-templates must be true or false");
    s.include_templates = Sourced<bool>{node.as_boolean()->get(), origin};
  } else if (top_level && key == "baseline") {
    const std::string text = string_value(file, node, key);
    const fs::path p(text);
    s.baseline = Sourced<std::string>{(p.is_absolute() ? p : fs::path(file).parent_path() / p).lexically_normal().string(),
                                      origin};
  } else {
    return false;
  }
  return true;
}

ProjectOverride read_override(const std::string& file, const toml::table& table) {
  ProjectOverride o;
  bool has_paths = false;
  for (const auto& [key, node] : table) {
    if (key.str() == "paths") {
      o.paths = string_list(file, node, "paths");
      for (const std::string& glob : o.paths) {
        if (const std::string why = glob_error(glob); !why.empty()) fail(file, node.source(), why);
      }
      has_paths = true;
    } else if (!read_setting(file, key.str(), node, o.settings, false)) {
      fail(file, key.source(), fmt::format("unknown key {} in [[overrides]] (paths, select, ignore, "
                                           "postfix-version, compatibility-level)", key.str()));
    }
  }
  if (!has_paths || o.paths.empty()) fail(file, table.source(), "an [[overrides]] table needs a non-empty paths array");
  return o;
}

bool glob_match_at(std::string_view g, std::string_view p) {
  while (!g.empty()) {
    if (g.starts_with("**")) {
      g.remove_prefix(2);
      const bool slash = g.starts_with('/');
      for (std::size_t i = 0; i <= p.size(); ++i) {
        if (glob_match_at(g, p.substr(i))) return true;
        // "**/" also matches no directory at all.
        if (slash && glob_match_at(g.substr(1), p.substr(i))) return true;
      }
      return false;
    }
    if (g.front() == '*') {
      g.remove_prefix(1);
      for (std::size_t i = 0; i <= p.size(); ++i) {
        if (glob_match_at(g, p.substr(i))) return true;
        if (i < p.size() && p[i] == '/') break;
      }
      return false;
    }
    if (p.empty()) return false;
    if (g.front() == '[') {
      const std::size_t close = g.find(']', 2);
      std::string_view set = g.substr(1, close - 1);
      const bool negate = set.starts_with('!') || set.starts_with('^');
      if (negate) set.remove_prefix(1);
      bool in = false;
      for (std::size_t i = 0; i < set.size(); ++i) {
        if (i + 2 < set.size() && set[i + 1] == '-') {
          in = in || (p.front() >= set[i] && p.front() <= set[i + 2]);
          i += 2;
        } else {
          in = in || p.front() == set[i];
        }
      }
      if (in == negate || p.front() == '/') return false;
      g.remove_prefix(close + 1);
    } else if (g.front() == '?') {
      if (p.front() == '/') return false;
      g.remove_prefix(1);
    } else {
      if (g.front() != p.front()) return false;
      g.remove_prefix(1);
    }
    p.remove_prefix(1);
  }
  return p.empty();
}

template <class T>
void take(std::optional<T>& low, const std::optional<T>& high) {
  if (high) low = high;
}

template <class T>
std::string shown(const std::optional<Sourced<T>>& v, const std::string& fallback) {
  if (!v) return fmt::format("{}  (default)", fallback);
  if constexpr (std::is_same_v<T, bool>) {
    return fmt::format("{}  ({})", v->value ? "true" : "false", v->origin);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return fmt::format("\"{}\"  ({})", v->value, v->origin);
  } else {
    std::string items;
    for (const std::string& s : v->value) items += (items.empty() ? "\"" : ", \"") + s + "\"";
    return fmt::format("[{}]  ({})", items, v->origin);
  }
}

}  // namespace

std::optional<ProjectConfig> load_project_config(const std::string& path, std::string& error) {
  ProjectConfig config;
  config.path = path;
  config.dir = fs::absolute(fs::path(path)).parent_path().lexically_normal().string();
  try {
    const toml::table root = toml::parse_file(path);
    for (const auto& [key, node] : root) {
      if (key.str() == "overrides") {
        if (!node.is_array_of_tables()) fail(path, node.source(), "overrides must be an array of tables ([[overrides]])");
        for (const toml::node& t : *node.as_array()) config.overrides.push_back(read_override(path, *t.as_table()));
      } else if (!read_setting(path, key.str(), node, config.settings, true)) {
        fail(path, key.source(), fmt::format("unknown key {} (select, ignore, fail-on, postfix-version, "
                                             "compatibility-level, include-templates, baseline, [[overrides]])",
                                             key.str()));
      }
    }
  } catch (const toml::parse_error& e) {
    error = where(path, e.source()) + ": " + std::string(e.description());
    return std::nullopt;
  } catch (const ConfigError& e) {
    error = e.message;
    return std::nullopt;
  }
  return config;
}

std::optional<std::string> find_project_config(const std::string& path) {
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(path), ec).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (;;) {
    const fs::path candidate = dir / project_config_name;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_relative_path()) return std::nullopt;  // the root
    dir = dir.parent_path();
  }
}

ProjectSettings settings_for(const ProjectConfig& config, const std::string& dir) {
  std::error_code ec;
  const std::string relative =
      fs::absolute(fs::path(dir), ec).lexically_normal().lexically_relative(config.dir).generic_string();
  ProjectSettings out = config.settings;
  for (const ProjectOverride& o : config.overrides) {
    for (const std::string& glob : o.paths) {
      if (glob_match(glob, relative)) {
        out = overlay(std::move(out), o.settings);
        break;
      }
    }
  }
  return out;
}

ProjectSettings overlay(ProjectSettings low, const ProjectSettings& high) {
  take(low.select, high.select);
  take(low.ignore, high.ignore);
  take(low.fail_on, high.fail_on);
  take(low.postfix_version, high.postfix_version);
  take(low.compatibility_level, high.compatibility_level);
  take(low.baseline, high.baseline);
  take(low.include_templates, high.include_templates);
  return low;
}

bool to_check_options(const ProjectSettings& s, CheckOptions& out, std::string& error) {
  if (s.postfix_version) {
    std::string why;
    const auto v = params::parse_version(s.postfix_version->value, &why);
    if (!v) {
      error = s.postfix_version->origin + ": bad Postfix version \"" + s.postfix_version->value + "\": " + why;
      return false;
    }
    out.version = *v;
  }
  if (s.compatibility_level) {
    if (!expand::compat_level_from_string(s.compatibility_level->value)) {
      error = s.compatibility_level->origin + ": bad compatibility level \"" + s.compatibility_level->value +
              "\" (expected e.g. 2, 3.6 or 3.11)";
      return false;
    }
    out.compatibility_level = s.compatibility_level->value;
  }
  if (s.select) out.engine.select = s.select->value;
  if (s.ignore) out.engine.ignore = s.ignore->value;
  if (s.include_templates) out.include_templates = s.include_templates->value;
  return true;
}

std::string describe(const ProjectSettings& s) {
  std::string out;
  out += "select = " + shown(s.select, "[]  (every rule)") + "\n";
  out += "ignore = " + shown(s.ignore, "[]") + "\n";
  out += "fail-on = " + shown(s.fail_on, "\"warning\"") + "\n";
  out += "postfix-version = " + shown(s.postfix_version, "\"" + params::default_version().to_string() + "\"") + "\n";
  out += "compatibility-level = " + shown(s.compatibility_level, "main.cf's compatibility_level") + "\n";
  out += "include-templates = " + shown(s.include_templates, "false") + "\n";
  out += "baseline = " + shown(s.baseline, "none") + "\n";
  return out;
}

bool glob_match(std::string_view glob, std::string_view path) {
  if (!glob_error(glob).empty()) return false;
  // A glob naming a directory also covers what is below it ("legacy" and "legacy/**").
  if (glob_match_at(glob, path)) return true;
  const std::string below = std::string(glob) + (glob.ends_with('/') ? "**" : "/**");
  return glob_match_at(below, path);
}

}  // namespace pflint::check
