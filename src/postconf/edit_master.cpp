// NAME
//   edit_master — postconf's master.cf edits and entry model (see edit_master.hpp).
// SEE ALSO
//   master_parse.hpp (the entry parser shared with the views);
//   src/postconf/postconf_edit.c, postconf_master.c, postconf_match.c in Postfix.
#include "postconf/edit_master.hpp"

#include <algorithm>
#include <array>

#include "postconf/edit_lines.hpp"
#include "postconf/master_format.hpp"
#include "postconf/master_parse.hpp"
#include "postconf/session.hpp"
#include "util/ascii.hpp"
#include "util/mystrtok.hpp"
#include "util/readlline.hpp"
#include "util/split_nameval.hpp"

namespace pflint::postconf::edits {

namespace {

using util::is_space;

constexpr std::string_view blanks = util::k_blanks;  // PCF_MASTER_BLANKS
constexpr std::size_t min_fields = k_master_min_fields;
constexpr int field_command = 7;
constexpr std::string_view edit_opts = "-Me, -Fe, -Pe, -X, or -#";

bool has_blank(std::string_view s) { return s.find_first_of(blanks) != std::string_view::npos; }

// parse_entry - parse_master_entry() as an editable entry; why not in the result.
ParsedMasterEntry parse_entry(std::string_view text, std::optional<MasterEntry>& entry) {
  MasterEntry parsed_entry;
  ParsedMasterEntry parsed = postconf::parse_master_entry(text, parsed_entry.warnings);
  if (parsed.ok()) {
    parsed_entry.argv = std::move(parsed.argv);
    entry = std::move(parsed_entry);
  }
  return parsed;
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
    for (const util::Token& t : util::mystrtokq(value, blanks)) entry.argv.emplace_back(t.text);
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
      util::NameValue nv;
      if (const char* err = util::split_nameval(cp, nv)) return fail(err + (": \"" + raw + "\""));
      pattern = std::string(nv.name);
      req.value = std::string(nv.value);
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
        req.field = service_attribute_index(name);
        if (req.field < 0) return fail("invalid service attribute name: \"" + name + "\"");
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
// Each physical line is added as a C string (postconf's vstring_strcpy /
// vstring_strcat of the line buffer): it ends at its first NUL byte, and a
// NUL-cut line loses its newline.
std::string MasterEditor::gobble(std::string_view first) {
  const auto c_string = [](std::string_view line) { return line.substr(0, line.find('\0')); };
  std::string full(c_string(first));
  while (next_ < lines_.size()) {
    const std::string_view line = lines_[next_];
    if (line[0] != '#' && !is_space(line[0])) break;
    ++next_;
    if (detail::content_offset(line) != std::string_view::npos)
      full += c_string(line);
    else
      out_.text += line;
  }
  return full;
}

// tentative - the entry a -Me request would write (parsed for every line, as postconf does).
bool MasterEditor::tentative(const MasterRequest& req, std::optional<MasterEntry>& entry) {
  const ParsedMasterEntry parsed = parse_entry(*req.value, entry);
  if (parsed.bad_field_count) return fail("bad field count: \"" + req.raw + "\"");
  if (parsed.fatal) return fail(*parsed.fatal);
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
            const ParsedMasterEntry parsed = parse_entry(gobble(line), new_entry);
            if (parsed.bad_field_count) return fail(where() + "bad field count");
            if (parsed.fatal) return fail(*parsed.fatal);
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
  util::LogicalLines lines(text);
  std::string entry;
  std::vector<std::string> warnings;  // the reader's warnings are not edit errors
  while (lines.next(entry)) {
    if (util::leading_space(entry)) continue;  // readllines() skips it
    ParsedMasterEntry parsed = postconf::parse_master_entry(entry, warnings);
    if (parsed.bad_field_count)
      return "file " + std::string(path) + ": line " + std::to_string(lines.first_line()) + ": bad field count";
    if (parsed.fatal) return std::move(parsed.fatal);
  }
  return std::nullopt;
}

}  // namespace pflint::postconf::edits
