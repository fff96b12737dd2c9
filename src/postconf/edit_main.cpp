// NAME
//   edit_main — postconf -e, -X and -# on a main.cf text (see edit_main.hpp).
// SEE ALSO
//   src/postconf/postconf_edit.c (pcf_edit_main) in Postfix.
#include "postconf/edit_main.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "postconf/edit_lines.hpp"
#include "syntax/tree.hpp"
#include "util/ascii.hpp"
#include "util/split_nameval.hpp"

namespace pflint::postconf::edits {

using util::is_space;

namespace {

// request_text - how postconf quotes a request it ignores.
std::string request_text(const MainRequest& r) {
  return r.value ? "'" + r.name + " = " + *r.value + "'" : "'" + r.name + "'";
}

// parse_one - one argument, or postconf's fatal text.
std::optional<std::string> parse_one(EditMode mode, std::string_view arg, MainRequest& out) {
  if (arg.find('\n') != std::string_view::npos) return "-e, -X, or -# accepts no multi-line input";
  while (!arg.empty() && is_space(arg.front())) arg.remove_prefix(1);
  if (!arg.empty() && arg.front() == '#') return "-e, -X, or -# accepts no comment input";
  if (mode == EditMode::set) {
    util::NameValue nv;
    if (const char* err = util::split_nameval(arg, nv)) return err + (": \"" + std::string(arg) + "\"");
    out.name = std::string(nv.name);
    out.value = std::string(nv.value);
    return std::nullopt;
  }
  if (arg.empty()) return "-X or -# requires non-blank parameter names";
  if (arg.find('=') != std::string_view::npos) return "-X or -# requires parameter names without value";
  // postconf calls trimblanks() without using its result: trailing blanks stay.
  out.name = std::string(arg);
  out.value.reset();
  return std::nullopt;
}

}  // namespace

MainRequests parse_main_requests(EditMode mode, const std::vector<std::string>& args) {
  MainRequests out;
  for (const auto& arg : args) {
    MainRequest r;
    if (auto fatal = parse_one(mode, arg, r)) {
      out.fatal = std::move(fatal);
      return out;
    }
    auto same = std::find_if(out.requests.begin(), out.requests.end(),
                             [&](const MainRequest& e) { return e.name == r.name; });
    if (same != out.requests.end()) {
      out.warnings.push_back("ignoring earlier request: " + request_text(*same));
      out.requests.erase(same);
    }
    out.requests.push_back(std::move(r));
  }
  return out;
}

EditOutcome edit_main_cf(std::string_view text, std::string_view path, EditMode mode,
                         const std::vector<MainRequest>& requests) {
  EditOutcome out;
  out.text.reserve(text.size() + 64);
  std::vector<int> found(requests.size(), 0);
  bool interesting = false;  // inside a logical line that matched a request
  for (const std::string_view line : detail::physical_lines(text)) {
    const std::size_t off = detail::content_offset(line);
    if (off == std::string_view::npos) {  // comment or blank: always kept
      out.text += line;
    } else if (off > 0) {  // continuation line
      if (!interesting) {
        out.text += line;
      } else if (mode == EditMode::comment_out) {
        out.text += '#';
        out.text += line;
      }
    } else {  // start of a logical line
      const std::string_view key = line.substr(0, std::min(line.find_first_of(" \t\r\n="), line.size()));
      const auto it = std::find_if(requests.begin(), requests.end(),
                                   [&](const MainRequest& r) { return r.name == key; });
      interesting = it != requests.end();
      if (!interesting) {
        out.text += line;
        continue;
      }
      const auto i = static_cast<std::size_t>(it - requests.begin());
      if (found[i]++ == 1)
        out.warnings.push_back(std::string(path) + ": multiple entries for \"" + std::string(key) + "\"");
      if (mode == EditMode::set) {
        out.text += std::string(key) + " = " + *it->value + "\n";
      } else if (mode == EditMode::comment_out) {
        out.text += '#';
        out.text += line;
      }
    }
  }
  if (mode == EditMode::set) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
      if (found[i] != 0) continue;
      // Improvement over postconf: never glue a new line onto an unterminated last line.
      if (!out.text.empty() && out.text.back() != '\n') out.text += '\n';
      out.text += requests[i].name + " = " + *requests[i].value + "\n";
    }
  }
  out.changed = out.text != text;
  return out;
}

// main_cf_error - the first error of the parser (missing '=', missing name).
std::optional<std::string> main_cf_error(const std::string& path, const std::string& text) {
  const syntax::SourceFile source(path, text);
  const syntax::Tree tree = syntax::parse_main_cf(source);
  const syntax::SyntaxDiagnostic* first = nullptr;
  for (const auto& d : tree.diagnostics)
    if (d.severity == syntax::Severity::error && (first == nullptr || d.span.begin < first->span.begin)) first = &d;
  if (first == nullptr) return std::nullopt;
  return fmt::format("{}, line {}: {}", path, source.position(first->span.begin).line, first->message);
}

}  // namespace pflint::postconf::edits
