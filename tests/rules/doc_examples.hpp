// Helpers for rule tests: extract a rule doc's example configs and check them.
#pragma once

#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "check/run.hpp"
#include "lint/rule.hpp"
#include "rules/registry.hpp"

namespace pflint::test {

// One example: files by name, plus options from the fence's info string
// ("```main.cf postfix=3.11 compat=3.11").
struct Example {
  std::map<std::string, std::string> files;
  std::optional<std::string> postfix_version;
  std::optional<std::string> compatibility_level;
};

// section - the text of "## <title>" up to the next "## " heading.
inline std::string section(std::string_view doc, std::string_view title) {
  const std::string heading = "## " + std::string(title) + "\n";
  const auto start = doc.find(heading);
  if (start == std::string_view::npos) return {};
  const auto body = start + heading.size();
  const auto next = doc.find("\n## ", body);
  return std::string(doc.substr(body, next == std::string_view::npos ? std::string_view::npos : next + 1 - body));
}

inline Example example_from(const std::string& text) {
  Example ex;
  std::size_t pos = 0;
  while ((pos = text.find("```", pos)) != std::string::npos) {
    const auto info_end = text.find('\n', pos);
    const std::string info = text.substr(pos + 3, info_end - pos - 3);
    const auto close = text.find("\n```", info_end);
    if (close == std::string::npos) break;
    const std::string body = text.substr(info_end + 1, close + 1 - (info_end + 1));
    std::vector<std::string> words;
    for (std::size_t i = 0; i < info.size();) {
      const auto sp = info.find(' ', i);
      words.push_back(info.substr(i, sp == std::string::npos ? std::string::npos : sp - i));
      if (sp == std::string::npos) break;
      i = sp + 1;
    }
    if (!words.empty() && !words[0].empty()) {
      ex.files[words[0]] += body;
      for (std::size_t k = 1; k < words.size(); ++k) {
        if (words[k].starts_with("postfix=")) ex.postfix_version = words[k].substr(8);
        if (words[k].starts_with("compat=")) ex.compatibility_level = words[k].substr(7);
      }
    }
    pos = close + 4;
  }
  return ex;
}

// codes_found - the codes of the findings a check with only `code` selected reports.
inline std::vector<std::string> codes_found(const Example& ex, std::string_view code, const std::string& tag) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("pflint-doc-" + tag + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& [name, text] : ex.files) std::ofstream(dir / name, std::ios::binary) << text;
  check::CheckOptions options;
  if (ex.postfix_version) options.version = *params::parse_version(*ex.postfix_version);
  options.compatibility_level = ex.compatibility_level;
  (void)code;  // all rules run, as for a user; callers count the code they care about
  check::ConfigSet set;
  set.dir = dir.string();
  if (ex.files.count("main.cf")) set.main_path = (dir / "main.cf").string();
  if (ex.files.count("master.cf")) set.master_path = (dir / "master.cf").string();
  std::vector<std::string> errors;
  auto checked = check::check_config_set(set, options, rules::all_rules(), errors);
  std::vector<std::string> out;
  for (const auto& d : checked->findings) out.emplace_back(d.code);
  fs::remove_all(dir);
  return out;
}

}  // namespace pflint::test
