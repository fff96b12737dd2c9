// NAME
//   master_parse — pcf_parse_master_entry() (see master_parse.hpp).
#include "postconf/master_parse.hpp"

#include <algorithm>
#include <array>

#include "postconf/session.hpp"
#include "util/mystrtok.hpp"
#include "util/split_nameval.hpp"

namespace pflint::postconf {

namespace {

// extract_field - pcf_extract_field(): strip {} with a warning on errors.
void extract_field(std::string& arg, std::vector<std::string>& warnings) {
  util::Unwrapped u = util::extpar(arg, true);
  if (u.error) warnings.push_back("master.cf: " + *u.error);
  arg = std::move(u.text);
}

// normalize_nameval - pcf_normalize_nameval(): "name = value" as "name=value".
void normalize_nameval(std::string& arg, std::vector<std::string>& warnings) {
  util::NameValue nv;
  if (const char* err = util::split_nameval(arg, nv)) {
    warnings.push_back(std::string("master.cf: ") + err + ": \"" + arg + "\"");
    return;
  }
  arg = std::string(nv.name) + "=" + std::string(nv.value);
}

}  // namespace

std::optional<std::string> check_master_entry(const std::vector<std::string>& argv, std::string_view raw) {
  const auto invalid = [&](std::string_view field, std::string_view value) {
    std::string text = "invalid ";
    text.append(field).append(" field \"").append(value).append("\" in \"").append(raw).append("\"");
    std::replace(text.begin(), text.end(), '\n', ' ');  // pcf_fix_fatal()
    return text;
  };
  static constexpr std::array<std::string_view, 5> types = {"unix", "fifo", "inet", "pass", "unix-dgram"};
  if (std::find(types.begin(), types.end(), argv[1]) == types.end()) return invalid("type", argv[1]);
  for (int field = 2; field <= 4; ++field) {
    const std::string& cp = argv[static_cast<std::size_t>(field)];
    if (cp.size() != 1 || std::string_view("yn-").find(cp[0]) == std::string_view::npos)
      return invalid(service_attribute_name(field), cp);
  }
  const std::string& wakeup = argv[5];
  std::size_t len = wakeup.size();
  if (len > 0 && wakeup[len - 1] == '?') --len;
  const bool digits = wakeup.find_first_not_of("0123456789") >= len;
  if (!(wakeup[0] == '-' && len == 1) && !digits) return invalid("wakeup", wakeup);
  const std::string& limit = argv[6];
  if (limit != "-" && limit.find_first_not_of("0123456789") != std::string::npos)
    return invalid("process_limit", limit);
  return std::nullopt;
}

void normalize_daemon_args(std::vector<std::string>& argv, std::vector<std::string>& warnings) {
  std::size_t field = k_master_min_fields;
  for (; field < argv.size(); ++field) {
    std::string& arg = argv[field];
    if (arg[0] != '-' || arg == "--") break;
    for (std::size_t k = 2; k < arg.size(); ++k) {
      if (arg[k] == 'o') {  // "-vo" → "-v" "-o"
        std::string rest = "-" + arg.substr(k);
        arg.resize(k);
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
      const std::string& prev = argv[field - 1];
      if (prev.size() > 1 && prev[1] == 'o') normalize_nameval(argv[field], warnings);
    }
  }
  for (; field < argv.size(); ++field)
    if (!argv[field].empty() && argv[field][0] == '{') extract_field(argv[field], warnings);
}

ParsedMasterEntry parse_master_entry(std::string_view text, std::vector<std::string>& warnings) {
  ParsedMasterEntry out;
  for (const util::Token& t : util::mystrtokq(text, util::k_blanks)) out.argv.emplace_back(t.text);
  if (out.argv.size() < k_master_min_fields) {
    out.bad_field_count = true;
    return out;
  }
  out.fatal = check_master_entry(out.argv, text);
  if (!out.fatal) normalize_daemon_args(out.argv, warnings);
  return out;
}

}  // namespace pflint::postconf
