// NAME
//   test_diff — `pflint diff` as a library: pairs of configs held in memory
//   (main.cf, master.cf, a policy table, read through a config::FileSource)
//   for every kind of TLS change, weakenings named, findings added and
//   resolved, config pairing; and the level order of weaken.hpp.
#include <doctest/doctest.h>

#include <map>
#include <memory>
#include <string>

#include "check/discover.hpp"
#include "diff/run_diff.hpp"
#include "diff/weaken.hpp"
#include "rules/registry.hpp"

namespace {
using namespace pflint;
using Files = std::map<std::string, std::string>;  // path relative to the side's root → text

// MemoryFiles - a FileSource over texts held in memory; nothing on disk.
class MemoryFiles final : public config::FileSource {
 public:
  MemoryFiles(std::string root, const Files& files) {
    for (const auto& [rel, text] : files) files_[root + "/" + rel] = text;
  }
  [[nodiscard]] bool exists(const std::string& path) const override { return files_.contains(path); }
  [[nodiscard]] std::optional<syntax::SourceFile> load(const std::string& path, std::string& error) const override {
    const auto it = files_.find(path);
    if (it == files_.end()) {
      error = path + ": No such file or directory";
      return std::nullopt;
    }
    return syntax::SourceFile(path, it->second);
  }

 private:
  std::map<std::string, std::string> files_;
};

diff::DiffSide side(const std::string& root, const Files& files) {
  std::vector<std::string> names;
  for (const auto& [rel, text] : files) names.push_back(rel);
  auto source = std::make_shared<const MemoryFiles>(root, files);
  return {root, root, check::discover_files(root, names, false, source)};
}

diff::DiffReport diff_of(const Files& was, const Files& now) {
  return diff::run_diff(side("/mem/old", was), side("/mem/new", now), check::CheckOptions{}, rules::all_rules());
}

const std::string k_master =
    "smtp      unix  -       -       y       -       -       smtp\n"
    "relay     unix  -       -       y       -       -       smtp\n";

Files config_of(const std::string& main, const std::string& master = k_master, const std::string& table = "") {
  Files f{{"main.cf", "compatibility_level = 3.6\n" + main}, {"master.cf", master}};
  if (!table.empty()) f["tls_policy"] = table;
  return f;
}

// change - the change of `item` in a scope, or nullptr.
const diff::Change* change(const diff::DiffReport& r, std::string_view service, std::string_view destination,
                           std::string_view item) {
  for (const diff::ConfigDiff& c : r.configs) {
    for (const diff::ScopeDiff& s : c.scopes) {
      if (s.service != service || s.destination != destination) continue;
      for (const diff::Change& ch : s.changes) {
        if (ch.item == item) return &ch;
      }
    }
  }
  return nullptr;
}

const std::string k_table_list = "smtp_tls_policy_maps = texthash:${config_directory}/tls_policy\n";
}  // namespace

TEST_CASE("diff weaken: level guarantees decide, not a line") {
  using tls::Level;
  CHECK(diff::level_weakening(Level::verify, Level::may) ==
        "level lowered: verify → may (loses mandatory TLS, peer authentication)");
  CHECK(diff::level_weakening(Level::encrypt, Level::may) == "level lowered: encrypt → may (loses mandatory TLS)");
  CHECK(diff::level_weakening(Level::dane, Level::may) == "level lowered: dane → may (loses peer authentication)");
  CHECK(diff::level_weakening(Level::secure, Level::verify) == "level lowered: secure → verify (loses names not from DNS)");
  CHECK(diff::level_weakening(Level::encrypt, Level::dane) == "level lowered: encrypt → dane (loses mandatory TLS)");
  CHECK(diff::level_weakening(Level::may, Level::none) == "level lowered: may → none (loses TLS)");
  CHECK(diff::level_weakening(Level::may, Level::encrypt).empty());
  CHECK(diff::level_weakening(Level::dane, Level::dane_only).empty());
  CHECK(diff::level_weakening(Level::verify, Level::secure).empty());
  CHECK(diff::level_weakening(Level::secure, Level::invalid).empty());  // defers: fails closed
  CHECK(diff::grade_weakening(tls::CipherGrade::high, tls::CipherGrade::medium) ==
        "cipher grade lowered: high → medium");
  CHECK(diff::grade_weakening(tls::CipherGrade::medium, tls::CipherGrade::high).empty());
  CHECK(diff::digest_weakening("sha256", "SHA1") == "fingerprint digest weakened: sha256 → SHA1");
  CHECK(diff::digest_weakening("md5", "sha256").empty());
}

TEST_CASE("diff: identical configs report nothing") {
  const Files c = config_of("smtp_tls_security_level = verify\n");
  const diff::DiffReport r = diff_of(c, c);
  CHECK(r.compared == 1);
  CHECK(r.configs.empty());
  CHECK_FALSE(r.weakens());
}

TEST_CASE("diff: global level lowered in main.cf, old and new origins") {
  const diff::DiffReport r =
      diff_of(config_of("smtp_tls_security_level = verify\n"), config_of("# no TLS\n\nsmtp_tls_security_level = may\n"));
  const diff::Change* ch = change(r, "smtp/unix", "", "level");
  REQUIRE(ch != nullptr);
  CHECK(*ch->was.value == "verify");
  CHECK(ch->was.origin == "/mem/old/main.cf:2, smtp_tls_security_level");
  CHECK(*ch->now.value == "may");
  CHECK(ch->now.origin == "/mem/new/main.cf:4, smtp_tls_security_level");
  CHECK(ch->weakening == "level lowered: verify → may (loses mandatory TLS, peer authentication)");
  CHECK(r.weakens());
  // verification dropped: matching goes with it
  const diff::Change* m = change(r, "smtp/unix", "", "match");
  REQUIRE(m != nullptr);
  CHECK(m->weakening == "peer matching dropped");
}

TEST_CASE("diff: a raised level is a change, not a weakening") {
  const diff::DiffReport r = diff_of(config_of("smtp_tls_security_level = may\n"), config_of("smtp_tls_security_level = encrypt\n"));
  const diff::Change* ch = change(r, "smtp/unix", "", "level");
  REQUIRE(ch != nullptr);
  CHECK(ch->weakening.empty());
  CHECK_FALSE(r.weakens());
}

TEST_CASE("diff: a master.cf -o override removed and changed") {
  const std::string with_o = k_master + "  -o smtp_tls_security_level=secure\n";
  const std::string with_encrypt = k_master + "  -o smtp_tls_security_level=encrypt\n";
  const Files base = config_of("smtp_tls_security_level = may\n", with_o);
  SUBCASE("removed: relay/unix falls to main.cf's may") {
    const diff::DiffReport r = diff_of(base, config_of("smtp_tls_security_level = may\n"));
    const diff::Change* ch = change(r, "relay/unix", "", "level");
    REQUIRE(ch != nullptr);
    CHECK(ch->was.origin == "/mem/old/master.cf:3 (-o of relay/unix), smtp_tls_security_level");
    CHECK(ch->now.origin == "/mem/new/main.cf:2, smtp_tls_security_level");
    CHECK_FALSE(ch->weakening.empty());
    CHECK(change(r, "smtp/unix", "", "level") == nullptr);  // the other service is untouched
  }
  SUBCASE("changed: secure → encrypt") {
    const diff::DiffReport r = diff_of(base, config_of("smtp_tls_security_level = may\n", with_encrypt));
    const diff::Change* ch = change(r, "relay/unix", "", "level");
    REQUIRE(ch != nullptr);
    CHECK(*ch->now.value == "encrypt");
    CHECK(ch->weakening == "level lowered: secure → encrypt (loses peer authentication, names not from DNS)");
  }
}

TEST_CASE("diff: policy-table edits — entry weakened, removed (falls back), added") {
  const std::string table = "partner.example secure match=nexthop\n[relay.example]:587 encrypt\n";
  const Files was = config_of("smtp_tls_security_level = may\n" + k_table_list, k_master, table);
  SUBCASE("entry weakened") {
    const Files now = config_of("smtp_tls_security_level = may\n" + k_table_list, k_master,
                             "partner.example encrypt\n[relay.example]:587 encrypt\n");
    const diff::DiffReport r = diff_of(was, now);
    const diff::Change* ch = change(r, "smtp/unix", "partner.example", "level");
    REQUIRE(ch != nullptr);
    CHECK(ch->was.origin == "/mem/old/tls_policy:1, level");
    CHECK_FALSE(ch->weakening.empty());
    CHECK(change(r, "smtp/unix", "partner.example", "policy entry") != nullptr);  // value changed, still an entry
    CHECK(change(r, "smtp/unix", "partner.example", "policy entry")->weakening.empty());
    CHECK(change(r, "smtp/unix", "[relay.example]:587", "level") == nullptr);
  }
  SUBCASE("entry removed: the destination falls back to the global level") {
    const Files now =
        config_of("smtp_tls_security_level = may\n" + k_table_list, k_master, "[relay.example]:587 encrypt\n");
    const diff::DiffReport r = diff_of(was, now);
    const diff::Change* entry = change(r, "smtp/unix", "partner.example", "policy entry");
    REQUIRE(entry != nullptr);
    CHECK(*entry->now.value == "none (global level)");
    CHECK(entry->weakening == "falls back from the policy entry for partner.example to the global level");
    const diff::Change* level = change(r, "smtp/unix", "partner.example", "level");
    REQUIRE(level != nullptr);
    CHECK(*level->now.value == "may");
  }
  SUBCASE("entry added: no weakening") {
    const Files now = config_of("smtp_tls_security_level = may\n" + k_table_list, k_master,
                             table + "new.example verify\n");
    const diff::DiffReport r = diff_of(was, now);
    const diff::Change* level = change(r, "smtp/unix", "new.example", "level");
    REQUIRE(level != nullptr);
    CHECK(*level->was.value == "may");
    CHECK(*level->now.value == "verify");
    CHECK_FALSE(r.weakens());
  }
}

TEST_CASE("diff: protocols admitted and tightened") {
  const std::string level = "smtp_tls_security_level = encrypt\n";
  const Files strict = config_of(level + "smtp_tls_mandatory_protocols = >=TLSv1.2\n");
  const Files loose = config_of(level + "smtp_tls_mandatory_protocols = >=TLSv1\n");
  const diff::DiffReport r = diff_of(strict, loose);
  const diff::Change* ch = change(r, "smtp/unix", "", "protocols");
  REQUIRE(ch != nullptr);
  CHECK(ch->weakening == "protocol admitted: TLSv1 TLSv1.1");
  const diff::DiffReport back = diff_of(loose, strict);
  REQUIRE(change(back, "smtp/unix", "", "protocols") != nullptr);
  CHECK_FALSE(back.weakens());
}

TEST_CASE("diff: cipher grade lowered, exclusion dropped") {
  const std::string level = "smtp_tls_security_level = encrypt\n";
  const diff::DiffReport grade = diff_of(config_of(level + "smtp_tls_mandatory_ciphers = high\n"),
                                         config_of(level + "smtp_tls_mandatory_ciphers = medium\n"));
  const diff::Change* g = change(grade, "smtp/unix", "", "ciphers");
  REQUIRE(g != nullptr);
  CHECK(g->weakening == "cipher grade lowered: high → medium");
  const diff::DiffReport excl =
      diff_of(config_of(level + "smtp_tls_mandatory_exclude_ciphers = RC4\n"), config_of(level));
  const diff::Change* e = change(excl, "smtp/unix", "", "exclude");
  REQUIRE(e != nullptr);
  CHECK(*e->was.value == "!RC4");
  CHECK_FALSE(e->now.value.has_value());
  CHECK(e->weakening == "exclusion dropped: RC4 admitted");
}

TEST_CASE("diff: matching widened, digest weakened, CAfile changed") {
  const std::string secure = "smtp_tls_security_level = secure\n";
  const diff::DiffReport wider = diff_of(config_of(secure + "smtp_tls_secure_cert_match = nexthop\n"),
                                         config_of(secure + "smtp_tls_secure_cert_match = nexthop, dot-nexthop\n"));
  const diff::Change* m = change(wider, "smtp/unix", "", "match");
  REQUIRE(m != nullptr);
  CHECK(m->weakening == "matches more peers: dot-nexthop");

  const std::string fp = "smtp_tls_security_level = fingerprint\nsmtp_tls_fingerprint_cert_match = "
                         "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01\n";
  const diff::DiffReport digest = diff_of(config_of(fp + "smtp_tls_fingerprint_digest = sha256\n"),
                                          config_of(fp + "smtp_tls_fingerprint_digest = sha1\n"));
  const diff::Change* d = change(digest, "smtp/unix", "", "digest");
  REQUIRE(d != nullptr);
  CHECK(d->weakening == "fingerprint digest weakened: sha256 → sha1");

  const std::string verify = "smtp_tls_security_level = verify\n";
  const diff::DiffReport ca = diff_of(config_of(verify + "smtp_tls_CAfile = /etc/ssl/a.pem\n"),
                                      config_of(verify + "smtp_tls_CAfile = /etc/ssl/b.pem\n"));
  const diff::Change* c = change(ca, "smtp/unix", "", "CAfile");
  REQUIRE(c != nullptr);
  CHECK(*c->now.value == "/etc/ssl/b.pem");
  CHECK_FALSE(ca.weakens());
}

TEST_CASE("diff: a DANE prerequisite lost turns dane into may") {
  const std::string dane = "smtp_tls_security_level = dane\n";
  const diff::DiffReport r = diff_of(config_of(dane + "smtp_dns_support_level = dnssec\n"),
                                     config_of(dane + "smtp_dns_support_level = enabled\n"));
  const diff::Change* level = change(r, "smtp/unix", "", "level");
  REQUIRE(level != nullptr);
  CHECK(*level->now.value == "may (configured dane, not usable)");
  CHECK(level->weakening == "level lowered: dane → may (loses peer authentication)");
  const diff::Change* pre = change(r, "smtp/unix", "", "dane dns_support_level");
  REQUIRE(pre != nullptr);
  CHECK(*pre->was.value == "dnssec");
  CHECK(*pre->now.value == "enabled");
}

TEST_CASE("diff: findings added and resolved; a finding that only moved is neither") {
  const Files was = config_of("smtp_tls_security_level = encrypt\n");
  const Files now = config_of("smtp_tls_security_level = encrypt\nsmtp_use_tls = yes\n");
  const diff::DiffReport added = diff_of(was, now);
  REQUIRE(added.configs.size() == 1);
  REQUIRE(added.configs[0].findings.added.size() == 1);
  CHECK(added.configs[0].findings.added[0].code == "PF3001");
  CHECK(added.configs[0].findings.added[0].file == "/mem/new/main.cf");
  CHECK(added.configs[0].findings.resolved.empty());
  CHECK(added.configs[0].scopes.empty());  // smtp_use_tls is ignored: no TLS change

  const diff::DiffReport resolved = diff_of(now, was);
  REQUIRE(resolved.configs.size() == 1);
  CHECK(resolved.configs[0].findings.resolved.size() == 1);

  const Files moved = config_of("# comment\n\nsmtp_tls_security_level = encrypt\n\nsmtp_use_tls = yes\n");
  CHECK(diff_of(now, moved).configs.empty());
}

TEST_CASE("diff: configs paired by directory; one side only is added or removed") {
  Files was, now;
  for (const auto& [k, v] : config_of("smtp_tls_security_level = verify\n")) {
    was["a/" + k] = v;
    was["b/" + k] = v;
    now["a/" + k] = v;
    now["c/" + k] = v;
  }
  const diff::DiffReport r = diff_of(was, now);
  CHECK(r.compared == 3);
  REQUIRE(r.configs.size() == 2);
  CHECK(r.configs[0].name == "b");
  CHECK(r.configs[0].now_dir.empty());
  CHECK(r.configs[1].name == "c");
  CHECK(r.configs[1].was_dir.empty());
  REQUIRE_FALSE(r.configs[1].scopes.empty());
  CHECK(r.configs[1].scopes[0].presence == diff::ScopeDiff::Presence::added);
}
