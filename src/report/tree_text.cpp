// NAME
//   tree_text — the outline of `pflint parse` (see tree_text.hpp).
// SEE ALSO
//   src/report/terminal_util.hpp, tests/cli/test_parse.sh.
#include "report/tree_text.hpp"

#include <fmt/format.h>

#include "report/terminal_util.hpp"

namespace pflint::report {
namespace {
using namespace pflint::syntax;

// shown - a value for the outline: escaped, long text cut.
std::string shown(std::string_view text) {
  return text.size() > 120 ? terminal_safe(text.substr(0, 120)) + "..." : terminal_safe(text);
}

}  // namespace

void write_tree_outline(const SourceFile& src, const Tree& tree, std::FILE* out) {
  fmt::print(out, "{}: {} file, {} bytes, {} lines, {} items\n", src.path(),
             tree.kind == FileKind::master_cf ? "master.cf" : "main.cf", src.size(), src.line_count(),
             tree.items.size());
  for (const Item& item : tree.items) {
    const Position start = src.position(item.span.begin);
    const Position last = src.position(item.span.end == 0 ? 0 : item.span.end - 1);
    const std::string lines = last.line > start.line ? fmt::format(" (lines {}-{})", start.line, last.line) : "";
    switch (item.kind) {
      case ItemKind::comment:
      case ItemKind::blank: break;  // not shown: the outline is about settings
      case ItemKind::parameter:
        fmt::print(out, "{:>6}:{:<3} parameter {} = \"{}\"{}\n", start.line, start.column, shown(src.slice(item.name)),
                   shown(postfix_value(src, item)), lines);
        break;
      case ItemKind::service: {
        const Service& s = tree.services[item.service];
        fmt::print(out, "{:>6}:{:<3} service {}/{}", start.line, start.column, shown(src.slice(s.fields[0])),
                   shown(src.slice(s.fields[1])));
        for (std::size_t f = 2; f < 8; ++f) {
          fmt::print(out, " {}={}", field_names[f], shown(src.slice(s.fields[f])));
        }
        fmt::print(out, "{}\n", lines);
        for (const Override& o : s.overrides) {
          const Position at = src.position(o.option.begin);
          fmt::print(out, "{:>6}:{:<3}   -o {}={}\n", at.line, at.column, shown(src.slice(o.name)),
                     shown(logical_text(src, o.value).text));
        }
        break;
      }
      case ItemKind::ignored:
      case ItemKind::error:
        fmt::print(out, "{:>6}:{:<3} {} \"{}\"{}\n", start.line, start.column, to_string(item.kind),
                   shown(logical_text(src, item.span).text), lines);
        break;
    }
  }
}

}  // namespace pflint::report
