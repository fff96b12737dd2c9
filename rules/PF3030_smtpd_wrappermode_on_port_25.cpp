// PF3030 smtpd-wrappermode-on-port-25 — smtpd_tls_wrappermode = yes for the
// SMTP server that receives mail from other MTAs on port 25.
#include <fmt/core.h>

#include "rules/tls_rule_util.hpp"

namespace pflint::rules {

extern const lint::RuleInfo PF3030_info;
const lint::RuleInfo PF3030_info{
    .code = "PF3030",
    .name = "smtpd-wrappermode-on-port-25",
    .severity = lint::Severity::error,
    .summary = "smtpd_tls_wrappermode = yes applies to the port-25 SMTP server, which other MTAs reach with STARTTLS",
    .doc = R"md(## What it flags
`smtpd_tls_wrappermode = yes` that reaches the SMTP server other mail
servers deliver to:

- set in main.cf, when master.cf's port-25 `smtpd` entry (`smtp inet`, or
  `25`, `host:smtp`, `host:25`) does not set it back to `no` with `-o`, or
  when no master.cf was checked (the stock one has that entry);
- set with `-o` on that port-25 entry itself;
- reaching an `smtpd` entry of type `pass`, which receives the connections
  that postscreen accepts on port 25.

## Why it matters
Wrapper mode makes the server expect a TLS handshake as the first bytes of
the connection (implicit TLS, as on port 465). Other MTAs connect to port
25, wait for a plain `220` greeting and then use STARTTLS, so no mail from
the Internet can be delivered; they retry until they bounce it.

## Problematic config
```main.cf
smtpd_tls_wrappermode = yes
smtpd_tls_chain_files = /etc/postfix/server.pem
smtp_tls_security_level = may
```

## Correct config
```main.cf
smtpd_tls_chain_files = /etc/postfix/server.pem
smtp_tls_security_level = may
```

## Exceptions
A server that only accepts implicit-TLS clients on port 25 (not reachable
by other MTAs) may mean it; suppress the finding for that line.

## How to fix
Remove `smtpd_tls_wrappermode = yes` from main.cf and set it only as an
`-o` option of the implicit-TLS submission service (`submissions inet`,
port 465), as the stock master.cf shows in its commented-out
`submissions` entry.

## Fix
The fix deletes the `smtpd_tls_wrappermode = yes` setting (main.cf line
or `-o`), unless another SMTP server entry reads the same main.cf line. It
is **unsafe**: the port-25 server then greets in plain text and offers
STARTTLS, which is what MTAs expect, but it is a change of what it does.
)md",
    .fix = lint::FixClass::unsafe,
};

namespace {

// is_port_25 - an inet service field "[host:]port" that names port 25.
bool is_port_25(std::string_view service) {
  const auto colon = service.rfind(':');
  const std::string_view port = colon == std::string_view::npos ? service : service.substr(colon + 1);
  return port == "25" || tls::iequals(port, "smtp");
}

// receives_from_mtas - an smtpd entry that serves port 25, directly or
// behind postscreen.
bool receives_from_mtas(const config::MasterEntry& e) {
  if (e.process_name() != "smtpd") return false;
  return (e.type() == "inet" && is_port_25(e.service())) || e.type() == "pass";
}

bool yes(std::string_view v) { return model::mail_conf_bool(v); }

std::string message(std::string_view service) {
  return fmt::format("smtpd_tls_wrappermode = yes makes {} expect TLS from the first byte: other MTAs connect to "
                     "port 25 in plain text and use STARTTLS, so no mail from the Internet gets in",
                     service);
}

// add_fix - unsafe: delete the wrapper-mode setting, unless the same main.cf
// line also serves an SMTP server that is not on port 25 (submissions).
void add_fix(const model::Model& model, lint::Diagnostic& d, const model::Origin& o) {
  const config::ConfigDir& files = model.files();
  if (o.kind == model::OriginKind::main_cf && files.master_file) {
    for (const config::MasterEntry& e : files.master.entries()) {
      if (e.process_name() != "smtpd" || receives_from_mtas(e)) continue;
      const model::Origin other = model.raw("smtpd_tls_wrappermode", &e).origin;
      if (other.file == o.file && other.name_span.begin == o.name_span.begin) return;
    }
  }
  if (const auto del = fixe::delete_setting(files, o)) {
    d.fixes.push_back({"Remove smtpd_tls_wrappermode = yes", {*del}, false});
  }
}

}  // namespace

void check_PF3030(lint::CheckContext& context) {
  const model::Model& model = context.model();
  const config::ConfigDir& files = model.files();
  tlsr::Once once;
  if (!files.master_file) {
    const model::Origin o = model.raw("smtpd_tls_wrappermode").origin;
    if (o.kind == model::OriginKind::main_cf && yes(model.expanded("smtpd_tls_wrappermode"))) {
      add_fix(model, context.report_at(o, message("the port-25 SMTP server (smtp/inet in the stock master.cf)")), o);
    }
    return;
  }
  for (const config::MasterEntry& e : files.master.entries()) {
    if (!receives_from_mtas(e) || !yes(model.expanded("smtpd_tls_wrappermode", &e))) continue;
    const model::Origin o = model.raw("smtpd_tls_wrappermode", &e).origin;
    if (o.kind == model::OriginKind::built_in || !once.first(o.file, o.value_span)) continue;
    add_fix(model,
            context.report_at(o, message(e.type() == "pass" ? fmt::format("{} (behind postscreen)", e.name())
                                                                 : e.name())),
            o);
  }
}

}  // namespace pflint::rules
