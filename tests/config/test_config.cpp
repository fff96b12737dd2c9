// Unit tests: the main.cf dictionary and master.cf entries built from trees.
#include <doctest/doctest.h>

#include "config/main_config.hpp"
#include "config/master_config.hpp"

using namespace pflint;

namespace {
struct Built {
  syntax::SourceFile source;
  syntax::Tree tree;
};
Built build(std::string text, syntax::FileKind kind) {
  syntax::SourceFile source("f", std::move(text));
  auto tree = syntax::parse(source, kind);
  return Built{std::move(source), std::move(tree)};
}
}  // namespace

TEST_CASE("main.cf: the last definition wins; differing redefinitions are recorded with the old value") {
  auto b = build("relayhost = a\n# c\nrelayhost =\n  b\n  c\nmydomain = x\nmydomain = x\n", syntax::FileKind::main_cf);
  const auto config = config::MainConfig::build(b.source, b.tree);
  REQUIRE(config.find("relayhost") != nullptr);
  CHECK(config.find("relayhost")->value == "b  c");
  CHECK(config.find("relayhost")->line == 3);
  CHECK(config.find("nonexistent") == nullptr);
  REQUIRE(config.redefinitions().size() == 1);  // identical mydomain values are not a redefinition
  CHECK(config.redefinitions()[0].old_value == "a");
  CHECK(config.entries()[config.redefinitions()[0].entry].line == 3);
  CHECK(config.effective().size() == 2);
  CHECK_FALSE(config.first_error().has_value());
}

TEST_CASE("main.cf: the first malformed line is known") {
  auto b = build("a = 1\nfoo\n  bar\n=x\n", syntax::FileKind::main_cf);
  const auto config = config::MainConfig::build(b.source, b.tree);
  REQUIRE(config.first_error().has_value());
  CHECK(config.first_error()->message == "missing '=' after attribute name: \"foo  bar\"");
  CHECK(b.source.position(config.first_error()->span.begin).line == 2);
}

TEST_CASE("master.cf: fields, -o settings (last wins), process name, duplicates") {
  auto b = build(
      "smtp inet n - y - - smtpd\n"
      "relay unix - - n - - /usr/lib/postfix/sbin/smtp\n"
      "  -o smtp_tls_security_level=encrypt -o { smtp_helo_name = a b }\n"
      "  -o smtp_tls_security_level=verify\n"
      "smtp inet n - y - 1 postscreen\n",
      syntax::FileKind::master_cf);
  const auto config = config::MasterConfig::build(b.source, b.tree);
  REQUIRE(config.entries().size() == 3);
  const auto* relay = config.find("relay", "unix");
  REQUIRE(relay != nullptr);
  CHECK(relay->process_name() == "smtp");
  CHECK(relay->name() == "relay/unix");
  CHECK(relay->find_override("smtp_tls_security_level")->value == "verify");
  CHECK(relay->find_override("smtp_tls_security_level")->line == 4);
  CHECK(relay->find_override("smtp_helo_name")->value == "a b");
  CHECK(relay->args.size() == 3);
  CHECK(config.find("smtp", "inet")->command() == "postscreen");
  REQUIRE(config.duplicates().size() == 1);
  CHECK(config.duplicates()[0] == std::pair<std::uint32_t, std::uint32_t>{0, 2});
}
