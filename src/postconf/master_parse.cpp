// NAME
//   master_parse — pcf_parse_master_entry() (see master_parse.hpp).
#include "postconf/master_parse.hpp"

#include <algorithm>

#include "expand/list.hpp"
#include "postconf/diag.hpp"
#include "postconf/reader.hpp"
#include "postconf/session.hpp"

namespace pflint::postconf {

namespace {

constexpr std::string_view k_blanks = " \t\r\n";  // PCF_MASTER_BLANKS
constexpr int k_min_fields = 8;

[[noreturn]] void field_fatal(std::string_view field, std::string_view value, std::string_view raw) {
  std::string text = "invalid ";
  text.append(field).append(" field \"").append(value).append("\" in \"").append(raw).append("\"");
  std::replace(text.begin(), text.end(), '\n', ' ');
  fatal(std::move(text));
}

// check_master_entry - pcf_check_master_entry().
void check_master_entry(const std::vector<std::string>& argv, std::string_view raw) {
  static constexpr std::string_view types[] = {"unix", "fifo", "inet", "pass", "unix-dgram"};
  if (std::find(std::begin(types), std::end(types), argv[1]) == std::end(types))
    field_fatal("type", argv[1], raw);
  for (int field = 2; field <= 4; ++field) {
    const std::string& cp = argv[static_cast<std::size_t>(field)];
    if (cp.size() != 1 || std::string_view("yn-").find(cp[0]) == std::string_view::npos)
      field_fatal(service_attribute_name(field), cp, raw);
  }
  const std::string& wakeup = argv[5];
  std::size_t len = wakeup.size();
  if (len > 0 && wakeup[len - 1] == '?') --len;
  const std::size_t digits = wakeup.find_first_not_of("0123456789");
  const std::size_t span = digits == std::string::npos ? wakeup.size() : digits;
  if (!(wakeup[0] == '-' && len == 1) && span != len) field_fatal("wakeup", wakeup, raw);
  const std::string& limit = argv[6];
  if (limit != "-" && limit.find_first_not_of("0123456789") != std::string::npos)
    field_fatal("process_limit", limit, raw);
}

// extract_field - pcf_extract_field(): strip {} with a warning on errors.
void extract_field(std::string& arg) {
  expand::Unwrapped u = expand::extpar(arg, true);
  if (u.error) warn("master.cf: " + *u.error);
  arg = std::move(u.text);
}

// normalize_nameval - pcf_normalize_nameval().
void normalize_nameval(std::string& arg) {
  NameValue nv;
  if (const char* err = split_nameval(arg, nv)) {
    warn(std::string("master.cf: ") + err + ": \"" + arg + "\"");
    return;
  }
  arg = std::string(nv.name) + "=" + std::string(nv.value);
}

// expects_value - strchr("o", ch) != 0, which is also true for ch == 0.
bool expects_value(const std::string& arg) { return arg.size() < 2 || arg[1] == 'o'; }

// normalize_daemon_args - pcf_normalize_daemon_args().
void normalize_daemon_args(std::vector<std::string>& argv) {
  std::size_t field = k_min_fields;
  for (; field < argv.size(); ++field) {
    std::string& arg = argv[field];
    if (arg[0] != '-' || arg == "--") break;
    for (std::size_t k = 2; k < arg.size(); ++k) {
      if (arg[k] == 'o') {
        std::string rest = "-" + arg.substr(k);
        arg.resize(k);
        argv.insert(argv.begin() + static_cast<std::ptrdiff_t>(field) + 1, std::move(rest));
        break;
      }
    }
    std::string& opt = argv[field];
    if (!expects_value(opt)) continue;
    bool extract = false;
    if (opt.size() > 2) {
      std::string value = opt.substr(2);
      opt.resize(2);
      argv.insert(argv.begin() + static_cast<std::ptrdiff_t>(field) + 1, std::move(value));
      field += 1;
      extract = argv[field][0] == '{';
    } else if (field + 1 < argv.size()) {
      field += 1;
      extract = argv[field][0] == '{';
    }
    if (extract) {
      extract_field(argv[field]);
      const std::string& prev = argv[field - 1];
      if (prev.size() > 1 && prev[1] == 'o') normalize_nameval(argv[field]);
    }
  }
  for (; field < argv.size(); ++field)
    if (!argv[field].empty() && argv[field][0] == '{') extract_field(argv[field]);
}

}  // namespace

bool parse_master_entry(std::string_view text, std::vector<std::string>& argv) {
  argv.clear();
  for (const expand::ListElement& e : expand::split_list(text, k_blanks, true)) argv.emplace_back(e.text);
  if (argv.size() < static_cast<std::size_t>(k_min_fields)) return false;
  check_master_entry(argv, text);
  normalize_daemon_args(argv);
  return true;
}

}  // namespace pflint::postconf
