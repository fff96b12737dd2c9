// NAME
//   server — scripted ESMTP test server (see server.hpp).
#include "sim/server.hpp"

#include <openssl/err.h>
#include <poll.h>
#include <sys/socket.h>

#include <stdexcept>

#include "util/ascii.hpp"

namespace pflint::sim {
namespace {

int version_of(const std::string& name) {
  if (name == "TLSv1") return TLS1_VERSION;
  if (name == "TLSv1.1") return TLS1_1_VERSION;
  if (name == "TLSv1.2") return TLS1_2_VERSION;
  if (name == "TLSv1.3") return TLS1_3_VERSION;
  return 0;
}

ctx_ptr make_server_ctx(const ServerSpec& spec, const ServerCert& cert) {
  ctx_ptr ctx(SSL_CTX_new(TLS_server_method()));
  if (!ctx) throw std::runtime_error("server SSL_CTX_new: " + error_text());
  if (spec.security_level >= 0) SSL_CTX_set_security_level(ctx.get(), spec.security_level);
  if (!spec.min_protocol.empty()) SSL_CTX_set_min_proto_version(ctx.get(), version_of(spec.min_protocol));
  if (!spec.max_protocol.empty()) SSL_CTX_set_max_proto_version(ctx.get(), version_of(spec.max_protocol));
  if (!spec.ciphers.empty() && SSL_CTX_set_cipher_list(ctx.get(), spec.ciphers.c_str()) != 1) {
    throw std::runtime_error("server cipher list \"" + spec.ciphers + "\": " + error_text());
  }
  SSL_CTX_set_dh_auto(ctx.get(), 1);
  SSL_CTX_set_session_cache_mode(ctx.get(), SSL_SESS_CACHE_OFF);
  SSL_CTX_set_num_tickets(ctx.get(), 0);
  if (!cert.anonymous) {
    if (SSL_CTX_use_certificate(ctx.get(), cert.leaf.cert.get()) != 1 ||
        SSL_CTX_use_PrivateKey(ctx.get(), cert.leaf.key.get()) != 1) {
      throw std::runtime_error("server certificate: " + error_text());
    }
    if (spec.send_chain && cert.issuer) SSL_CTX_add1_chain_cert(ctx.get(), cert.issuer);
  }
  return ctx;
}

std::string ehlo_reply(const World& world, bool offer_starttls) {
  std::string r = "250-" + world.mx + "\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n";
  if (offer_starttls) r += "250-STARTTLS\r\n";
  return r + "250-ENHANCEDSTATUSCODES\r\n250 8BITMIME";
}

std::string upper_verb(const std::string& line) {
  std::string verb = line.substr(0, line.find(' '));
  for (char& c : verb) c = util::to_upper(c);
  return verb;
}

// abort_after_client_hello - read what the client sends, then close.
void abort_after_client_hello(Channel& ch, millis timeout) {
  pollfd p{ch.fd(), POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) > 0) {
    char buf[4096];
    (void)::recv(ch.fd(), buf, sizeof buf, 0);
  }
  ch.close();
}

}  // namespace

ScenarioServer::ScenarioServer(const Scenario& scenario, const Pki& pki, const World& world)
    : scenario_(&scenario), world_(world), cert_(pki.make_server_cert(scenario.server.cert, world)),
      ctx_(make_server_ctx(scenario.server, cert_)) {}

std::string ScenarioServer::serve(int fd, millis timeout) const {
  Channel ch(fd, timeout);
  const ServerSpec& spec = scenario_->server;
  ssl_ptr ssl;
  if (!ch.write_line("220 " + world_.mx + " ESMTP pflint-simulate")) return "greeting: " + ch.error();
  for (;;) {
    const std::optional<std::string> line = ch.read_line();
    if (!line) return ch.error() == "lost connection" ? "" : "read: " + ch.error();
    const std::string verb = upper_verb(*line);
    bool ok = true;
    if (verb == "EHLO") {
      ok = ch.write_line(ehlo_reply(world_, spec.starttls && !ssl));
    } else if (verb == "HELO" || verb == "NOOP" || verb == "RSET" || verb == "MAIL" || verb == "RCPT") {
      ok = ch.write_line("250 2.0.0 Ok");
    } else if (verb == "STARTTLS" && spec.starttls && !ssl) {
      ok = ch.write_line(spec.starttls_reply);
      if (ok && spec.starttls_reply.starts_with("2")) {
        if (spec.abort_handshake) {
          abort_after_client_hello(ch, timeout);
          return "";
        }
        ssl.reset(SSL_new(ctx_.get()));
        if (!ch.handshake(ssl.get(), false)) return "handshake: " + ch.error();
      }
    } else if (verb == "QUIT") {
      ch.write_line("221 2.0.0 Bye");
      ch.shutdown_tls();
      return "";
    } else {
      ok = ch.write_line("502 5.5.2 Error: command not recognized");
    }
    if (!ok) return "write: " + ch.error();
  }
}

}  // namespace pflint::sim
