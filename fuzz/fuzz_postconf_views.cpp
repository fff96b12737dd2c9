// NAME
//   fuzz_postconf_views — libFuzzer target: postconf's main.cf reader and
//   its views (-n, -nx, -M, -F, -P) on any bytes.
// DESCRIPTION
//   Each input goes through the reader (load_dict_text) directly, then one
//   view chosen by the input's length: the input as main.cf (fixed
//   master.cf) for -n, -nx, -M, -F, -P, or as master.cf (fixed main.cf) for
//   -M, -F, -P. The files are written to a private temporary directory,
//   because the views read a config directory as postconf does. Property: the exit status is 0 or 1
//   and a fatal error comes back as one (postconf::Fatal), not a crash.
// USAGE
//   fuzz/run.sh build/asan/fuzz/fuzz_postconf_views SHARED [libFuzzer options]   (fuzz/README.md)
#include <unistd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "postconf/diag.hpp"
#include "postconf/options.hpp"
#include "postconf/reader.hpp"
#include "postconf/views.hpp"
#include "props.hpp"

namespace {

using pflint::fuzz::require;

constexpr const char* k_main_cf =
    "myhostname = mx.example.com\n"
    "relay_transport = relay\n"
    "smtp_tls_security_level = may\n"
    "submission_tls = encrypt\n";

constexpr const char* k_master_cf =
    "smtp      inet  n       -       y       -       -       smtpd\n"
    "submission inet n       -       y       -       -       smtpd\n"
    "  -o syslog_name=postfix/submission\n"
    "  -o smtpd_tls_security_level=$submission_tls\n"
    "relay     unix  -       -       y       -       -       smtp\n"
    "  -o smtp_fallback_relay=\n"
    "  -o smtp_helo_timeout=${unknown_name:5}s\n";

std::string g_dir;

void write_file(const std::string& path, const std::string& text) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  require(f != nullptr, "cannot write the fuzzer's temporary file");
  if (!text.empty()) std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

void remove_dir() { std::filesystem::remove_all(g_dir); }

struct View {
  std::vector<std::string> flags;
  bool input_is_master;
};
const std::array<View, 8> k_views{{{{"-n"}, false},
                                   {{"-nx"}, false},
                                   {{"-M"}, false},
                                   {{"-F"}, false},
                                   {{"-P"}, false},
                                   {{"-M"}, true},
                                   {{"-F"}, true},
                                   {{"-Px"}, true}}};

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "pflint-fuzz-XXXXXX").string();
  require(::mkdtemp(tmpl.data()) != nullptr, "mkdtemp failed");
  g_dir = tmpl;
  std::atexit(remove_dir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = pflint::fuzz::as_text(data, size);
  try {
    pflint::postconf::Dict dict;
    pflint::postconf::load_dict_text(text, "fuzz/main.cf", dict);
  } catch (const pflint::postconf::Fatal&) {
    // a line without '=' or a name: postconf's fatal error, as expected
  }

  const View& view = k_views[size % k_views.size()];
  write_file(g_dir + "/main.cf", view.input_is_master ? std::string(k_main_cf) : text);
  write_file(g_dir + "/master.cf", view.input_is_master ? text : std::string(k_master_cf));
  std::vector<std::string> argv = view.flags;
  argv.insert(argv.end(), {"-c", g_dir});
  const pflint::postconf::ParseResult parsed = pflint::postconf::parse_options(argv);
  require(parsed.options.has_value(), "the fuzzer's postconf flags do not parse");
  const int status = pflint::postconf::run_views(*parsed.options);
  require(status == 0 || status == 1, "postconf view exit status not 0 or 1");
  return 0;
}
