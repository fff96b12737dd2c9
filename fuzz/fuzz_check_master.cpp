// NAME
//   fuzz_check_master — libFuzzer target: any bytes as master.cf, next to a
//   fixed main.cf with client TLS settings and an inline: policy table,
//   through the whole `pflint check` pipeline (check_pipeline.hpp).
// USAGE
//   fuzz/run.sh build/asan/fuzz/fuzz_check_master SHARED [libFuzzer options]   (fuzz/README.md)
#include <cstdint>

#include "check_pipeline.hpp"
#include "props.hpp"

namespace {

// Settings the services' -o overrides interact with (levels, protocols,
// a policy table keyed by the relay host, the lmtp_ prefix).
constexpr const char* k_main_cf =
    "myhostname = mx.example.com\n"
    "relayhost = [relay.example.net]:587\n"
    "smtp_tls_security_level = may\n"
    "smtp_tls_mandatory_protocols = >=TLSv1.2\n"
    "smtp_tls_policy_maps = inline:{ example.com=secure, [relay.example.net]:587=verify }\n"
    "lmtp_tls_security_level = encrypt\n"
    "relay_transport = relay\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  pflint::fuzz::check_texts(std::string(k_main_cf), pflint::fuzz::as_text(data, size),
                            pflint::params::default_version());
  return 0;
}
