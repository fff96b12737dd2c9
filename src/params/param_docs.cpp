// NAME
//   param_docs — hand-written one-line parameter descriptions (param_docs.hpp).
#include "params/param_docs.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "params/params.hpp"

namespace pflint::params {
namespace {

using Doc = std::pair<std::string_view, std::string_view>;

// Sorted by name (checked by a unit test); the lmtp_ twins share the smtp_ text.
constexpr std::array docs = {
    Doc{"compatibility_level", "Which release's safer defaults this configuration has opted into; older values keep older defaults."},
    Doc{"default_transport", "The delivery transport for mail to remote domains when no transport_maps entry matches."},
    Doc{"inet_interfaces", "The network addresses the Postfix SMTP server listens on."},
    Doc{"inet_protocols", "Which IP versions Postfix uses: ipv4, ipv6 or all."},
    Doc{"mydestination", "Domains this machine delivers to local mailboxes."},
    Doc{"mydomain", "This machine's Internet domain; the default comes from myhostname."},
    Doc{"myhostname", "This machine's fully qualified host name, used in greetings and as a default for other names."},
    Doc{"mynetworks", "Client networks trusted to relay mail through this server."},
    Doc{"myorigin", "The domain appended to locally posted mail without one."},
    Doc{"relay_domains", "Domains this server accepts mail for and forwards elsewhere."},
    Doc{"relayhost", "The next hop for mail to remote domains; empty means direct delivery via DNS MX lookups."},
    Doc{"sender_dependent_relayhost_maps", "A table choosing the relay host by the envelope sender."},
    Doc{"smtp_dns_support_level", "How the SMTP client uses DNS: disabled, enabled, or dnssec (which DANE needs)."},
    Doc{"smtp_enforce_tls", "Obsolete switch: yes made TLS mandatory (with peer-name checks unless smtp_tls_enforce_peername = no). Ignored once smtp_tls_security_level is set."},
    Doc{"smtp_tls_CAfile", "A file of trusted CA certificates for verifying servers' certificates."},
    Doc{"smtp_tls_CApath", "A directory of trusted CA certificates (hashed names) for verifying servers' certificates."},
    Doc{"smtp_tls_cert_file", "The client certificate presented to servers that ask for one."},
    Doc{"smtp_tls_ciphers", "The cipher grade for opportunistic TLS (level may)."},
    Doc{"smtp_tls_connection_reuse", "Reuse TLS connections through tlsproxy(8); needs a tlsproxy service in master.cf."},
    Doc{"smtp_tls_dane_insecure_mx_policy", "What the client does at level dane when the MX records are not DNSSEC-signed."},
    Doc{"smtp_tls_enforce_peername", "Obsolete switch: with smtp_enforce_tls = yes, whether the server's name is verified too (default yes). Ignored once smtp_tls_security_level is set."},
    Doc{"smtp_tls_exclude_ciphers", "Ciphers or cipher types removed from every TLS cipher list of the client."},
    Doc{"smtp_tls_fingerprint_cert_match", "Certificate or public-key fingerprints accepted at level fingerprint."},
    Doc{"smtp_tls_fingerprint_digest", "The digest used for fingerprints at level fingerprint (sha256 unless an old release)."},
    Doc{"smtp_tls_key_file", "The private key of smtp_tls_cert_file."},
    Doc{"smtp_tls_loglevel", "How much the SMTP client logs about TLS (0 none, 1 a summary per connection)."},
    Doc{"smtp_tls_mandatory_ciphers", "The cipher grade when TLS is mandatory (levels encrypt and up)."},
    Doc{"smtp_tls_mandatory_exclude_ciphers", "Ciphers removed in addition when TLS is mandatory."},
    Doc{"smtp_tls_mandatory_protocols", "The TLS protocol versions allowed when TLS is mandatory (levels encrypt and up)."},
    Doc{"smtp_tls_per_site", "Obsolete per-destination TLS table; ignored when smtp_tls_policy_maps is set."},
    Doc{"smtp_tls_policy_maps", "Tables that set a TLS level (and match=, protocols=, ...) per next-hop destination."},
    Doc{"smtp_tls_protocols", "The TLS protocol versions allowed for opportunistic TLS (level may)."},
    Doc{"smtp_tls_secure_cert_match", "Names a server certificate must match at level secure."},
    Doc{"smtp_tls_security_level", "The SMTP client's TLS level for every destination without a policy entry: none, may, encrypt, dane, dane-only, fingerprint, verify or secure."},
    Doc{"smtp_tls_servername", "The SNI name sent to servers: hostname, nexthop or a literal name."},
    Doc{"smtp_tls_session_cache_database", "Where the client caches TLS sessions for reuse."},
    Doc{"smtp_tls_verify_cert_match", "Names a server certificate must match at level verify."},
    Doc{"smtp_tls_wrappermode", "Speak TLS from the first byte (port 465, SMTPS) instead of STARTTLS."},
    Doc{"smtp_use_tls", "Obsolete switch: yes turned on opportunistic TLS. Ignored once smtp_tls_security_level is set."},
    Doc{"smtpd_recipient_restrictions", "Access checks the SMTP server applies at RCPT TO."},
    Doc{"smtpd_relay_restrictions", "Access checks that decide who may relay, applied at RCPT TO before smtpd_recipient_restrictions."},
    Doc{"smtpd_restriction_classes", "Names of user-defined restriction lists usable in access tables."},
    Doc{"smtpd_tls_cert_file", "The SMTP server's certificate."},
    Doc{"smtpd_tls_key_file", "The private key of smtpd_tls_cert_file."},
    Doc{"smtpd_tls_security_level", "The SMTP server's TLS level: none, may (offer STARTTLS) or encrypt (require it)."},
    Doc{"smtpd_use_tls", "Obsolete server switch: yes offered STARTTLS. Ignored once smtpd_tls_security_level is set."},
    Doc{"tls_high_cipherlist", "The OpenSSL cipher list behind the cipher grade high."},
    Doc{"tls_medium_cipherlist", "The OpenSSL cipher list behind the cipher grade medium."},
    Doc{"transport_maps", "Tables that choose the transport and next hop per recipient domain."},
};

}  // namespace

std::string_view param_doc(std::string_view name) {
  std::string twin;
  if (name.substr(0, 5) == "lmtp_") {
    twin = "smtp_" + std::string(name.substr(5));
    name = twin;
  }
  const auto it = std::lower_bound(docs.begin(), docs.end(), name, [](const Doc& d, std::string_view n) { return d.first < n; });
  return it != docs.end() && it->first == name ? it->second : std::string_view();
}

std::string describe_param(std::string_view name) {
  if (const auto doc = param_doc(name); !doc.empty()) return std::string(doc);
  const param_info* p = find_param(name);
  if (p == nullptr) return {};
  std::string line = "Postfix parameter (" + std::string(to_string(p->type)) + ")";
  line += p->since_old() ? ", from the first releases" : ", since " + p->since().to_string();
  if (const auto d = p->deprecated_since()) line += "; deprecated in " + d->to_string();
  if (const auto r = p->removed_in()) line += "; removed in " + r->to_string();
  if (!p->replacement.empty()) line += ": use " + std::string(p->replacement) + " instead";
  return line + ".";
}

}  // namespace pflint::params
