// NAME
//   options — parse `pflint postconf` arguments as postconf(1)'s getopt
//   loop and its option compatibility matrix do (see options.hpp).
// DESCRIPTION
//   Short options combine ("-nx"), "-c DIR"/"-cDIR" and "-o name=value"
//   take values, scanning stops at the first non-option or "--" (Postfix
//   uses getopt with "+"). After the loop postconf makes the main mode
//   explicit, turns "name=value" arguments into an implicit -e, and
//   rejects conflicting options with its own texts. Long options are
//   pflint's: --postfix-version X (or PFLINT_POSTFIX_VERSION) and --help.
// DIAGNOSTICS
//   ParseResult::error holds the stderr lines without the program name,
//   e.g. "invalid option -- 'Z'\nfatal: usage: postconf [...]".
// SEE ALSO
//   src/postconf/postconf.c (main, pcf_check_exclusive_options,
//   pcf_check_compat_options, usage) in Postfix.
#include "postconf/options.hpp"

#include <cstdlib>
#include <string_view>

namespace pflint::postconf {

namespace {

// Mode bits, named as postconf names them in its messages.
enum Mode : unsigned {
  m_sasl_serv = 1U << 0,   // -a
  m_sasl_clnt = 1U << 1,   // -A
  m_exp_dsn = 1U << 2,     // -b
  m_param_class = 1U << 3, // -C
  m_show_defs = 1U << 4,   // -d
  m_edit_conf = 1U << 5,   // -e
  m_fold = 1U << 6,        // -f
  m_master_fld = 1U << 7,  // -F
  m_hide_name = 1U << 8,   // -h
  m_hide_value = 1U << 9,  // -H
  m_show_locks = 1U << 10, // -l
  m_show_maps = 1U << 11,  // -m
  m_master_ent = 1U << 12, // -M
  m_show_nondef = 1U << 13,  // -n
  m_main_over = 1U << 14,  // -o
  m_main_param = 1U << 15, // -p
  m_master_param = 1U << 16, // -P
  m_dump_dsn = 1U << 17,   // -t
  m_show_tls = 1U << 18,   // -T
  m_show_eval = 1U << 19,  // -x
  m_edit_excl = 1U << 20,  // -X
  m_comment_out = 1U << 21,  // -#
};

// Table order of pcf_compat_names: the order names appear in messages.
constexpr std::pair<std::string_view, unsigned> k_names[] = {
    {"-a", m_sasl_serv}, {"-A", m_sasl_clnt},  {"-b", m_exp_dsn},      {"-C", m_param_class},
    {"-d", m_show_defs}, {"-e", m_edit_conf},  {"-f", m_fold},         {"-F", m_master_fld},
    {"-h", m_hide_name}, {"-H", m_hide_value}, {"-l", m_show_locks},   {"-m", m_show_maps},
    {"-M", m_master_ent}, {"-n", m_show_nondef}, {"-o", m_main_over}, {"-p", m_main_param},
    {"-P", m_master_param}, {"-t", m_dump_dsn}, {"-T", m_show_tls},   {"-x", m_show_eval},
    {"-X", m_edit_excl}, {"-#", m_comment_out},
};

constexpr unsigned k_edits = m_edit_conf | m_comment_out | m_edit_excl;
constexpr unsigned k_major = m_sasl_serv | m_sasl_clnt | m_exp_dsn | m_show_locks | m_show_maps | m_dump_dsn |
                             m_main_param | m_master_ent | m_master_fld | m_master_param | m_show_tls;
constexpr unsigned k_incompat[] = {
    k_major,
    m_show_defs | m_show_nondef | k_edits,
    m_fold | k_edits,
    m_show_eval | k_edits,
    m_main_over | m_show_defs | k_edits,
    m_hide_name | m_hide_value | k_edits,
};
constexpr std::pair<unsigned, unsigned> k_compat[] = {
    {m_sasl_serv, 0},  {m_sasl_clnt, 0}, {m_exp_dsn, 0}, {m_show_locks, 0},
    {m_show_maps, 0},  {m_show_tls, 0},  {m_dump_dsn, 0},
    {m_main_param, k_edits | m_fold | m_hide_name | m_param_class | m_show_eval | m_show_defs | m_show_nondef |
                       m_main_over | m_hide_value},
    {m_master_ent, k_edits | m_fold | m_main_over | m_show_eval},
    {m_master_fld, m_edit_conf | m_fold | m_hide_name | m_main_over | m_show_eval | m_hide_value},
    {m_master_param, m_edit_conf | m_edit_excl | m_fold | m_hide_name | m_main_over | m_show_eval | m_hide_value},
    {m_param_class, m_main_param | m_show_defs | m_show_nondef},
};

constexpr std::string_view k_usage =
    "fatal: usage: postconf [-a (server SASL types)] [-A (client SASL types)] [-b (bounce templates)] "
    "[-c config_dir] [-c param_class] [-d (parameter defaults)] [-e (edit configuration)] [-f (fold lines)] "
    "[-F (master.cf fields)] [-h (no names)] [-H (no values)] [-l (lock types)] [-m (map types)] "
    "[-M (master.cf)] [-n (non-default parameters)] [-o name=value (override parameter value)] "
    "[-p (main.cf, default)] [-P (master.cf parameters)] [-t (bounce templates)] "
    "[-T compile-version|run-version|public-key-algorithms] [-v (verbose)] [-x (expand parameter values)] "
    "[-X (exclude)] [-# (comment-out)] [name...]";

std::string mode_names(unsigned bits) {
  std::string s;
  for (const auto& [name, bit] : k_names) {
    if ((bits & bit) == 0) continue;
    if (!s.empty()) s.push_back(' ');
    s.append(name);
  }
  return s;
}

ParseResult failure(std::string text) {
  ParseResult r;
  r.error = std::move(text);
  return r;
}

// check_options - pcf_check_exclusive_options + pcf_check_compat_options.
std::string check_options(unsigned mode) {
  for (unsigned group : k_incompat) {
    const unsigned set = group & mode;
    if ((set & (set - 1)) != 0) return "fatal: specify one of " + mode_names(set);
  }
  for (const auto& [major, allowed] : k_compat) {
    if ((mode & major) == 0) continue;
    if (const unsigned excess = mode & ~(major | allowed); excess != 0)
      return "fatal: with option " + mode_names(major) + ", do not specify " + mode_names(excess);
  }
  return {};
}

unsigned flag_bit(char c) {
  switch (c) {
    case 'a': return m_sasl_serv;
    case 'A': return m_sasl_clnt;
    case 'b': return m_exp_dsn;
    case 'd': return m_show_defs;
    case 'e': return m_edit_conf;
    case 'f': return m_fold;
    case 'F': return m_master_fld;
    case '#': return m_comment_out;
    case 'h': return m_hide_name;
    case 'H': return m_hide_value;
    case 'l': return m_show_locks;
    case 'm': return m_show_maps;
    case 'M': return m_master_ent;
    case 'n': return m_show_nondef;
    case 'p': return m_main_param;
    case 'P': return m_master_param;
    case 't': return m_dump_dsn;
    case 'x': return m_show_eval;
    case 'X': return m_edit_excl;
    default: return 0;
  }
}

}  // namespace

ParseResult parse_options(const std::vector<std::string>& argv) {
  Options o;
  unsigned mode = 0;
  std::string not_implemented;
  if (const char* env = std::getenv("PFLINT_POSTFIX_VERSION"); env != nullptr && *env != 0) {
    std::string err;
    auto v = params::parse_version(env, &err);
    if (!v) return failure("fatal: bad PFLINT_POSTFIX_VERSION: " + err);
    o.version = *v;
  }
  std::size_t i = 0;
  for (; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') break;
    if (arg[1] == '-') {
      std::string_view name = std::string_view(arg).substr(2);
      if (name == "help") {
        ParseResult r;
        r.help = true;
        return r;
      }
      std::string value;
      if (name.starts_with("postfix-version=")) {
        value = std::string(name.substr(16));
      } else if (name == "postfix-version") {
        if (i + 1 >= argv.size()) return failure("fatal: option --postfix-version requires an argument");
        value = argv[++i];
      } else {
        return failure("unrecognized option '" + arg + "'\n" + std::string(k_usage));
      }
      std::string err;
      auto v = params::parse_version(value, &err);
      if (!v) return failure("fatal: bad --postfix-version: " + err);
      o.version = *v;
      continue;
    }
    for (std::size_t k = 1; k < arg.size(); ++k) {
      const char c = arg[k];
      if (c == 'c' || c == 'C' || c == 'o' || c == 'T') {
        std::string value;
        if (k + 1 < arg.size()) {
          value = arg.substr(k + 1);
        } else if (i + 1 < argv.size()) {
          value = argv[++i];
        } else {
          return failure(std::string("option requires an argument -- '") + c + "'\n" + std::string(k_usage));
        }
        if (c == 'c') {
          o.config_dir = value;
        } else if (c == 'o') {
          mode |= m_main_over;
          const auto eq = value.find('=');
          // postconf splits later, with split_nameval; keep the raw text.
          o.overrides.emplace_back(value, eq == std::string::npos ? std::string() : std::string());
        } else if (c == 'C') {
          mode |= m_param_class;
          not_implemented = "-C";
        } else {
          if ((mode & m_show_tls) != 0) return failure("fatal: At most one -T <mode> option may be specified");
          mode |= m_show_tls;
          o.tls_mode = value;
        }
        break;
      }
      if (c == 'v') {
        not_implemented = "-v";
        continue;
      }
      const unsigned bit = flag_bit(c);
      if (bit == 0) {
        if (c == 'E') return failure(std::string(k_usage));
        return failure(std::string("invalid option -- '") + c + "'\n" + std::string(k_usage));
      }
      mode |= bit;
      switch (c) {
        case 'a': case 'A': case 'b': case 'l': case 'm': case 't':
          not_implemented = std::string("-") + c;
          break;
        default:
          break;
      }
    }
  }
  for (; i < argv.size(); ++i) o.args.push_back(argv[i]);

  if ((mode & k_major) == 0) mode |= m_main_param;
  if ((mode & (m_main_param | m_master_ent | m_master_fld | m_master_param)) != 0 && !o.args.empty() &&
      o.args.front().find('=') != std::string::npos)
    mode |= m_edit_conf;
  if (std::string err = check_options(mode); !err.empty()) return failure(std::move(err));
  if ((mode & m_edit_conf) != 0 && o.args.empty()) return failure("fatal: -e requires name=value argument");
  if (!not_implemented.empty())
    return failure("fatal: pflint postconf does not implement option " + not_implemented);

  // The -o overrides: split as pcf_set_parameters() does.
  std::vector<std::pair<std::string, std::string>> overrides;
  for (const auto& [raw, unused] : o.overrides) {
    std::string_view text = raw;
    std::size_t p = 0;
    auto space = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v'; };
    while (p < text.size() && space(text[p])) ++p;
    const char* err = nullptr;
    std::size_t name_end = p;
    if (p >= text.size() || text[p] == '=') {
      err = "missing attribute name";
    } else {
      while (name_end < text.size() && !space(text[name_end]) && text[name_end] != '=') ++name_end;
      std::size_t q = name_end;
      while (q < text.size() && space(text[q])) ++q;
      if (q >= text.size() || text[q] != '=') {
        err = "missing '=' after attribute name";
      } else {
        ++q;
        while (q < text.size() && space(text[q])) ++q;
        std::size_t end = text.size();
        while (end > q && space(text[end - 1])) --end;
        overrides.emplace_back(std::string(text.substr(p, name_end - p)), std::string(text.substr(q, end - q)));
      }
    }
    if (err != nullptr) return failure("fatal: invalid parameter override: " + raw + ": " + err);
  }
  o.overrides = std::move(overrides);

  o.defaults = (mode & m_show_defs) != 0;
  o.non_default = (mode & m_show_nondef) != 0;
  o.expand = (mode & m_show_eval) != 0;
  o.hide_name = (mode & m_hide_name) != 0;
  o.hide_value = (mode & m_hide_value) != 0;
  o.fold = (mode & m_fold) != 0;
  o.master_entries = (mode & m_master_ent) ? 1 : 0;
  o.master_fields = (mode & m_master_fld) ? 1 : 0;
  o.master_params = (mode & m_master_param) ? 1 : 0;
  o.edit = (mode & m_edit_conf) != 0;
  o.remove = (mode & m_edit_excl) != 0;
  o.comment_out = (mode & m_comment_out) != 0;
  ParseResult r;
  r.options = std::move(o);
  return r;
}

std::string config_directory(const Options& options) {
  if (options.config_dir) return *options.config_dir;
  if (const char* env = std::getenv("MAIL_CONFIG"); env != nullptr) return env;
  return "/etc/postfix";
}

}  // namespace pflint::postconf
