// Unit tests: the JSON format (docs/check-json.md), read back with RapidJSON.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>

#include "report_sample.hpp"

using namespace pflint::report;
using test::render;

namespace {
const auto parse = test::parse_json;
const auto str = test::json_string;
}  // namespace

TEST_CASE("json: top level, checked, skipped and summary") {
  const test::Sample sample;
  const std::string text = render(Format::json, sample.input());
  CHECK(text.back() == '\n');
  CHECK(std::count(text.begin(), text.end(), '\n') == 1);
  const rapidjson::Document doc = parse(text);
  CHECK(doc["version"].GetUint() == 1);
  CHECK(str(doc["tool"]["name"]) == "pflint");
  CHECK(str(doc["tool"]["version"]) == "0.1.0");
  REQUIRE(doc["checked"].Size() == 2);
  CHECK(str(doc["checked"][1]) == "conf dir");
  REQUIRE(doc["skipped"].Size() == 1);
  CHECK(str(doc["skipped"][0]["path"]) == "templates/main.cf.j2");
  CHECK(str(doc["skipped"][0]["reason"]) == "Jinja template");
  const auto& summary = doc["summary"];
  CHECK(summary["errors"].GetUint() == 2);
  CHECK(summary["warnings"].GetUint() == 2);
  CHECK(summary["info"].GetUint() == 2);
  CHECK(summary["configs"].GetUint() == 2);
  CHECK(summary["skipped"].GetUint() == 1);
  CHECK(doc["findings"].Size() == 6);
}

TEST_CASE("json: findings with spans, notes and fixes; file-less finding has nulls") {
  const test::Sample sample;
  const rapidjson::Document doc = parse(render(Format::json, sample.input()));
  const auto& findings = doc["findings"];

  const auto& global = findings[0];
  CHECK(str(global["code"]) == "PF2900");
  CHECK(str(global["severity"]) == "info");
  CHECK(global["file"].IsNull());
  CHECK(global["span"].IsNull());
  CHECK(global["notes"].Size() == 0);

  // "example" after the two-byte "ä": byte column 20, UTF-16 offset 18.
  const auto& host = findings[3];
  CHECK(str(host["rule"]) == "non-ascii-hostname");
  CHECK(str(host["file"]) == "main.cf");
  CHECK(host["span"]["begin"].GetUint() == 61);
  CHECK(host["span"]["end"].GetUint() == 68);
  CHECK(host["span"]["start"][0].GetUint() == 3);
  CHECK(host["span"]["start"][1].GetUint() == 20);
  CHECK(host["span"]["start"][2].GetUint() == 18);
  CHECK(host["span"]["stop"][1].GetUint() == 27);
  CHECK(host["span"]["stop"][2].GetUint() == 25);

  const auto& obsolete = findings[4];
  CHECK(str(obsolete["code"]) == "PF3001");
  CHECK(str(obsolete["severity"]) == "warning");
  CHECK(str(obsolete["message"]) == "smtp_use_tls is obsolete");
  REQUIRE(obsolete["notes"].Size() == 2);
  CHECK(str(obsolete["notes"][1]) == "see TLS_README");
  REQUIRE(obsolete["fixes"].Size() == 1);
  const auto& fix = obsolete["fixes"][0];
  CHECK(str(fix["title"]) == "Replace with smtp_tls_security_level = may");
  CHECK(fix["safe"].GetBool());
  REQUIRE(fix["edits"].Size() == 1);
  CHECK(str(fix["edits"][0]["file"]) == "main.cf");
  CHECK(fix["edits"][0]["span"]["begin"].GetUint() == 73);
  CHECK(fix["edits"][0]["span"]["end"].GetUint() == 91);
  CHECK(str(fix["edits"][0]["replacement"]) == "smtp_tls_security_level = may");
}

TEST_CASE("json: bytes that are not UTF-8 and control characters stay valid JSON") {
  const pflint::syntax::SourceFile file("m\xFF.cf", "x = 1\n");
  pflint::lint::Diagnostic d;
  d.code = "PF2000";
  d.file = &file;
  d.span = {0, 1};
  d.message = std::string("nul \0 esc \x1b bad \xFF", 17);
  const std::vector<pflint::lint::Diagnostic> findings{d};
  ReportInput in;
  in.findings = findings;
  const std::string text = render(Format::json, in);
  CHECK(text.find("\\u0000") != std::string::npos);
  CHECK(text.find("\\u001B") != std::string::npos);
  const rapidjson::Document doc = parse(text);
  CHECK(str(doc["findings"][0]["file"]) == "m\xC3\xBF.cf");
  CHECK(str(doc["findings"][0]["message"]) == std::string("nul \0 esc \x1b bad \xC3\xBF", 18));
}
