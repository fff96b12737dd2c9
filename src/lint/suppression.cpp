// NAME
//   suppression — finding `# pflint:` directives and applying them.
#include "lint/suppression.hpp"

#include <algorithm>

#include "util/ascii.hpp"
#include "util/mystrtok.hpp"

namespace pflint::lint {
namespace {

using util::trim;

std::vector<std::string> split_codes(std::string_view list) {
  std::vector<std::string> out;
  for (const util::Token& t : util::mystrtok(list, ", ")) out.emplace_back(t.text);
  return out;
}

bool plausible_code(std::string_view code) {
  if (code == "ALL" || code == "all") return true;
  if (!code.starts_with("PF") || code.size() < 3 || code.size() > 6) return false;
  return std::all_of(code.begin() + 2, code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

// directive_text - the comment's bytes from its '#' to its last non-blank.
syntax::Span directive_text(const syntax::SourceFile& file, syntax::Span comment) {
  const std::string_view text = file.slice(comment);
  const std::string_view body = trim(text);
  const auto begin = comment.begin + static_cast<std::uint32_t>(body.data() - text.data());
  return {begin, begin + static_cast<std::uint32_t>(body.size())};
}

// next_logical_item - the first parameter/service/error item after `index`.
const syntax::Item* next_logical_item(const syntax::Tree& tree, std::size_t index) {
  for (std::size_t i = index + 1; i < tree.items.size(); ++i) {
    const auto kind = tree.items[i].kind;
    if (kind != syntax::ItemKind::comment && kind != syntax::ItemKind::blank) return &tree.items[i];
  }
  return nullptr;
}

Diagnostic problem(const syntax::SourceFile& file, syntax::Span span, std::string message) {
  Diagnostic d;
  d.code = "PF1902";
  d.rule = "malformed-suppression";
  d.severity = Severity::warning;
  d.file = &file;
  d.span = span;
  d.message = std::move(message);
  return d;
}

}  // namespace

std::vector<Suppression> find_suppressions(const config::ParsedFile& file, std::vector<Diagnostic>& problems) {
  std::vector<Suppression> out;
  const syntax::Tree& tree = file.tree;
  for (std::size_t i = 0; i < tree.items.size(); ++i) {
    const syntax::Item& item = tree.items[i];
    if (item.kind != syntax::ItemKind::comment) continue;
    const syntax::Span comment = tree.tokens[item.first_token].span;
    std::string_view text = trim(file.source.slice(comment));
    text.remove_prefix(1);  // '#'
    text = trim(text);
    if (!text.starts_with("pflint:")) continue;
    text = trim(text.substr(7));
    Suppression s;
    s.file = &file.source;
    s.directive = comment;
    s.line = item.span;
    std::string_view codes;
    if (text.starts_with("disable-file=")) {
      s.whole_file = true;
      codes = text.substr(13);
    } else if (text.starts_with("disable=")) {
      codes = text.substr(8);
    } else {
      problems.push_back(problem(file.source, comment,
                                 "unknown pflint directive: expected \"disable=CODES\" or \"disable-file=CODES\""));
      continue;
    }
    s.codes = split_codes(codes);
    const auto bad = std::find_if_not(s.codes.begin(), s.codes.end(), plausible_code);
    if (s.codes.empty() || bad != s.codes.end()) {
      problems.push_back(problem(file.source, comment,
                                 s.codes.empty() ? "pflint directive names no rule codes"
                                                 : "not a rule code in pflint directive: \"" + *bad + "\""));
      continue;
    }
    if (!s.whole_file) {
      const syntax::Item* target = next_logical_item(tree, i);
      if (!target) {
        problems.push_back(problem(file.source, comment, "pflint directive is not followed by a setting to apply to"));
        continue;
      }
      s.target = target->span;
    }
    s.used.assign(s.codes.size(), false);
    out.push_back(std::move(s));
  }
  return out;
}

void apply_suppressions(std::vector<Diagnostic>& findings, std::vector<Suppression>& suppressions,
                        std::span<const Rule> rules_run) {
  std::erase_if(findings, [&](const Diagnostic& d) {
    bool suppressed = false;
    for (Suppression& s : suppressions) {
      if (s.file != d.file || !d.file) continue;
      if (!s.whole_file && (d.span.begin < s.target.begin || d.span.begin >= s.target.end)) continue;
      for (std::size_t k = 0; k < s.codes.size(); ++k) {
        if (selector_matches(s.codes[k], d.code)) {
          s.used[k] = true;
          suppressed = true;
        }
      }
    }
    return suppressed;
  });
  for (const Suppression& s : suppressions) {
    // Only a rule that actually ran can prove a suppression useless.
    std::vector<bool> unused(s.codes.size(), false);
    std::vector<std::string> kept;
    for (std::size_t k = 0; k < s.codes.size(); ++k) {
      unused[k] = !s.used[k] && std::any_of(rules_run.begin(), rules_run.end(), [&](const Rule& r) {
        return selector_matches(s.codes[k], r.info->code);
      });
      if (!unused[k]) kept.push_back(s.codes[k]);
    }
    const Fix fix = kept.empty()
                        ? Fix{"Remove the unused suppression comment", {{s.file, s.line, ""}}, true}
                        : Fix{"Remove the unused codes from the suppression",
                              {{s.file, directive_text(*s.file, s.directive),
                                std::string(s.whole_file ? "# pflint: disable-file=" : "# pflint: disable=") +
                                    join_codes(kept)}},
                              true};
    for (std::size_t k = 0; k < s.codes.size(); ++k) {
      if (!unused[k]) continue;
      Diagnostic d;
      d.code = "PF1901";
      d.rule = "unused-suppression";
      d.severity = Severity::info;
      d.file = s.file;
      d.span = s.directive;
      d.message = "suppression of " + s.codes[k] + " suppresses nothing" +
                  (s.whole_file ? " in this file" : " on the next setting");
      d.fixes.push_back(fix);
      findings.push_back(std::move(d));
    }
  }
  std::stable_sort(findings.begin(), findings.end(), position_less);
}

}  // namespace pflint::lint
