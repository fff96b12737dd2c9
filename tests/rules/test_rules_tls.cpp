// Unit tests: the TLS rules (PF3xxx, PF5xxx) beyond their doc examples —
// version and compatibility gates, lmtp_ twins, master.cf -o scopes, policy
// table positions, fixes.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "doc_examples.hpp"

using namespace pflint;

namespace {

struct Found {
  std::string code;
  std::string file;  // base name
  std::uint32_t line = 0;
  std::string message;
  std::vector<std::string> notes;
  std::vector<lint::Fix> fixes;
  std::string fixed;  // the file after applying the first fix
  lint::Severity severity = lint::Severity::warning;
};

struct Run {
  std::vector<Found> found;
  [[nodiscard]] std::vector<Found> of(std::string_view code) const {
    std::vector<Found> out;
    std::copy_if(found.begin(), found.end(), std::back_inserter(out), [&](const Found& f) { return f.code == code; });
    return out;
  }
};

// run - a full check of `files` (written to a temp dir, plus empty
// placeholder files for names ending in "=empty") with all rules.
Run run(const std::map<std::string, std::string>& files, const std::string& version = "3.7.11",
        std::optional<std::string> compat = std::nullopt) {
  namespace fs = std::filesystem;
  check::CheckOptions options;
  options.version = *params::parse_version(version);
  options.compatibility_level = std::move(compat);
  std::vector<std::string> errors;
  const auto checked = test::check_files(files, options, errors);
  Run out;
  for (const lint::Diagnostic& d : checked->findings) {
    Found f{std::string(d.code), "", 0, d.message, d.notes, d.fixes, "", d.severity};
    if (d.file) {
      f.file = fs::path(d.file->path()).filename().string();
      f.line = d.file->position(d.span.begin).line;
      if (!d.fixes.empty()) {
        // The finding's own file after the first fix (edits of other files,
        // e.g. main.cf for a finding in a table, are left out).
        std::string text(d.file->text());
        auto edits = d.fixes.front().edits;
        std::erase_if(edits, [&d](const lint::Edit& e) { return e.file && e.file != d.file; });
        std::sort(edits.begin(), edits.end(), [](const lint::Edit& a, const lint::Edit& b) { return a.span.begin > b.span.begin; });
        for (const lint::Edit& e : edits) text.replace(e.span.begin, e.span.size(), e.replacement);
        f.fixed = text;
      }
    }
    out.found.push_back(std::move(f));
  }
  return out;
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

const char* const k_policy_main =
    "smtp_tls_security_level = may\nsmtp_tls_policy_maps = texthash:${config_directory}/tls_policy\n";

}  // namespace

TEST_CASE("PF3002 fires at compatibility_level 3.11 on Postfix 3.11 only") {
  const std::map<std::string, std::string> files{{"main.cf", "relayhost = [r.example]\nsmtp_enforce_tls = yes\n"}};
  const Run trap = run(files, "3.11", "3.11");
  REQUIRE(trap.of("PF3002").size() == 1);
  CHECK(trap.of("PF3002")[0].line == 2);
  CHECK(trap.of("PF3002")[0].fixed == "relayhost = [r.example]\nsmtp_tls_security_level = verify\n");
  CHECK(trap.of("PF3001").empty());  // the trap is reported once, as PF3002

  // 3.11 with an older compatibility level: the switches still decide.
  const Run old_compat = run(files, "3.11", "3.7");
  CHECK(old_compat.of("PF3002").empty());
  REQUIRE(old_compat.of("PF3001").size() == 1);
  CHECK(contains(old_compat.of("PF3001")[0].message, "level to verify"));

  // Postfix 3.7 knows no such default.
  CHECK(run(files, "3.7.11", "3.11").of("PF3002").empty());

  // An explicit level: no trap.
  CHECK(run({{"main.cf", "smtp_tls_security_level = may\nsmtp_enforce_tls = yes\n"}}, "3.11", "3.11")
            .of("PF3002")
            .empty());
}

TEST_CASE("PF3001: ignored switches, contradictions, lmtp twins, -o fixes") {
  const Run ignored = run({{"main.cf", "smtp_tls_security_level = may\nsmtp_enforce_tls = yes\n"}});
  REQUIRE(ignored.of("PF3001").size() == 1);
  const Found f = ignored.of("PF3001")[0];
  CHECK(f.line == 2);
  CHECK(contains(f.message, "ignored"));
  CHECK(contains(f.message, "ask for level verify but Postfix uses may"));
  CHECK(f.fixed == "smtp_tls_security_level = may\n");

  const Run lmtp = run({{"main.cf", "lmtp_use_tls = yes\n"}});
  REQUIRE(lmtp.of("PF3001").size() == 1);
  CHECK(contains(lmtp.of("PF3001")[0].notes[0], "lmtp_tls_security_level = may"));
  CHECK(lmtp.of("PF3001")[0].fixed == "lmtp_tls_security_level = may\n");

  const Run master = run({{"main.cf", "smtp_tls_security_level =\n"},
                          {"master.cf", "relay     unix  -       -       n       -       -       smtp\n"
                                        "  -o smtp_enforce_tls=yes -o smtp_tls_enforce_peername=no\n"}});
  const auto m = master.of("PF3001");
  REQUIRE(m.size() == 2);
  CHECK(m[0].file == "master.cf");
  CHECK(m[0].line == 2);
  // Two obsolete -o options in one service: either becomes the level, the
  // other goes.
  CHECK(contains(m[1].notes[0], "smtp_tls_security_level = encrypt"));
  for (const Found& each : m) {
    CHECK(contains(each.fixed, "smtp\n  -o smtp_tls_security_level=encrypt\n"));
    CHECK(!contains(each.fixed, "enforce"));
  }

  const Run single = run({{"master.cf", "relay     unix  -       -       n       -       -       smtp\n"
                                        "  -o smtp_use_tls=yes\n"}});
  REQUIRE(single.of("PF3001").size() == 1);
  CHECK(contains(single.of("PF3001")[0].fixed, "-o smtp_tls_security_level=may\n"));
}

TEST_CASE("PF3003 checks -o per service and explains halfdane") {
  const Run r = run({{"main.cf", "smtp_tls_security_level = may\n"},
                     {"master.cf", "smtp      unix  -       -       n       -       -       smtp\n"
                                   "relay     unix  -       -       n       -       -       smtp\n"
                                   "  -o smtp_tls_security_level=halfdane\n"}});
  const auto f = r.of("PF3003");
  REQUIRE(f.size() == 1);
  CHECK(f[0].file == "master.cf");
  CHECK(f[0].line == 3);
  CHECK(contains(f[0].notes[0], "halfdane"));
  CHECK(run({{"main.cf", "smtp_tls_security_level = Dane-Only\n"}}).of("PF3003").empty());
  CHECK(run({{"main.cf", "smtp_tls_security_level =\n"}}).of("PF3003").empty());
}

TEST_CASE("PF3004: everything excluded, bounds the wrong way round; PF3005 fix") {
  CHECK(run({{"main.cf", "smtp_tls_mandatory_protocols = !TLSv1, !TLSv1.1, !TLSv1.2, !TLSv1.3, !SSLv3\n"}})
            .of("PF3004")
            .size() == 1);
  const Run bounds = run({{"main.cf", "smtp_tls_protocols = >=TLSv1.3, <=TLSv1.2\n"}});
  REQUIRE(bounds.of("PF3004").size() == 1);
  CHECK(contains(bounds.of("PF3004")[0].message, "above the upper bound"));
  CHECK(run({{"main.cf", "smtp_tls_protocols = >=TLSv1.2 <=TLSv1.3\n"}}).of("PF3004").empty());

  const Run legacy = run({{"main.cf", "smtp_tls_protocols = !SSLv2, !SSLv3\n"}});
  REQUIRE(legacy.of("PF3005").size() == 1);
  CHECK(legacy.of("PF3005")[0].fixed == "smtp_tls_protocols = >=TLSv1\n");
  // A gap (TLSv1.1 only excluded) has no >= equivalent.
  CHECK(run({{"main.cf", "smtp_tls_protocols = !TLSv1.1\n"}}).of("PF3005").empty());
}

TEST_CASE("PF3007 fix strips the leading '!'; PF3009 only from 3.8") {
  const Run r = run({{"main.cf", "smtp_tls_exclude_ciphers = !aNULL\n"}});
  REQUIRE(r.of("PF3007").size() == 1);
  CHECK(r.of("PF3007")[0].fixed == "smtp_tls_exclude_ciphers = aNULL\n");
  CHECK(run({{"main.cf", "smtp_tls_mandatory_ciphers = HIGH:!aNULL\n"}}).of("PF3007").size() == 1);
  CHECK(run({{"main.cf", "smtp_tls_ciphers = low\n"}}, "3.7.11").of("PF3009").empty());
  CHECK(run({{"main.cf", "smtp_tls_ciphers = low\n"}}, "3.8").of("PF3009").size() == 1);
}

TEST_CASE("policy tables: positions point at the entry and token") {
  const Run r = run({{"main.cf", k_policy_main},
                     {"tls_policy", "# partners\n"
                                    "good.example    encrypt\n"
                                    "bad.example     encrypt ciphers=high ciphers=medium\n"
                                    "fp.example      fingerprint match=AA:BB|zz\n"}});
  const auto dup = r.of("PF5003");
  REQUIRE(dup.size() == 1);
  CHECK(dup[0].file == "tls_policy");
  CHECK(dup[0].line == 3);
  CHECK(contains(dup[0].message, "bad.example"));
  const auto fp = r.of("PF3014");  // AA:BB is too short for md5, zz is not hex
  REQUIRE(fp.size() == 2);
  CHECK(fp[0].line == 4);
  CHECK(fp[1].line == 4);
  CHECK(r.of("PF3013").empty());
}

TEST_CASE("PF5001 per-site values; PF5004 after none") {
  const Run r = run({{"main.cf", "smtp_tls_per_site = texthash:${config_directory}/per_site\n"},
                     {"per_site", "a.example MUST\nb.example REQUIRED\n"}});
  const auto f = r.of("PF5001");
  REQUIRE(f.size() == 1);
  CHECK(f[0].line == 2);
  CHECK(contains(f[0].message, "REQUIRED"));
}

TEST_CASE("level-dependent rules look at table entries too") {
  const Run r = run({{"main.cf", k_policy_main},
                     {"tls_policy", "bank.example     verify\n"
                                    "anchored.example secure tafile=/etc/postfix/anchor.pem\n"
                                    "dane.example     dane-only\n"
                                    "fp.example       fingerprint\n"}});
  const auto verify = r.of("PF3016");
  REQUIRE(verify.size() == 1);
  CHECK(verify[0].file == "tls_policy");
  CHECK(verify[0].line == 1);
  const auto dane = r.of("PF3017");
  REQUIRE(dane.size() == 1);
  CHECK(dane[0].line == 3);
  CHECK(contains(dane[0].message, "defers every message"));
  const auto fp = r.of("PF3013");
  REQUIRE(fp.size() == 1);
  CHECK(fp[0].line == 4);
  // Table entries ask for mandatory TLS, so the mandatory settings are used.
  CHECK(run({{"main.cf", std::string(k_policy_main) + "smtp_tls_mandatory_ciphers = high\n"},
             {"tls_policy", "bank.example encrypt\n"}})
            .of("PF3011")
            .empty());
}

TEST_CASE("PF3011 stays silent when a table cannot be read") {
  CHECK(run({{"main.cf", "smtp_tls_security_level = may\nsmtp_tls_mandatory_ciphers = high\n"
                         "smtp_tls_policy_maps = mysql:/etc/postfix/tls.cf\n"}})
            .of("PF3011")
            .empty());
  CHECK(run({{"main.cf", "smtp_tls_security_level = may\nsmtp_tls_mandatory_ciphers = high\n"}}).of("PF3011").size() ==
        1);
}

TEST_CASE("PF5006/PF5007: compiled tables with and without their source") {
  const std::string main = "smtp_tls_security_level = may\nsmtp_tls_policy_maps = hash:${config_directory}/tls_policy\n";
  const Run no_db = run({{"main.cf", main}, {"tls_policy", "a.example encrypt\n"}});
  REQUIRE(no_db.of("PF5007").size() == 1);
  CHECK(contains(no_db.of("PF5007")[0].message, "postmap"));
  const Run only_db = run({{"main.cf", main}, {"tls_policy.db", "binary"}});
  CHECK(only_db.of("PF5007").empty());
  REQUIRE(only_db.of("PF5006").size() == 1);
  CHECK(contains(only_db.of("PF5006")[0].message, "tls_policy"));
  const Run both = run({{"main.cf", main}, {"tls_policy", "a.example encrypt\n"}, {"tls_policy.db", "binary"}});
  CHECK(both.of("PF5007").empty());
  CHECK(both.of("PF5006").empty());
  // A table outside the checked directory may exist on the server: not "missing".
  const Run elsewhere = run({{"main.cf", "smtp_tls_policy_maps = texthash:/nonexistent-pflint/tls_policy\n"}});
  CHECK(elsewhere.of("PF5007").empty());
  CHECK(elsewhere.of("PF5006").size() == 1);
}

TEST_CASE("PF3025/PF3026/PF3012 scopes") {
  // dane over a unix socket is an error, not a warning.
  const Run lmtp = run({{"main.cf", "virtual_transport = lmtp:unix:private/dovecot-lmtp\nlmtp_tls_security_level = dane\n"},
                        {"master.cf", "lmtp      unix  -       -       y       -       -       lmtp\n"}});
  CHECK(lmtp.of("PF3025").size() == 1);
  CHECK(run({{"main.cf", "virtual_transport = lmtp:inet:imap.example:24\nlmtp_tls_security_level = may\n"},
             {"master.cf", "lmtp      unix  -       -       y       -       -       lmtp\n"}})
            .of("PF3025")
            .empty());
  // No master.cf checked: tlsproxy cannot be judged.
  CHECK(run({{"main.cf", "smtp_tls_connection_reuse = yes\n"}}).of("PF3026").empty());
  // A relay next hop in default_transport is not Internet delivery.
  CHECK(run({{"main.cf", "default_transport = smtp:[relay.example]\nsmtp_tls_security_level = encrypt\n"}})
            .of("PF3012")
            .empty());
  // -o on the default transport counts.
  const Run over = run({{"master.cf", "smtp      unix  -       -       n       -       -       smtp\n"
                                      "  -o smtp_tls_security_level=verify\n"}});
  REQUIRE(over.of("PF3012").size() == 1);
  CHECK(over.of("PF3012")[0].file == "master.cf");
}

TEST_CASE("PF3028: port-465 next hops and the service that delivers them") {
  const std::string stock =
      "smtp      unix  -       -       y       -       -       smtp\n"
      "relay     unix  -       -       y       -       -       smtp\n";
  SUBCASE("relayhost through the default smtp transport, by port name") {
    const Run r = run({{"main.cf", "relayhost = [mail.example.net]:submissions\n"}, {"master.cf", stock}});
    REQUIRE(r.of("PF3028").size() == 1);
    CHECK(r.of("PF3028")[0].line == 1);
    CHECK(contains(r.of("PF3028")[0].message, "smtp/unix"));
  }
  SUBCASE("wrapper mode on a dedicated transport that default_transport names") {
    const Run r = run({{"main.cf", "relayhost = [mail.example.net]:465\ndefault_transport = smtps\n"},
                       {"master.cf", stock + "smtps     unix  -       -       y       -       -       smtp\n"
                                             "  -o smtp_tls_wrappermode=yes -o smtp_tls_security_level=encrypt\n"}});
    CHECK(r.of("PF3028").empty());
  }
  SUBCASE("default_transport with its own port-465 next hop wins over relayhost") {
    const Run r = run({{"main.cf", "relayhost = [other.example.net]:587\n"
                                   "default_transport = smtp:[mail.example.net]:465\n"},
                       {"master.cf", stock}});
    REQUIRE(r.of("PF3028").size() == 1);
    CHECK(r.of("PF3028")[0].line == 2);
  }
  SUBCASE("relay_transport counts only when relay_domains is set") {
    const std::string main = "relay_transport = relay:[hub.example.net]:465\n";
    CHECK(run({{"main.cf", main}, {"master.cf", stock}}).of("PF3028").empty());
    CHECK(run({{"main.cf", main + "relay_domains = example.org\n"}, {"master.cf", stock}}).of("PF3028").size() == 1);
  }
  SUBCASE("a fallback relay, per service") {
    const Run r = run({{"main.cf", "smtp_fallback_relay = [backup.example.net]:smtps, [b2.example.net]:587\n"},
                       {"master.cf", stock}});
    CHECK(r.of("PF3028").size() == 1);  // one line, reported once for both services
  }
  SUBCASE("port 587, an IPv6 literal on 465 and plain port 25 are told apart") {
    CHECK(run({{"main.cf", "relayhost = [mail.example.net]:587\n"}, {"master.cf", stock}}).of("PF3028").empty());
    CHECK(run({{"main.cf", "relayhost = mail.example.net\n"}, {"master.cf", stock}}).of("PF3028").empty());
    CHECK(run({{"main.cf", "relayhost = [ipv6:2001:db8::25]:465\n"}, {"master.cf", stock}}).of("PF3028").size() == 1);
    CHECK(run({{"main.cf", "relayhost = [ipv6:2001:db8::465]\n"}, {"master.cf", stock}}).of("PF3028").empty());
  }
}

TEST_CASE("PF3028, PF3029: next hops from transport_maps and the sender-dependent maps") {
  const std::string stock =
      "smtp      unix  -       -       y       -       -       smtp\n"
      "relay     unix  -       -       y       -       -       smtp\n"
      "smtps     unix  -       -       y       -       -       smtp\n"
      "  -o smtp_tls_wrappermode=yes -o smtp_tls_security_level=encrypt\n";
  const std::string transport_main = "transport_maps = texthash:${config_directory}/transport\n";
  SUBCASE("a transport_maps entry on 465 through a plain transport: reported in the table") {
    const Run r = run({{"main.cf", transport_main},
                       {"master.cf", stock},
                       {"transport", "# routes\nexample.com   smtp:[mail.example.net]:465\n"}});
    REQUIRE(r.of("PF3028").size() == 1);
    CHECK(r.of("PF3028")[0].file == "transport");
    CHECK(r.of("PF3028")[0].line == 2);
    CHECK(contains(r.of("PF3028")[0].message, "transport_maps routes for example.com"));
    CHECK(contains(r.of("PF3028")[0].message, "smtp/unix"));
  }
  SUBCASE("the service an entry names: wrapper mode on 465 is right, on 587 it is not") {
    const Run ok = run({{"main.cf", transport_main},
                        {"master.cf", stock},
                        {"transport", "example.com smtps:[mail.example.net]:465\n"}});
    CHECK(ok.of("PF3028").empty());
    CHECK(ok.of("PF3029").empty());
    const Run bad = run({{"main.cf", transport_main},
                         {"master.cf", stock},
                         {"transport", "example.com smtps:[mail.example.net]:465\nexample.org smtps:[mx.example.org]:587\n"}});
    REQUIRE(bad.of("PF3029").size() == 1);
    CHECK(bad.of("PF3029")[0].file == "transport");
    CHECK(bad.of("PF3029")[0].line == 2);
    CHECK(contains(bad.of("PF3029")[0].message, "smtps/unix"));
  }
  SUBCASE(":nexthop keeps default_transport; transport: goes to the MX hosts; other transports are not SMTP") {
    const Run keep = run({{"main.cf", transport_main}, {"master.cf", stock}, {"transport", "example.com :[hub.example.net]:465\n"}});
    REQUIRE(keep.of("PF3028").size() == 1);
    CHECK(keep.of("PF3028")[0].file == "transport");
    const Run mx = run({{"main.cf", transport_main + "relayhost = [mail.example.net]:465\n"},
                        {"master.cf", stock},
                        {"transport", "example.com smtps:\n"}});
    REQUIRE(mx.of("PF3029").size() == 1);  // smtps to the MX hosts: port 25 with wrapper mode
    CHECK(mx.of("PF3029")[0].file == "master.cf");
    CHECK(contains(mx.of("PF3029")[0].message, "MX hosts"));
    CHECK(run({{"main.cf", transport_main},
               {"master.cf", stock},
               {"transport", "example.com error:no mail here\nexample.net local:\nexample.org :\n"
                             "example.info lmtp:inet:[lmtp.example]:465\n"}})
              .of("PF3028")
              .empty());
  }
  SUBCASE("a sender-dependent relayhost in an inline: map, in main.cf; DUNNO falls back to relayhost") {
    const Run r = run({{"main.cf", "relayhost = [mail.example.net]:587\n"
                                   "sender_dependent_relayhost_maps = inline:{ alice@example.com=[smtp.provider.example]:465,"
                                   " bob@example.com=DUNNO }\n"},
                       {"master.cf", stock}});
    REQUIRE(r.of("PF3028").size() == 1);
    CHECK(r.of("PF3028")[0].file == "main.cf");
    CHECK(r.of("PF3028")[0].line == 2);
    CHECK(contains(r.of("PF3028")[0].message, "sender-dependent relayhost mail of alice@example.com"));
    // A sender-dependent relayhost does not replace a transport's own next hop.
    CHECK(run({{"main.cf", "default_transport = smtp:[mail.example.net]:587\n"
                           "sender_dependent_relayhost_maps = inline:{ alice@example.com=[smtp.provider.example]:465 }\n"},
               {"master.cf", stock}})
              .of("PF3028")
              .empty());
  }
  SUBCASE("a sender-dependent default transport names its service and next hop") {
    const std::string main = "sender_dependent_default_transport_maps = texthash:${config_directory}/sdt\n";
    const Run r = run({{"main.cf", main}, {"master.cf", stock}, {"sdt", "bob@example.com smtps:[relay.example.net]:587\n"}});
    REQUIRE(r.of("PF3029").size() == 1);
    CHECK(r.of("PF3029")[0].file == "sdt");
    CHECK(contains(r.of("PF3029")[0].message, "sender-dependent default transport mail of bob@example.com"));
    // Without its own next hop it uses relayhost.
    const Run relay = run({{"main.cf", main + "relayhost = [mail.example.net]:587\n"},
                           {"master.cf", stock},
                           {"sdt", "bob@example.com smtps:\n"}});
    REQUIRE(relay.of("PF3029").size() == 1);
    CHECK(relay.of("PF3029")[0].line == 2);
    CHECK(relay.of("PF3029")[0].file == "main.cf");
  }
  SUBCASE("tables that cannot be read offline are left alone") {
    CHECK(run({{"main.cf", "transport_maps = hash:/nonexistent/transport, mysql:/etc/postfix/transport.cf\n"},
               {"master.cf", stock}})
              .of("PF3028")
              .empty());
  }
}

TEST_CASE("PF2007: the consequence of a '#' word depends on the parameter") {
  const Run proto = run({{"main.cf", "smtp_tls_mandatory_protocols = >=TLSv1.2 # modern only\n"}});
  REQUIRE(proto.of("PF2007").size() == 1);
  CHECK(contains(proto.of("PF2007")[0].message, "rejects the whole protocol list"));
  const Run match = run({{"main.cf", "mynetworks = 127.0.0.0/8 # local\n"}});
  REQUIRE(match.of("PF2007").size() == 1);
  CHECK(contains(match.of("PF2007")[0].message, "ignores the rest of the list"));
  CHECK(run({{"main.cf", "smtp_tls_protocols = >=TLSv1.2\n"}}).of("PF2007").empty());
  // Inside an inline: TLS policy table the word is part of the entry, which Postfix rejects.
  const Run inline_policy = run({{"main.cf", "smtp_tls_security_level = may\n"
                                             "smtp_tls_policy_maps = inline:{ {b.example = encrypt # strict} }\n"}});
  REQUIRE(inline_policy.of("PF2007").size() == 1);
  CHECK(contains(inline_policy.of("PF2007")[0].message, "rejects the entry and defers the mail"));
  REQUIRE_FALSE(inline_policy.of("PF5003").empty());
  CHECK(contains(inline_policy.of("PF5003")[0].message, "starts a comment only at the beginning of a line"));
  const Run braced = run({{"main.cf", "transport_maps = inline:{ {example.com = smtp:[hub.example] # hub} }\n"}});
  REQUIRE(braced.of("PF2007").size() == 1);
  CHECK(contains(braced.of("PF2007")[0].message, "inline table entry's value"));
}

TEST_CASE("PF3029: wrapper mode towards a port that speaks STARTTLS") {
  const std::string stock =
      "smtp      unix  -       -       y       -       -       smtp\n"
      "relay     unix  -       -       y       -       -       smtp\n";
  SUBCASE("a submission relay on 587 with global wrapper mode") {
    const Run r = run({{"main.cf", "relayhost = [mail.example.net]:587\nsmtp_tls_wrappermode = yes\n"},
                       {"master.cf", stock}});
    REQUIRE(r.of("PF3029").size() == 1);
    CHECK(r.of("PF3029")[0].line == 1);
    CHECK(contains(r.of("PF3029")[0].message, "port 587"));
    CHECK(contains(r.of("PF3029")[0].message, "main.cf:2"));
  }
  SUBCASE("port names and a next hop without a port (port 25)") {
    CHECK(run({{"main.cf", "relayhost = [mail.example.net]:submission\nsmtp_tls_wrappermode = yes\n"},
               {"master.cf", stock}}).of("PF3029").size() == 1);
    const Run bare = run({{"main.cf", "relayhost = mail.example.net\nsmtp_tls_wrappermode = YES\n"},
                          {"master.cf", stock}});
    REQUIRE(bare.of("PF3029").size() == 1);
    CHECK(contains(bare.of("PF3029")[0].message, "port 25"));
  }
  SUBCASE("no relayhost: MX delivery on port 25, reported at the wrapper-mode line") {
    const Run r = run({{"main.cf", "myhostname = mx.example.org\nsmtp_tls_wrappermode = yes\n"}, {"master.cf", stock}});
    REQUIRE(r.of("PF3029").size() == 1);
    CHECK(r.of("PF3029")[0].line == 2);
    CHECK(contains(r.of("PF3029")[0].message, "MX hosts"));
  }
  SUBCASE("wrapper mode in the -o of the transport that default_transport names") {
    const Run r = run({{"main.cf", "relayhost = [mail.example.net]:25\ndefault_transport = tlsrelay\n"},
                       {"master.cf", stock + "tlsrelay  unix  -       -       y       -       -       smtp\n"
                                             "  -o smtp_tls_wrappermode=yes\n"}});
    REQUIRE(r.of("PF3029").size() == 1);
    CHECK(contains(r.of("PF3029")[0].message, "master.cf:4"));
  }
  SUBCASE("silent: port 465, a custom port, and no wrapper mode") {
    CHECK(run({{"main.cf", "relayhost = [mail.example.net]:465\nsmtp_tls_wrappermode = yes\n"}, {"master.cf", stock}})
              .of("PF3029")
              .empty());
    CHECK(run({{"main.cf", "relayhost = [mail.example.net]:2465\nsmtp_tls_wrappermode = yes\n"},
               {"master.cf", stock}}).of("PF3029").empty());
    CHECK(run({{"main.cf", "relayhost = [mail.example.net]:587\n"}, {"master.cf", stock}}).of("PF3029").empty());
    CHECK(run({{"main.cf", "myhostname = mx.example.org\n"}, {"master.cf", stock}}).of("PF3029").empty());
    // Wrapper mode only on a transport nothing routes to.
    CHECK(run({{"main.cf", "relayhost = [mail.example.net]:587\n"},
               {"master.cf", stock + "smtps     unix  -       -       y       -       -       smtp\n"
                                     "  -o smtp_tls_wrappermode=yes\n"}}).of("PF3029").empty());
  }
  SUBCASE("a fallback relay on 587 of a wrapper-mode service") {
    const Run r = run({{"main.cf", "relayhost = [mail.example.net]:465\nsmtp_tls_wrappermode = yes\n"
                                   "smtp_fallback_relay = [backup.example.net]:587\n"},
                       {"master.cf", stock}});
    REQUIRE(r.of("PF3029").size() == 1);
    CHECK(r.of("PF3029")[0].line == 3);
  }
}

TEST_CASE("PF3030: smtpd wrapper mode on the port-25 server") {
  const std::string smtp_inet = "smtp      inet  n       -       y       -       -       smtpd\n";
  const std::string submissions =
      "submissions inet n     -       y       -       -       smtpd\n"
      "  -o smtpd_tls_wrappermode=yes\n";
  SUBCASE("global wrapper mode reaches smtp/inet") {
    const Run r = run({{"main.cf", "smtpd_tls_wrappermode = yes\n"}, {"master.cf", smtp_inet + submissions}});
    REQUIRE(r.of("PF3030").size() == 1);
    CHECK(r.of("PF3030")[0].file == "main.cf");
    CHECK(contains(r.of("PF3030")[0].message, "smtp/inet"));
  }
  SUBCASE("no master.cf checked: the stock smtp/inet is assumed") {
    CHECK(run({{"main.cf", "smtpd_tls_wrappermode = yes\n"}}).of("PF3030").size() == 1);
  }
  SUBCASE("-o on a port-25 entry, and smtpd behind postscreen") {
    const Run o = run({{"main.cf", "myhostname = mx.example.org\n"},
                       {"master.cf", "192.0.2.1:25 inet n     -       y       -       -       smtpd\n"
                                     "  -o smtpd_tls_wrappermode=yes\n"}});
    REQUIRE(o.of("PF3030").size() == 1);
    CHECK(o.of("PF3030")[0].file == "master.cf");
    const Run pass = run({{"main.cf", "smtpd_tls_wrappermode = yes\n"},
                          {"master.cf", "smtp      inet  n       -       y       -       1       postscreen\n"
                                        "smtpd     pass  -       -       y       -       -       smtpd\n"}});
    REQUIRE(pass.of("PF3030").size() == 1);
    CHECK(contains(pass.of("PF3030")[0].message, "postscreen"));
  }
  SUBCASE("silent: only the submissions service, or port 25 set back to no") {
    CHECK(run({{"main.cf", "myhostname = mx.example.org\n"}, {"master.cf", smtp_inet + submissions}})
              .of("PF3030")
              .empty());
    CHECK(run({{"main.cf", "smtpd_tls_wrappermode = yes\n"},
               {"master.cf", "smtp      inet  n       -       y       -       -       smtpd\n"
                             "  -o smtpd_tls_wrappermode=no\n" + submissions}})
              .of("PF3030")
              .empty());
    CHECK(run({{"main.cf", "smtpd_tls_wrappermode = no\n"}}).of("PF3030").empty());
  }
}

TEST_CASE("PF3031: protocols in use with nothing at TLS 1.2 or later") {
  SUBCASE("a policy-table entry naming one old protocol") {
    const Run r = run({{"main.cf", k_policy_main},
                       {"tls_policy", "legacy.example encrypt protocols=TLSv1.1\nok.example encrypt protocols=>=TLSv1.2\n"}});
    REQUIRE(r.of("PF3031").size() == 1);
    CHECK(r.of("PF3031")[0].file == "tls_policy");
    CHECK(r.of("PF3031")[0].line == 1);
    CHECK(contains(r.of("PF3031")[0].message, "deferred"));
  }
  SUBCASE("the opportunistic list at level may: plaintext") {
    const Run r = run({{"main.cf", "smtp_tls_security_level = may\nsmtp_tls_protocols = TLSv1, TLSv1.1\n"}});
    REQUIRE(r.of("PF3031").size() == 1);
    CHECK(contains(r.of("PF3031")[0].message, "plaintext"));
  }
  SUBCASE("silent: modern lists, a list not used at the level, and lists PF3004 owns") {
    CHECK(run({{"main.cf", "smtp_tls_security_level = encrypt\nsmtp_tls_mandatory_protocols = TLSv1.2\n"}})
              .of("PF3031")
              .empty());
    CHECK(run({{"main.cf", "smtp_tls_security_level = encrypt\nsmtp_tls_protocols = TLSv1\n"}}).of("PF3031").empty());
    CHECK(run({{"main.cf", "smtp_tls_security_level = none\nsmtp_tls_protocols = TLSv1\n"}}).of("PF3031").empty());
    CHECK(run({{"main.cf", "smtp_tls_security_level = may\nsmtp_tls_protocols = TLSv1.4\n"}}).of("PF3031").empty());
    CHECK(run({{"main.cf", "smtp_tls_security_level = may\n"}}).of("PF3031").empty());
  }
}

TEST_CASE("PF3032: TLS for the server only leaves the client in plaintext") {
  const std::string server = "smtpd_tls_chain_files = /etc/postfix/server.pem\nsmtpd_tls_security_level = may\n";
  SUBCASE("direct MX delivery: info at the server setting") {
    const Run r = run({{"main.cf", server}});
    REQUIRE(r.of("PF3032").size() == 1);
    CHECK(r.of("PF3032")[0].severity == lint::Severity::info);
    CHECK(r.of("PF3032")[0].line == 1);
    CHECK(contains(r.of("PF3032")[0].message, "plaintext"));
  }
  SUBCASE("a relayhost: warning at the relayhost line") {
    const Run r = run({{"main.cf", server + "relayhost = [smtp.example.net]:587\n"}});
    REQUIRE(r.of("PF3032").size() == 1);
    CHECK(r.of("PF3032")[0].severity == lint::Severity::warning);
    CHECK(r.of("PF3032")[0].line == 3);
  }
  SUBCASE("SASL with noplaintext: deferred; without it: the password in clear") {
    const std::string sasl = server + "relayhost = [smtp.example.net]:587\nsmtp_sasl_auth_enable = yes\n";
    const Run deferred = run({{"main.cf", sasl}});
    REQUIRE(deferred.of("PF3032").size() == 1);
    CHECK(deferred.of("PF3032")[0].severity == lint::Severity::error);
    CHECK(contains(deferred.of("PF3032")[0].message, "deferred"));
    const Run clear = run({{"main.cf", sasl + "smtp_sasl_security_options = noanonymous\n"}});
    REQUIRE(clear.of("PF3032").size() == 1);
    CHECK(clear.of("PF3032")[0].severity == lint::Severity::error);
    CHECK(contains(clear.of("PF3032")[0].message, "password in clear"));
  }
  SUBCASE("silent: a client level, an explicit none, a policy table, no server TLS, the 3.11 default") {
    CHECK(run({{"main.cf", server + "smtp_tls_security_level = may\n"}}).of("PF3032").empty());
    CHECK(run({{"main.cf", server + "smtp_tls_security_level = none\n"}}).of("PF3032").empty());
    CHECK(run({{"main.cf", server + "smtp_use_tls = yes\n"}}).of("PF3032").empty());
    CHECK(run({{"main.cf", server + "smtp_tls_policy_maps = texthash:${config_directory}/tls_policy\n"},
               {"tls_policy", "example.com encrypt\n"}}).of("PF3032").empty());
    CHECK(run({{"main.cf", "relayhost = [smtp.example.net]:587\n"}}).of("PF3032").empty());
    CHECK(run({{"main.cf", "smtpd_tls_security_level = none\nsmtpd_tls_cert_file =\n"}}).of("PF3032").empty());
    CHECK(run({{"main.cf", server}}, "3.11", "3.11").of("PF3032").empty());
    CHECK(run({{"main.cf", server + "compatibility_level = 3.11\n"}}, "3.11").of("PF3032").empty());
  }
}

TEST_CASE("PF3033: opportunistic settings at a mandatory level") {
  SUBCASE("encrypt everywhere: smtp_tls_protocols and smtp_tls_ciphers are dead") {
    const Run r = run({{"main.cf", "smtp_tls_security_level = encrypt\nsmtp_tls_protocols = >=TLSv1.2\n"
                                   "smtp_tls_ciphers = high\n"}});
    REQUIRE(r.of("PF3033").size() == 2);
    CHECK(contains(r.of("PF3033")[0].message, "smtp_tls_mandatory_protocols"));
    CHECK(contains(r.of("PF3033")[1].message, "smtp_tls_mandatory_ciphers"));
  }
  SUBCASE("silent: level may, a may entry in a policy table, TLS off, and the DANE fallback to may") {
    CHECK(run({{"main.cf", "smtp_tls_security_level = may\nsmtp_tls_protocols = >=TLSv1.2\n"}}).of("PF3033").empty());
    CHECK(run({{"main.cf", "smtp_tls_security_level = encrypt\nsmtp_tls_protocols = >=TLSv1.2\n"
                           "smtp_tls_policy_maps = texthash:${config_directory}/tls_policy\n"},
               {"tls_policy", "legacy.example may\n"}}).of("PF3033").empty());
    CHECK(run({{"main.cf", "smtp_tls_protocols = >=TLSv1.2\n"}}).of("PF3033").empty());
    CHECK(run({{"main.cf", "smtp_tls_security_level = dane\nsmtp_tls_protocols = >=TLSv1.2\n"}}).of("PF3033").empty());
    CHECK(run({{"main.cf", "smtp_dns_support_level = dnssec\nsmtp_tls_security_level = dane\n"
                           "smtp_tls_protocols = >=TLSv1.2\n"}}).of("PF3033").empty());
    // dane-only never falls back to may.
    CHECK(run({{"main.cf", "smtp_dns_support_level = dnssec\nsmtp_tls_security_level = dane-only\n"
                           "smtp_tls_protocols = >=TLSv1.2\n"}}).of("PF3033").size() == 1);
  }
  SUBCASE("an -o at may on one transport keeps the main.cf setting alive") {
    const std::string master = "smtp      unix  -       -       y       -       -       smtp\n"
                               "relay     unix  -       -       y       -       -       smtp\n"
                               "  -o smtp_tls_security_level=may\n";
    CHECK(run({{"main.cf", "smtp_tls_security_level = encrypt\nsmtp_tls_protocols = >=TLSv1.2\n"},
               {"master.cf", master}}).of("PF3033").empty());
  }
}

TEST_CASE("PF2003: two -o options of one entry, and main.cf lines, name the line Postfix ignores") {
  const Run o = run({{"master.cf", "smtp      unix  -       -       y       -       -       smtp\n"
                                   "  -o smtp_tls_security_level=may\n"
                                   "  -o smtp_tls_security_level=encrypt\n"
                                   "relay     unix  -       -       y       -       -       smtp\n"
                                   "  -o smtp_tls_security_level=may -o smtp_tls_security_level=may\n"}});
  REQUIRE(o.of("PF2003").size() == 1);  // the identical pair in relay/unix is harmless
  CHECK(o.of("PF2003")[0].file == "master.cf");
  CHECK(o.of("PF2003")[0].line == 3);
  CHECK(contains(o.of("PF2003")[0].message, "\"may\" from line 2, which Postfix ignores"));
  const Run m = run({{"main.cf", "smtp_tls_security_level = may\nsmtp_tls_security_level = encrypt\n"}});
  REQUIRE(m.of("PF2003").size() == 1);
  CHECK(contains(m.of("PF2003")[0].message, "from line 1, which Postfix ignores"));
}

TEST_CASE("PF3017: ignore_mx_lookup_error (no smtp_ prefix) defeats DANE; the prefixed name is not Postfix's") {
  const std::string dane = "smtp_dns_support_level = dnssec\nsmtp_tls_security_level = dane\n";
  const Run real = run({{"main.cf", dane + "ignore_mx_lookup_error = yes\n"}});
  REQUIRE(real.of("PF3017").size() == 1);
  CHECK(contains(real.of("PF3017")[0].message, "ignore_mx_lookup_error = yes"));
  const Run made_up = run({{"main.cf", dane + "smtp_ignore_mx_lookup_error = yes\n"}});
  CHECK(made_up.of("PF3017").empty());
  CHECK(made_up.of("PF2001").size() == 1);
  CHECK(run({{"main.cf", dane + "ignore_mx_lookup_error = no\n"}}).of("PF3017").empty());
}
