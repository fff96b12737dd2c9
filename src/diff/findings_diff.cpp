// NAME
//   findings_diff — added and resolved findings (see findings_diff.hpp).
#include "diff/findings_diff.hpp"

#include <map>

namespace pflint::diff {
namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }

// without_dir - `text` with every "DIR/" removed.
std::string without_dir(std::string_view text, std::string_view dir) {
  std::string out;
  const std::string prefix = dir.empty() || dir == "." ? std::string() : std::string(dir) + "/";
  while (!prefix.empty()) {
    const std::size_t at = text.find(prefix);
    if (at == std::string_view::npos) break;
    out.append(text.substr(0, at));
    text.remove_prefix(at + prefix.size());
  }
  out.append(text);
  return out;
}

// blank_positions - ":12" and ":12:5" after a name become ":#".
std::string blank_positions(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    out.push_back(text[i]);
    if (text[i] != ':' || i + 1 >= text.size() || !is_digit(text[i + 1])) continue;
    out.push_back('#');
    while (i + 1 < text.size() && (is_digit(text[i + 1]) || (text[i + 1] == ':' && i + 2 < text.size() &&
                                                                   is_digit(text[i + 2])))) {
      ++i;
    }
  }
  return out;
}

std::string identity(const lint::Diagnostic& d, std::string_view dir) {
  std::string key(d.code);
  key += '\0';
  if (d.file) key += without_dir(d.file->path(), dir);
  key += '\0';
  key += blank_positions(without_dir(d.message, dir));
  return key;
}

// only_in - the findings of `side` whose identity `other` has fewer of.
std::vector<Finding> only_in(const std::vector<lint::Diagnostic>& side, std::string_view side_dir,
                             const std::vector<lint::Diagnostic>& other, std::string_view other_dir) {
  std::map<std::string, int> count;
  for (const lint::Diagnostic& d : other) ++count[identity(d, other_dir)];
  std::vector<Finding> out;
  for (const lint::Diagnostic& d : side) {
    int& n = count[identity(d, side_dir)];
    if (n > 0)
      --n;
    else
      out.push_back(finding_of(d));
  }
  return out;
}
}  // namespace

Finding finding_of(const lint::Diagnostic& d) {
  Finding f{std::string(d.code), std::string(lint::to_string(d.severity)), {}, 0, 0, d.message};
  if (d.file) {
    f.file = d.file->path();
    const syntax::Position p = d.file->position(d.span.begin);
    f.line = p.line;
    f.column = p.column;
  }
  return f;
}

FindingsDiff diff_findings(const std::vector<lint::Diagnostic>& was, std::string_view was_dir,
                           const std::vector<lint::Diagnostic>& now, std::string_view now_dir) {
  return {only_in(now, now_dir, was, was_dir), only_in(was, was_dir, now, now_dir)};
}

}  // namespace pflint::diff
