// Helpers for rule tests: extract a rule doc's example configs and check them.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "../unit/temp_config.hpp"
#include "check/run.hpp"
#include "lint/rule.hpp"
#include "rules/registry.hpp"

namespace pflint::test {

// One example: files by name, options from the fence's info string
// ("```main.cf postfix=3.11 compat=3.11"), and the codes its `# expect:`
// marker lines list ("# expect: PF2001, PF3004" on a comment line of its
// own; a Postfix comment, so the example still reads as a config).
struct Example {
  std::map<std::string, std::string> files;
  std::optional<std::string> postfix_version;
  std::optional<std::string> compatibility_level;
  std::set<std::string> expected;
  std::vector<std::string> problems;  // an unclosed fence, a malformed marker
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

// expect_marker - the codes of a "# expect: PFnnnn[, PFmmmm]" line, an
// empty set for any other line; `problem` is set when a line is meant as a
// marker ("# expect:", or "# expect PF...") but does not list codes that way.
inline std::set<std::string> expect_marker(std::string_view line, std::string& problem) {
  std::size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos || line[i] != '#') return {};
  i = line.find_first_not_of(" \t", i + 1);
  if (i == std::string_view::npos || !line.substr(i).starts_with("expect")) return {};
  std::string_view rest = line.substr(i + 6);
  const std::size_t gap = std::min(rest.find_first_not_of(" \t"), rest.size());
  // "# expected ..." is prose; "# expect PF2001" is a marker without its ':'.
  if (!rest.substr(gap).starts_with(":") && !(gap > 0 && rest.substr(gap).starts_with("PF"))) return {};
  rest.remove_prefix(gap);
  std::set<std::string> codes;
  bool ok = rest.starts_with(":");
  rest.remove_prefix(ok ? 1 : 0);
  while (ok) {
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    const std::string_view code = rest.substr(0, 6);
    ok = code.size() == 6 && code.starts_with("PF") &&
         code.substr(2).find_first_not_of("0123456789") == std::string_view::npos;
    if (!ok) break;
    codes.emplace(code);
    rest.remove_prefix(6);
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    if (rest.empty()) return codes;
    ok = rest.starts_with(",");
    rest.remove_prefix(1);
  }
  problem = "malformed marker line: " + std::string(line);
  return {};
}

inline Example example_from(const std::string& text) {
  Example ex;
  std::size_t pos = 0;
  while ((pos = text.find("```", pos)) != std::string::npos) {
    const auto info_end = text.find('\n', pos);
    const std::string info = text.substr(pos + 3, info_end - pos - 3);
    const auto close = text.find("\n```", info_end);
    if (info_end == std::string::npos || close == std::string::npos) {
      ex.problems.push_back("unclosed ``` fence");
      break;
    }
    const std::string body = text.substr(info_end + 1, close + 1 - (info_end + 1));
    std::vector<std::string> words;
    for (std::size_t i = 0; i < info.size();) {
      const auto sp = info.find(' ', i);
      words.push_back(info.substr(i, sp == std::string::npos ? std::string::npos : sp - i));
      if (sp == std::string::npos) break;
      i = sp + 1;
    }
    if (words.empty() || words[0].empty()) {
      ex.problems.push_back("a ``` fence without a file name");
    } else {
      ex.files[words[0]] += body;
      for (std::size_t k = 1; k < words.size(); ++k) {
        if (words[k].starts_with("postfix=")) ex.postfix_version = words[k].substr(8);
        if (words[k].starts_with("compat=")) ex.compatibility_level = words[k].substr(7);
      }
      for (std::size_t b = 0; b < body.size();) {
        const auto eol = body.find('\n', b);
        std::string problem;
        const auto line = std::string_view(body).substr(b, eol == std::string::npos ? std::string::npos : eol - b);
        ex.expected.merge(expect_marker(line, problem));
        if (!problem.empty()) ex.problems.push_back(problem);
        b = eol == std::string::npos ? body.size() : eol + 1;
      }
    }
    pos = close + 4;
  }
  return ex;
}

// codes_found - the codes of all findings a check of the example reports
// (every rule runs, as for a user); I/O errors are added to `errors`.
inline std::vector<std::string> codes_found(const Example& ex, std::vector<std::string>* errors = nullptr) {
  check::CheckOptions options;
  if (ex.postfix_version) options.version = *params::parse_version(*ex.postfix_version);
  options.compatibility_level = ex.compatibility_level;
  std::vector<std::string> io_errors;
  const auto checked = check_files(ex.files, options, io_errors);
  if (errors) errors->insert(errors->end(), io_errors.begin(), io_errors.end());
  std::vector<std::string> out;
  if (checked)
    for (const auto& d : checked->findings) out.emplace_back(d.code);
  return out;
}

}  // namespace pflint::test
