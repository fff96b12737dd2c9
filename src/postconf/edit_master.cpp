// NAME
//   edit_master — postconf's master.cf edits and entry model (see edit_master.hpp).
// SEE ALSO
//   src/postconf/postconf_edit.c, postconf_master.c, postconf_match.c,
//   src/util/mystrtok.c (mystrtokq), src/util/extpar.c, balpar.c in Postfix.
#include "postconf/edit_master.hpp"

#include <algorithm>
#include <array>

#include "postconf/edit_lines.hpp"
#include "postconf/master_format.hpp"

namespace pflint::postconf::edits {

namespace {

using detail::is_space;

constexpr std::string_view blanks = " \t\r\n";  // PCF_MASTER_BLANKS
constexpr std::size_t min_fields = 8;
constexpr std::array<std::string_view, 8> field_names = {
    "service", "type", "private", "unprivileged", "chroot", "wakeup", "process_limit", "command"};
constexpr int field_command = 7;
constexpr std::string_view edit_opts = "-Me, -Fe, -Pe, -X, or -#";

bool has_blank(std::string_view s) { return s.find_first_of(blanks) != std::string_view::npos; }

// split_q - mystrtokq() over the whole text: words split on blanks outside {}.
std::vector<std::string> split_q(std::string_view text) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (true) {
    while (i < text.size() && blanks.find(text[i]) != std::string_view::npos) ++i;
    if (i >= text.size()) break;
    const std::size_t start = i;
    int level = 0;
    for (; i < text.size(); ++i) {
      const char ch = text[i];
      if (ch == '{') {
        ++level;
      } else if (level > 0 && ch == '}') {
        --level;
      } else if (level == 0 && blanks.find(ch) != std::string_view::npos) {
        break;
      }
    }
    out.emplace_back(text.substr(start, i - start));
  }
  return out;
}

// balpar - length of the balanced {...} at the start of s, or 0.
std::size_t balpar(std::string_view s) {
  int level = 1;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] == '}') {
      if (--level == 0) return i + 1;
    } else if (s[i] == '{') {
      ++level;
    }
  }
  return 0;
}

// extract_field - extpar(EXTPAR_FLAG_STRIP): text inside {}, blanks trimmed.
void extract_field(std::string& arg, std::vector<std::string>& warnings) {
  const std::size_t len = balpar(arg);
  std::string inner;
  if (len == 0) {
    warnings.push_back("master.cf: missing '}' in \"" + arg + "\"");
    inner = arg.substr(1);
  } else {
    if (len != arg.size()) warnings.push_back("master.cf: syntax error after '}' in \"" + arg + "\"");
    inner = arg.substr(1, len - 2);
  }
  arg = std::string(detail::trim_space(inner));
}

// normalize_nameval - "name = value" from inside {} as "name=value".
void normalize_nameval(std::string& arg, std::vector<std::string>& warnings) {
  auto nv = split_nameval(arg);
  if (nv.error) {
    warnings.push_back("master.cf: " + *nv.error + ": \"" + arg + "\"");
    return;
  }
  arg = nv.name + "=" + nv.value;
}

// expects_value - postconf's strchr("o", arg[1]), which also hits the NUL of "-".
bool expects_value(std::string_view arg) { return arg.size() < 2 || arg[1] == 'o'; }

// normalize_daemon_args - pcf_normalize_daemon_args().
void normalize_daemon_args(std::vector<std::string>& argv, std::vector<std::string>& warnings) {
  std::size_t field = min_fields;
  for (; field < argv.size(); ++field) {
    std::string& arg = argv[field];
    if (arg[0] != '-' || arg == "--") break;
    for (std::size_t cp = 2; cp < arg.size(); ++cp) {
      if (arg[cp] == 'o') {  // "-vo" → "-v" "-o"
        std::string rest = "-" + arg.substr(cp);
        arg.resize(cp);
        argv.insert(argv.begin() + static_cast<std::ptrdiff_t>(field) + 1, std::move(rest));
        break;
      }
    }
    if (!expects_value(argv[field])) continue;
    bool extract = false;
    if (argv[field].size() > 2) {  // "-oname=value" → "-o" "name=value"
      std::string value = argv[field].substr(2);
      argv[field].resize(2);
      argv.insert(argv.begin() + static_cast<std::ptrdiff_t>(field) + 1, std::move(value));
      field += 1;
      extract = argv[field][0] == '{';
    } else if (field + 1 < argv.size()) {
      field += 1;
      extract = argv[field][0] == '{';
    }
    if (extract) {
      extract_field(argv[field], warnings);
      if (argv[field - 1].size() > 1 && argv[field - 1][1] == 'o') normalize_nameval(argv[field], warnings);
    }
  }
  for (; field < argv.size(); ++field)
    if (argv[field][0] == '{') extract_field(argv[field], warnings);
}

// fix_fatal - pcf_fix_fatal(): newlines in the text shown as spaces.
std::string fix_fatal(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

// check_master_entry - pcf_check_master_entry(); raw is quoted in messages.
std::optional<std::string> check_master_entry(const std::vector<std::string>& argv, std::string_view raw) {
  const std::string quoted = "\" in \"" + std::string(raw) + "\"";
  static constexpr std::array<std::string_view, 5> types = {"unix", "fifo", "inet", "pass", "unix-dgram"};
  if (std::find(types.begin(), types.end(), argv[1]) == types.end())
    return fix_fatal("invalid type field \"" + argv[1] + quoted);
  for (std::size_t f = 2; f <= 4; ++f) {
    const std::string& v = argv[f];
    if (v.size() != 1 || std::string_view("yn-").find(v[0]) == std::string_view::npos)
      return fix_fatal("invalid " + std::string(field_names[f]) + " field \"" + v + quoted);
  }
  const std::string& wakeup = argv[5];
  std::size_t len = wakeup.size();
  if (len > 0 && wakeup[len - 1] == '?') --len;
  const bool digits = wakeup.find_first_not_of("0123456789") >= len;
  if (!(wakeup[0] == '-' && len == 1) && !digits) return fix_fatal("invalid wakeup field \"" + wakeup + quoted);
  const std::string& limit = argv[6];
  if (limit != "-" && limit.find_first_not_of("0123456789") != std::string::npos)
    return fix_fatal("invalid process_limit field \"" + limit + quoted);
  return std::nullopt;
}

bool match_part(std::string_view pattern, std::string_view value) { return pattern == "*" || pattern == value; }

// match_service - PCF_MATCH_SERVICE_PATTERN().
bool match_service(const std::vector<std::string>& pattern, std::string_view name, std::string_view type) {
  return match_part(pattern[0], name) && match_part(pattern[1], type);
}

// parse_service_pattern - pcf_parse_service_pattern(text, n, n): '/'-split,
// empty parts skipped, '*' only on its own.
std::optional<std::vector<std::string>> parse_service_pattern(std::string_view text, std::size_t n) {
  if (!text.empty() && text.front() == '/') return std::nullopt;
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t slash = std::min(text.find('/', i), text.size());
    if (slash > i) parts.emplace_back(text.substr(i, slash - i));
    i = slash + 1;
  }
  if (parts.size() != n) return std::nullopt;
  for (const auto& p : parts)
    if (p != "*" && p.find('*') != std::string::npos) return std::nullopt;
  return parts;
}

// edit_master_field - pcf_edit_master_field().
std::optional<std::string> edit_master_field(MasterEntry& entry, int field, const std::string& value) {
  if (field == field_command) {
    entry.argv.resize(field_command);
    for (auto& w : split_q(value)) entry.argv.push_back(std::move(w));
    normalize_daemon_args(entry.argv, entry.warnings);
  } else {
    entry.argv[static_cast<std::size_t>(field)] = value;
  }
  return check_master_entry(entry.argv, value);
}

// edit_master_param - pcf_edit_master_param(): update, remove or add -o name=value.
void edit_master_param(MasterEntry& entry, EditMode mode, const std::string& name, const std::optional<std::string>& value) {
  auto& argv = entry.argv;
  bool matched = false;
  std::size_t field = min_fields;
  for (; field < argv.size(); ++field) {
    const std::string& arg = argv[field];
    if (arg[0] != '-' || arg == "--") break;
    if (!expects_value(arg) || field + 1 >= argv.size()) continue;
    if (arg == "-o") {
      const std::string& aval = argv[field + 1];
      if (aval.size() > name.size() && aval.compare(0, name.size(), name) == 0 && aval[name.size()] == '=') {
        matched = true;
        if (mode == EditMode::set) {
          argv[field + 1] = name + "=" + *value;
        } else {
          argv.erase(argv.begin() + static_cast<std::ptrdiff_t>(field), argv.begin() + static_cast<std::ptrdiff_t>(field) + 2);
          field -= 2;
        }
      }
    }
    field += 1;
  }
  if (mode == EditMode::set && !matched) {
    const auto at = argv.begin() + static_cast<std::ptrdiff_t>(std::min(field, argv.size()));
    argv.insert(argv.insert(at, "-o") + 1, name + "=" + *value);
  }
}

}  // namespace

ParsedEntry parse_master_entry(std::string_view text) {
  ParsedEntry out;
  MasterEntry entry;
  entry.argv = split_q(text);
  if (entry.argv.size() < min_fields) {
    out.bad_field_count = "bad field count";
    return out;
  }
  if (auto fatal = check_master_entry(entry.argv, text)) {
    out.fatal = std::move(fatal);
    return out;
  }
  normalize_daemon_args(entry.argv, entry.warnings);
  out.entry = std::move(entry);
  return out;
}

MasterRequests parse_master_requests(MasterTarget target, EditMode mode, const std::vector<std::string>& args) {
  MasterRequests out;
  auto fail = [&](std::string text) {
    out.fatal = std::move(text);
    return out;
  };
  for (const auto& raw : args) {
    MasterRequest req;
    req.raw = raw;
    std::string_view cp = raw;
    if (cp.find('\n') != std::string_view::npos) return fail(std::string(edit_opts) + " accept no multi-line input");
    while (!cp.empty() && is_space(cp.front())) cp.remove_prefix(1);
    if (!cp.empty() && cp.front() == '#') return fail(std::string(edit_opts) + " accept no comment input");
    std::string pattern;
    if (mode == EditMode::set) {
      auto nv = split_nameval(cp);
      if (nv.error) return fail(*nv.error + ": \"" + raw + "\"");
      pattern = std::move(nv.name);
      req.value = std::move(nv.value);
    } else {
      if (cp.find('=') != std::string_view::npos) return fail("-X or -# requires names without value");
      pattern = std::string(cp);  // trailing blanks stay, as in postconf
    }
    switch (target) {
      case MasterTarget::entry: {
        auto parts = parse_service_pattern(pattern, 2);
        if (!parts) return fail("-Me, -MX or -M# requires service_name/type");
        req.pattern = std::move(*parts);
        break;
      }
      case MasterTarget::field: {
        auto parts = parse_service_pattern(pattern, 3);
        if (!parts) return fail("-Fe or -FX requires service_name/type/field_name");
        const std::string& name = (*parts)[2];
        if (name == "*") return fail("-Fe does not accept wild-card field name");
        const auto it = std::find(field_names.begin(), field_names.end(), name);
        if (it == field_names.end()) return fail("invalid service attribute name: \"" + name + "\"");
        req.field = static_cast<int>(it - field_names.begin());
        if (mode == EditMode::set && req.field < field_command && has_blank(*req.value))
          return fail("-Fe does not accept whitespace in non-command field");
        req.pattern = std::move(*parts);
        break;
      }
      case MasterTarget::param: {
        auto parts = parse_service_pattern(pattern, 3);
        if (!parts) return fail("-Pe or -PX requires service_name/type/parameter");
        if ((*parts)[2] == "*") return fail("-Pe does not accept wild-card parameter name");
        if (mode == EditMode::set && has_blank(*req.value))
          return fail("-Pe does not accept whitespace in parameter value");
        req.pattern = std::move(*parts);
        break;
      }
    }
    out.requests.push_back(std::move(req));
  }
  return out;
}

namespace {

// MasterEditor - the state of one pass over master.cf (pcf_edit_master).
class MasterEditor {
 public:
  MasterEditor(std::string_view text, std::string_view path, MasterTarget target, EditMode mode,
               const std::vector<MasterRequest>& requests)
      : lines_(detail::physical_lines(text)), path_(path), target_(target), mode_(mode), requests_(requests),
        match_count_(requests.size(), 0) {}

  EditOutcome run(std::string_view original);

 private:
  bool fail(std::string text) {
    out_.fatal = std::move(text);
    return false;
  }
  std::string where() const { return "file " + path_ + ": line " + std::to_string(lineno_) + ": "; }
  bool edit_logical_line(std::string_view line);
  bool check_names(std::string_view line, std::string& name, std::string& type);
  std::string gobble(std::string_view first);
  bool tentative(const MasterRequest& req, std::optional<MasterEntry>& entry);
  void take_warnings(MasterEntry& entry);

  std::vector<std::string_view> lines_;
  std::size_t next_ = 0;     // index of the next physical line
  int lineno_ = 0;           // postconf's count (continuations it gobbles are not counted)
  std::string path_;
  MasterTarget target_;
  EditMode mode_;
  const std::vector<MasterRequest>& requests_;
  std::vector<int> match_count_;
  bool matched_ = false;     // the current logical line matched (sticky)
  EditOutcome out_;
};

void MasterEditor::take_warnings(MasterEntry& entry) {
  for (auto& w : entry.warnings)
    if (std::find(out_.warnings.begin(), out_.warnings.end(), w) == out_.warnings.end()) out_.warnings.push_back(w);
  entry.warnings.clear();
}

// check_names - service name and type must open the line, without '=' or '/'.
bool MasterEditor::check_names(std::string_view line, std::string& name, std::string& type) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (words.size() < 2) {
    i = line.find_first_not_of(blanks, i);
    if (i == std::string_view::npos) break;
    const std::size_t end = std::min(line.find_first_of(blanks, i), line.size());
    words.emplace_back(line.substr(i, end - i));
    i = end;
  }
  if (words.size() < 2) return fail(where() + "specify service name and type on the same line");
  name = words[0];
  type = words[1];
  if (name.find('=') != std::string::npos)
    return fail(where() + "service name syntax \"" + name + "\" is unsupported with " + std::string(edit_opts));
  if (type.find_first_of("=/") != std::string::npos)
    return fail(where() + "service type syntax \"" + type + "\" is unsupported with " + std::string(edit_opts));
  return true;
}

// gobble - pcf_gobble_cf_line(): the entry's continuation lines joined to
// its first line; comment and blank lines up to the next entry go out first.
std::string MasterEditor::gobble(std::string_view first) {
  std::string full(first);
  while (next_ < lines_.size()) {
    const std::string_view line = lines_[next_];
    if (line[0] != '#' && !is_space(line[0])) break;
    ++next_;
    if (detail::content_offset(line) != std::string_view::npos)
      full += line;
    else
      out_.text += line;
  }
  return full;
}

// tentative - the entry a -Me request would write (parsed for every line, as postconf does).
bool MasterEditor::tentative(const MasterRequest& req, std::optional<MasterEntry>& entry) {
  auto parsed = parse_master_entry(*req.value);
  if (parsed.bad_field_count) return fail(*parsed.bad_field_count + ": \"" + req.raw + "\"");
  if (parsed.fatal) return fail(*parsed.fatal);
  entry = std::move(parsed.entry);
  take_warnings(*entry);
  return true;
}

bool MasterEditor::edit_logical_line(std::string_view line) {
  matched_ = false;
  std::string name;
  std::string type;
  if (!check_names(line, name, type)) return false;
  std::optional<MasterEntry> new_entry;
  const bool whole_entry_set = target_ == MasterTarget::entry && mode_ == EditMode::set;
  for (std::size_t r = 0; r < requests_.size(); ++r) {
    const MasterRequest& req = requests_[r];
    std::optional<MasterEntry> candidate;
    bool use_candidate = false;
    if (whole_entry_set && !tentative(req, candidate)) return false;
    if (match_service(req.pattern, name, type)) {
      matched_ = true;
      match_count_[r] += 1;
      if (mode_ == EditMode::set || (target_ == MasterTarget::param && mode_ == EditMode::remove)) {
        if (target_ == MasterTarget::entry) {
          use_candidate = match_count_[r] == 1;
        } else {
          if (!new_entry) {
            auto parsed = parse_master_entry(gobble(line));
            if (parsed.bad_field_count) return fail(where() + *parsed.bad_field_count);
            if (parsed.fatal) return fail(*parsed.fatal);
            new_entry = std::move(parsed.entry);
          }
          if (target_ == MasterTarget::field) {
            if (auto fatal = edit_master_field(*new_entry, req.field, *req.value)) return fail(*fatal);
          } else {
            edit_master_param(*new_entry, mode_, req.pattern[2], req.value);
          }
          take_warnings(*new_entry);
        }
      }
    } else if (candidate && match_service({candidate->argv[0], candidate->argv[1]}, name, type)) {
      matched_ = true;
      match_count_[r] += 1;
      use_candidate = match_count_[r] == 1;
    }
    if (use_candidate) new_entry = std::move(candidate);
  }
  if (new_entry) {
    out_.text += format_master_entry(new_entry->argv);
  } else if (!matched_) {
    out_.text += line;
  } else if (mode_ == EditMode::comment_out) {
    out_.text += '#';
    out_.text += line;
  }
  return true;
}

// append - a new entry at the end; unlike postconf, never glued onto an unterminated line.
EditOutcome MasterEditor::run(std::string_view original) {
  out_.text.reserve(original.size() + 256);
  while (next_ < lines_.size()) {
    const std::string_view line = lines_[next_++];
    ++lineno_;
    const std::size_t off = detail::content_offset(line);
    if (off == std::string_view::npos) {
      out_.text += line;
    } else if (off > 0) {
      if (!matched_) {
        out_.text += line;
      } else if (mode_ == EditMode::comment_out) {
        out_.text += '#';
        out_.text += line;
      }
    } else if (!edit_logical_line(line)) {
      return std::move(out_);
    }
  }
  for (std::size_t r = 0; r < requests_.size(); ++r) {
    if (match_count_[r] != 0) continue;
    if (target_ == MasterTarget::entry && mode_ == EditMode::set) {
      std::optional<MasterEntry> entry;
      if (!tentative(requests_[r], entry)) return std::move(out_);
      if (!out_.text.empty() && out_.text.back() != '\n') out_.text += '\n';
      out_.text += format_master_entry(entry->argv);
    } else if (target_ != MasterTarget::entry) {
      out_.warnings.push_back("unmatched service_name/type: \"" + requests_[r].raw + "\"");
    }
  }
  out_.changed = out_.text != original;
  return std::move(out_);
}

}  // namespace

EditOutcome edit_master_cf(std::string_view text, std::string_view path, MasterTarget target, EditMode mode,
                           const std::vector<MasterRequest>& requests) {
  return MasterEditor(text, path, target, mode, requests).run(text);
}

std::optional<std::string> check_master_cf(std::string_view text, std::string_view path) {
  const auto lines = detail::physical_lines(text);
  std::string entry;
  int first_line = 0;
  auto check = [&]() -> std::optional<std::string> {
    if (entry.empty()) return std::nullopt;
    auto parsed = parse_master_entry(entry);
    if (parsed.bad_field_count)
      return "file " + std::string(path) + ": line " + std::to_string(first_line) + ": " + *parsed.bad_field_count;
    return parsed.fatal;
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    const std::size_t off = detail::content_offset(line);
    if (off == std::string_view::npos) continue;
    std::string_view body = line;
    if (!body.empty() && body.back() == '\n') body.remove_suffix(1);
    if (off > 0) {
      if (!entry.empty()) entry += body;  // readllines() joins without the newline
      continue;                           // (an indented first line is ignored)
    }
    if (auto error = check()) return error;
    entry = std::string(body);
    first_line = static_cast<int>(i) + 1;
  }
  return check();
}

}  // namespace pflint::postconf::edits
