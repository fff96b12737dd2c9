// NAME
//   client — the simulated smtp(8) client (see client.hpp).
#include "sim/client.hpp"

#include <fmt/core.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <algorithm>

#include "util/ascii.hpp"

namespace pflint::sim {
namespace {

using tls::Level;

// What the verify callback saw (Postfix records the first error and carries on).
struct VerifyState {
  int error = X509_V_OK;
  int depth = -1;
  std::string issuer;
};

int verify_index() {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
  return index;
}

// verify_callback - tls_verify_certificate_callback(): note the first error, continue.
int verify_callback(int ok, X509_STORE_CTX* store) {
  auto* ssl = static_cast<SSL*>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
  auto* state = static_cast<VerifyState*>(SSL_get_ex_data(ssl, verify_index()));
  if (!ok && state && state->error == X509_V_OK) {
    state->error = X509_STORE_CTX_get_error(store);
    state->depth = X509_STORE_CTX_get_error_depth(store);
    if (X509* cert = X509_STORE_CTX_get_current_cert(store)) state->issuer = one_line_name(X509_get_issuer_name(cert));
  }
  return 1;
}

struct Session {
  const ClientPolicy& policy;
  Channel& ch;
  const Peer& peer;
  const ClientOptions& options;
  Outcome out;

  void send(const std::string& line) {
    out.transcript.push_back("> " + line);
    ch.write_line(line);
  }
  std::optional<std::vector<std::string>> reply() {
    auto r = ch.read_reply();
    if (r) {
      for (const std::string& l : *r) out.transcript.push_back("< " + l);
    }
    return r;
  }
  void quit() {
    send("QUIT");
    reply();
  }
  Outcome defer(std::string reason, std::string dsn, Blame blame) {
    out.verdict = Verdict::deferred;
    out.reason = std::move(reason);
    out.dsn = std::move(dsn);
    out.blame = std::move(blame);
    return out;
  }
  Outcome plaintext(std::string note, Blame blame) {
    out.verdict = Verdict::plaintext;
    out.reason = std::move(note);
    out.blame = std::move(blame);
    return out;
  }
  // tls_failed - "Cannot start TLS: handshake failure", with may's plaintext retry.
  Outcome tls_failed(Blame blame) {
    defer("Cannot start TLS: handshake failure", "4.7.5", std::move(blame));
    if (policy.level == Level::may && !policy.sasl_password_maps) {
      out.plaintext_on_retry = true;
      out.log.push_back(fmt::format("retry: a later delivery attempt (message queued >= minimal_backoff_time = {}) "
                                    "is retried at once without TLS",
                                    policy.minimal_backoff));
    } else if (policy.level == Level::may) {
      out.log.push_back("no plaintext retry when a SASL password applies (smtp_sasl_password_maps)");
    }
    return out;
  }
  Outcome run();
  Outcome start_tls();
  Outcome after_handshake(SSL* ssl, const VerifyState& vs, bool force_fail);
};

bool offers_starttls(const std::vector<std::string>& lines) {
  return std::any_of(lines.begin() + (lines.empty() ? 0 : 1), lines.end(), [](const std::string& l) {
    std::string kw = l.size() > 4 ? l.substr(4) : "";
    for (char& c : kw) c = util::to_upper(c);
    return kw == "STARTTLS" || kw.starts_with("STARTTLS ");
  });
}

Outcome Session::run() {
  out.level = policy.level;
  auto greeting = reply();
  if (!greeting || greeting->front().front() != '2') {
    return defer(greeting ? "host " + peer.label() + " refused to talk to me: " + greeting->front()
                          : "lost connection with " + peer.label() + " while receiving the initial server greeting",
                 "4.4.2", Blame{"server", "scenario"});
  }
  send("EHLO " + options.helo);
  auto ehlo = reply();
  if (!ehlo) return defer("lost connection with " + peer.label() + " while performing the EHLO handshake", "4.4.2", {});
  const bool offered = offers_starttls(*ehlo);
  if (policy.level == Level::none) {
    quit();
    return plaintext(offered ? "STARTTLS offered, not used at level none" : "", policy.level_from);
  }
  if (policy.engine_unavailable) {
    out.log.push_back("warning: " + policy.engine_problem);
    if (policy.level == Level::may) {
      quit();
      return plaintext("TLS engine unavailable", policy.engine_blame);
    }
    quit();
    return defer("TLS is required, but our TLS engine is unavailable", "4.7.5", policy.engine_blame);
  }
  if (!offered) {
    quit();
    if (policy.level == Level::may) return plaintext("STARTTLS not offered", Blame{"server: no STARTTLS", "scenario"});
    return defer("TLS is required, but was not offered by host " + peer.label(), "4.7.4", policy.level_from);
  }
  return start_tls();
}

Outcome Session::start_tls() {
  send("STARTTLS");
  auto r = reply();
  if (!r) return defer("lost connection with " + peer.label() + " while sending STARTTLS", "4.4.2", {});
  if (r->front().front() != '2') {
    const std::string& text = r->front();
    if (policy.level == Level::may) {
      send("EHLO " + options.helo);  // smtp(8) carries on in plaintext
      reply();
      quit();
      return plaintext("STARTTLS refused: " + text, Blame{"server: " + text, "scenario"});
    }
    quit();
    const std::string dsn = text.size() > 4 && std::isdigit(static_cast<unsigned char>(text[4])) ? text.substr(4, 5) : "4.7.5";
    return defer("TLS is required, but host " + peer.label() + " refused to start TLS: " + text, dsn, policy.level_from);
  }
  if (!policy.protocol_problem.empty()) {
    out.log.push_back("warning: " + peer.label() + ": " + policy.protocol_problem);
    return tls_failed(policy.protocols_from);
  }
  if (!policy.cipher_problem.empty()) {
    out.log.push_back("warning: " + peer.label() + ": " + policy.cipher_problem);
    return tls_failed(policy.ciphers_from);
  }
  ctx_ptr ctx(SSL_CTX_new(TLS_client_method()));
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER, verify_callback);
  SSL_CTX_set_session_cache_mode(ctx.get(), SSL_SESS_CACHE_OFF);
  X509_STORE* store = SSL_CTX_get_cert_store(ctx.get());
  for (X509* anchor : policy.anchors) X509_STORE_add_cert(store, anchor);
  if (!policy.ca_file.empty() || !policy.ca_path.empty()) {
    SSL_CTX_load_verify_locations(ctx.get(), policy.ca_file.empty() ? nullptr : policy.ca_file.c_str(),
                                  policy.ca_path.empty() ? nullptr : policy.ca_path.c_str());
    if (policy.append_default_ca) SSL_CTX_set_default_verify_paths(ctx.get());
  }
  const bool use_dane = !policy.tlsa.empty();
  if (use_dane) {
    SSL_CTX_dane_enable(ctx.get());
    if (policy.level == Level::fingerprint) {
      EVP_MD* md = EVP_MD_fetch(nullptr, policy.fingerprint_digest.c_str(), nullptr);
      SSL_CTX_dane_mtype_set(ctx.get(), md, 255, 1);
      EVP_MD_free(md);
    }
  }
  ssl_ptr ssl(SSL_new(ctx.get()));
  VerifyState vs;
  SSL_set_ex_data(ssl.get(), verify_index(), &vs);
  if (policy.security_level >= 0) SSL_set_security_level(ssl.get(), policy.security_level);
  if (policy.no_protocols) {
    SSL_set_options(ssl.get(), SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 | SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3);
  } else {
    if (policy.min_version) SSL_set_min_proto_version(ssl.get(), policy.min_version);
    if (policy.max_version) SSL_set_max_proto_version(ssl.get(), policy.max_version);
    SSL_set_options(ssl.get(), static_cast<std::uint64_t>(policy.no_options));
  }
  if (SSL_set_cipher_list(ssl.get(), policy.cipherlist.c_str()) != 1) {
    ERR_clear_error();
    out.log.push_back(fmt::format("warning: {}: error setting cipher grade: \"{}\"", peer.label(), policy.cipherlist));
    return tls_failed(policy.ciphers_from);
  }
  if (!policy.sni.empty()) {
    SSL_ctrl(ssl.get(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char*>(policy.sni.c_str()));
  }
  bool force_fail = false;
  if (!policy.names.empty()) {
    SSL_set_hostflags(ssl.get(), X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    SSL_set1_host(ssl.get(), policy.names.front().c_str());
    for (std::size_t i = 1; i < policy.names.size(); ++i) SSL_add1_host(ssl.get(), policy.names[i].c_str());
  } else if (policy.level == Level::verify || policy.level == Level::secure) {
    force_fail = true;  // "could not configure peer name checks"
  }
  if (use_dane) {
    SSL_dane_enable(ssl.get(), policy.dane_base.empty() ? peer.host.c_str() : policy.dane_base.c_str());
    SSL_dane_set_flags(ssl.get(), DANE_FLAG_NO_DANE_EE_NAMECHECKS);
    int added = 0;
    for (const Tlsa& t : policy.tlsa) {
      const int rc = SSL_dane_tlsa_add(ssl.get(), static_cast<std::uint8_t>(t.usage), static_cast<std::uint8_t>(t.selector),
                                       static_cast<std::uint8_t>(t.mtype), t.data.data(), t.data.size());
      if (rc > 0) {
        ++added;
      } else {
        ERR_clear_error();
        out.log.push_back(fmt::format("warning: {}: unusable TLSA RR: {} {} {} {}", peer.label(), t.usage, t.selector,
                                      t.mtype, hex(t.data, false)));
      }
    }
    if (!added && policy.level == Level::fingerprint) {
      out.log.push_back("warning: " + peer.label() + ": all fingerprints unusable");
      force_fail = true;
    } else if (!added && policy.level == Level::dane_only) {
      out.log.push_back("warning: " + peer.label() + ": all TLSA records unusable");
      return tls_failed(policy.level_from);
    } else if (!added) {
      out.log.push_back("warning: " + peer.label() + ": all TLSA records unusable, fallback to unauthenticated TLS");
      out.level = Level::encrypt;
    }
  }
  if (!ch.handshake(ssl.get(), true)) {
    out.log.push_back(fmt::format("SSL_connect error to {}: -1", peer.label()));
    out.log.push_back("warning: TLS library problem: " + ch.error());
    Blame blame{"server: handshake failed (" + ch.error() + ")", "scenario"};
    if (policy.protocols_from.where != "default" && !policy.protocols_from.where.empty()) blame = policy.protocols_from;
    else if (policy.ciphers_from.where != "default" && !policy.ciphers_from.where.empty()) blame = policy.ciphers_from;
    return tls_failed(blame);
  }
  return after_handshake(ssl.get(), vs, force_fail);
}

std::string verify_failure(const Peer& peer, const VerifyState& vs) {
  const std::string who = peer.label();
  switch (vs.error) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
      return fmt::format("certificate verification failed for {}: untrusted issuer {}", who, vs.issuer);
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
      return fmt::format("certificate verification failed for {}: self-signed certificate", who);
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return fmt::format("server certificate verification failed for {}: certificate has expired", who);
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return fmt::format("server certificate verification failed for {}: certificate not yet valid", who);
    default:
      return fmt::format("server certificate verification failed for {}: num={}:{}", who, vs.error,
                         X509_verify_cert_error_string(vs.error));
  }
}

Blame verify_blame(const ClientPolicy& policy, const VerifyState& vs) {
  switch (vs.error) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
      return policy.trust_configured ? Blame{"server: certificate not issued by a trusted CA", "scenario"}
                                     : policy.trust_from;
    case X509_V_ERR_HOSTNAME_MISMATCH: return policy.match_from;
    case X509_V_ERR_DANE_NO_MATCH:
      return policy.level == Level::fingerprint ? policy.match_from
                                                : Blame{"scenario: TLSA records do not match the server", "scenario"};
    case X509_V_ERR_CERT_HAS_EXPIRED: return Blame{"server: certificate expired", "scenario"};
    default: return policy.level == Level::fingerprint ? policy.match_from : policy.level_from;
  }
}

std::string established(Verdict kind, const Peer& peer, SSL* ssl) {
  const SSL_CIPHER* c = SSL_get_current_cipher(ssl);
  int alg_bits = 0;
  const int bits = SSL_CIPHER_get_bits(c, &alg_bits);
  return fmt::format("{} connection established to {}: {} with cipher {} ({}/{} bits)", verdict_name(kind), peer.label(),
                     SSL_get_version(ssl), SSL_CIPHER_get_name(c), bits, alg_bits);
}

Outcome Session::after_handshake(SSL* ssl, const VerifyState& vs, bool force_fail) {
  X509* cert = SSL_get0_peer_certificate(ssl);
  const long result = SSL_get_verify_result(ssl);
  const bool trusted = cert && result == X509_V_OK && !force_fail;
  const bool must_match = tls::tls_must_match(out.level);
  const bool matched = must_match && trusted;
  Verdict kind = Verdict::untrusted;
  if (!cert) {
    kind = Verdict::anonymous;
  } else if (matched) {
    kind = out.level == Level::halfdane ? Verdict::trusted : Verdict::verified;
  } else if (trusted) {
    kind = Verdict::trusted;
  } else if (options.version >= params::Version{3, 10, 0} && result == X509_V_ERR_HOSTNAME_MISMATCH) {
    kind = Verdict::trusted;
  }
  out.protocol = SSL_get_version(ssl);
  out.cipher = SSL_CIPHER_get_name(SSL_get_current_cipher(ssl));
  if (matched) {
    if (const char* name = SSL_get0_peername(ssl); name && !SSL_get0_dane(ssl)) {
      out.log.push_back(fmt::format("{}: matched peername: {}", peer.label(), name));
    }
    EVP_PKEY* mspki = nullptr;
    if (SSL_get0_dane_authority(ssl, nullptr, &mspki) >= 0) {
      std::uint8_t usage = 0, selector = 0, mtype = 0;
      const unsigned char* data = nullptr;
      std::size_t len = 0;
      if (SSL_get0_dane_tlsa(ssl, &usage, &selector, &mtype, &data, &len) >= 0) {
        out.log.push_back(out.level == Level::fingerprint
                              ? fmt::format("{}: Matched fingerprint: {}", peer.label(), hex(bytes(data, data + len), false))
                              : fmt::format("{}: Matched DANE TLSA record {} {} {}", peer.label(), usage, selector, mtype));
      }
    }
  } else if (must_match && cert) {
    VerifyState shown = vs;
    if (shown.error == X509_V_OK) shown.error = force_fail ? X509_V_ERR_UNSPECIFIED : static_cast<int>(result);
    out.log.push_back(verify_failure(peer, shown));
  }
  out.log.push_back(established(kind, peer, ssl));
  if (!cert) out.log.push_back("Server is anonymous");
  if (must_match && !matched) {
    quit();
    VerifyState shown = vs;
    if (shown.error == X509_V_OK) shown.error = static_cast<int>(result);
    out.verdict = kind;
    return defer("Server certificate not verified", "4.7.5", cert ? verify_blame(policy, shown) : policy.ciphers_from);
  }
  send("EHLO " + options.helo);
  reply();
  quit();
  ch.shutdown_tls();
  out.verdict = kind;
  out.blame = policy.level_from;
  return out;
}

}  // namespace

std::string Peer::label() const { return fmt::format("{}[{}]:{}", host, address, port); }

std::optional<Outcome> before_connect(const ClientPolicy& policy) {
  if (policy.defer.empty()) return std::nullopt;
  Outcome o;
  o.verdict = Verdict::deferred;
  o.reason = policy.defer;
  o.dsn = "4.7.5";
  o.level = policy.level;
  o.log = policy.warnings;
  o.blame = policy.defer_blame;
  return o;
}

Outcome run_client(const ClientPolicy& policy, Channel& channel, const Peer& peer, const ClientOptions& options) {
  Session s{policy, channel, peer, options, {}};
  for (const std::string& w : policy.warnings) s.out.log.push_back("warning: " + w);
  return s.run();
}

}  // namespace pflint::sim
