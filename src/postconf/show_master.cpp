// NAME
//   show_master — print master.cf entries (-M), fields (-F) and -o
//   parameters (-P), optionally filtered by service[/type[/name]].
// DESCRIPTION
//   -M prints each entry with the first seven fields at postconf's column
//   goals and the daemon arguments after them; -Mf puts every "-o
//   name=value" on its own indented line and wraps other arguments before
//   column 80. A value or argument with blanks is shown as {text} (the
//   printer is master_format.hpp, shared with the edits). -F
//   prints "service/type/field = value"; -P prints "service/type/name =
//   value" sorted by name per entry, through the whitespace-normalizing
//   printer. Filters allow "*" as a whole component and must match at
//   least one entry.
// DIAGNOSTICS
//   Fatal "-M option requires service_name[/type]" (and the -F/-P forms),
//   "invalid service attribute name: ..."; warning "unmatched request: ...".
// SEE ALSO
//   src/postconf/postconf_master.c, postconf_match.c in Postfix.
#include <algorithm>
#include <optional>
#include <vector>

#include "postconf/diag.hpp"
#include "postconf/master_format.hpp"
#include "postconf/print_line.hpp"
#include "postconf/views.hpp"

namespace pflint::postconf {

namespace {

constexpr int k_field_any = -1;

// Request - one command-line filter (PCF_MASTER_FLD_REQ).
struct Request {
  std::string raw;
  std::vector<std::string> pattern;  // service, type[, field or parameter]
  int field = k_field_any;
  int matches = 0;
};

// parse_service_pattern - pcf_parse_service_pattern(); nullopt if invalid.
std::optional<std::vector<std::string>> parse_service_pattern(std::string_view text, std::size_t min_expr,
                                                              std::size_t max_expr) {
  if (!text.empty() && text[0] == '/') return std::nullopt;
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == '/') ++i;
    if (i >= text.size()) break;
    const std::size_t j = std::min(text.find('/', i), text.size());
    parts.emplace_back(text.substr(i, j - i));
    i = j;
  }
  if (parts.size() < min_expr || parts.size() > max_expr) return std::nullopt;
  for (const std::string& p : parts)
    if (p != "*" && p.find('*') != std::string::npos) return std::nullopt;
  while (parts.size() < max_expr) parts.emplace_back("*");
  return parts;
}

bool matches(const Request& r, const MasterEntry& e) {
  return (r.pattern[0] == "*" || r.pattern[0] == e.argv[0]) && (r.pattern[1] == "*" || r.pattern[1] == e.argv[1]);
}

int parse_field_pattern(const std::string& name);

std::vector<Request> parse_requests(const Session& s, std::size_t max_expr, std::string_view usage,
                                    bool fields = false) {
  std::vector<Request> reqs;
  for (const std::string& arg : s.options.args) {
    Request r;
    r.raw = arg;
    auto pattern = parse_service_pattern(arg, 1, max_expr);
    if (!pattern) fatal(std::string(usage));
    r.pattern = std::move(*pattern);
    if (fields) r.field = parse_field_pattern(r.pattern[2]);
    reqs.push_back(std::move(r));
  }
  return reqs;
}

void warn_unmatched(const std::vector<Request>& reqs) {
  for (const Request& r : reqs)
    if (r.matches == 0) warn("unmatched request: \"" + r.raw + "\"");
}

// option_value - what -x shows for a "-o" value: expanded in the entry's scope.
OptionValue option_value(Session& s, const MasterEntry& e) {
  if (!s.options.expand) return {};
  return [&s, &e](const std::string& value) { return s.expand_value(LookupMode{}, value, &e); };
}

// print_master_entry - pcf_print_master_entry().
void print_master_entry(Session& s, const MasterEntry& e) {
  append_master_entry(out(), e.argv, s.options.fold, option_value(s, e));
}

// print_master_field - pcf_print_master_field().
void print_master_field(Session& s, const MasterEntry& e, int field_index) {
  const std::vector<std::string>& argv = e.argv;
  const auto field = static_cast<std::size_t>(field_index);
  std::string& sink = out();
  if (s.options.hide_value) {
    std::string label = e.name_space;
    label.push_back('/');
    label.append(service_attribute_name(field_index));
    print_line(sink, s.options.fold, label);
    return;
  }
  int line_len = 0;
  if (!s.options.hide_name) {
    const std::string_view attr = service_attribute_name(field_index);
    sink.append(argv[0]).push_back('/');
    sink.append(argv[1]).push_back('/');
    sink.append(attr).append(" = ");
    line_len = static_cast<int>(argv[0].size() + argv[1].size() + attr.size() + 5);
    if (line_len + static_cast<int>(argv[field].size()) > k_line_limit) {
      sink.push_back('\n');
      sink.append(k_indent_text);
      line_len = k_indent_len;
    }
  }
  sink.append(argv[field]);
  line_len += static_cast<int>(argv[field].size());
  if (field == 7) append_daemon_args(sink, argv, line_len, s.options.fold, option_value(s, e));
  sink.push_back('\n');
}

// print_master_param - pcf_print_master_param().
void print_master_param(Session& s, const MasterEntry& e, std::string_view name, const std::string& value) {
  if (s.options.hide_value) {
    std::string label = e.name_space;
    label.push_back('/');
    label.append(name);
    print_line(out(), s.options.fold, label);
    return;
  }
  std::string expanded;
  std::string_view text = value;
  if (s.options.expand) {
    expanded = s.expand_value(LookupMode{}, value, &e);
    text = expanded;
  }
  if (s.options.hide_name) {
    print_line(out(), s.options.fold, text);
  } else {
    std::string label = e.name_space;
    label.push_back('/');
    label.append(name);
    print_name_value(out(), s.options.fold, label, text);
  }
}

void show_master_any_param(Session& s, const MasterEntry& e) {
  std::vector<const Dict::Entry*> list;
  for (const Dict::Entry& d : e.params->entries())
    if (!d.deleted) list.push_back(&d);
  std::sort(list.begin(), list.end(), [](const auto* a, const auto* b) { return a->name < b->name; });
  for (const Dict::Entry* d : list) print_master_param(s, e, d->name, d->value);
}

// parse_field_pattern - pcf_parse_field_pattern().
int parse_field_pattern(const std::string& name) {
  if (name == "*") return k_field_any;
  if (const int field = service_attribute_index(name); field >= 0) return field;
  fatal("invalid service attribute name: \"" + name + "\"");
}

}  // namespace

void show_master_entries(Session& s) {
  std::vector<Request> reqs = parse_requests(s, 2, "-M option requires service_name[/type]");
  for (const MasterEntry& e : s.master) {
    if (reqs.empty()) {
      print_master_entry(s, e);
      continue;
    }
    for (Request& r : reqs) {
      if (matches(r, e)) {
        ++r.matches;
        print_master_entry(s, e);
      }
    }
  }
  warn_unmatched(reqs);
}

void show_master_fields(Session& s) {
  std::vector<Request> reqs = parse_requests(s, 3, "-F option requires service_name[/type[/field]]", true);
  for (const MasterEntry& e : s.master) {
    if (reqs.empty()) {
      for (int f = 0; f < 8; ++f) print_master_field(s, e, f);
      continue;
    }
    for (Request& r : reqs) {
      if (!matches(r, e)) continue;
      ++r.matches;
      if (r.field == k_field_any) {
        for (int f = 0; f < 8; ++f) print_master_field(s, e, f);
      } else {
        print_master_field(s, e, r.field);
      }
    }
  }
  warn_unmatched(reqs);
}

void show_master_params(Session& s) {
  std::vector<Request> reqs = parse_requests(s, 3, "-P option requires service_name[/type[/parameter]]");
  for (const MasterEntry& e : s.master) {
    if (e.params == nullptr) continue;
    if (reqs.empty()) {
      show_master_any_param(s, e);
      continue;
    }
    for (Request& r : reqs) {
      if (!matches(r, e)) continue;
      if (r.pattern[2] == "*") {
        show_master_any_param(s, e);
        ++r.matches;
      } else if (const std::string* v = e.params->get(r.pattern[2])) {
        print_master_param(s, e, r.pattern[2], *v);
        ++r.matches;
      }
    }
  }
  warn_unmatched(reqs);
}

}  // namespace pflint::postconf
