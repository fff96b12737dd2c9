// Unit tests: the SARIF format's content. Its validity against the SARIF
// 2.1.0 schema and rules is checked by test_sarif_validate.sh, which runs the
// "sarif: sample for the validator" case with PFLINT_SARIF_OUT set.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <cstdlib>

#include "report_sample.hpp"

using namespace pflint::report;
using test::render;

namespace {
const auto parse = test::parse_json;
const auto str = test::json_string;
}  // namespace

TEST_CASE("sarif: sample for the validator") {
  const test::Sample sample;
  const std::string text = render(Format::sarif, sample.input());
  if (const char* path = std::getenv("PFLINT_SARIF_OUT")) {
    std::FILE* out = std::fopen(path, "w");
    REQUIRE(out != nullptr);
    CHECK(std::fwrite(text.data(), 1, text.size(), out) == text.size());
    CHECK(std::fclose(out) == 0);
  }
  CHECK_FALSE(text.empty());
}

TEST_CASE("sarif: log, run and rules") {
  const test::Sample sample;
  const rapidjson::Document doc = parse(render(Format::sarif, sample.input()));
  CHECK(str(doc["$schema"]) == "https://json.schemastore.org/sarif-2.1.0.json");
  CHECK(str(doc["version"]) == "2.1.0");
  REQUIRE(doc["runs"].Size() == 1);
  const auto& run = doc["runs"][0];
  CHECK(str(run["columnKind"]) == "utf16CodeUnits");
  const auto& driver = run["tool"]["driver"];
  CHECK(str(driver["name"]) == "pflint");
  CHECK(str(driver["version"]) == "0.1.0");
  CHECK(str(driver["informationUri"]) == "https://github.com/pflint/pflint");
  const auto& rules = driver["rules"];
  REQUIRE(rules.Size() == 6);
  const auto& pf3001 = rules[4];
  CHECK(str(pf3001["id"]) == "PF3001");
  CHECK(str(pf3001["name"]) == "obsolete-tls-parameter");
  CHECK(str(pf3001["shortDescription"]["text"]) == "Obsolete SMTP client TLS parameter");
  CHECK(str(pf3001["fullDescription"]["text"]) == "The obsolete `smtp_use_tls` parameter.");
  CHECK(str(pf3001["help"]["markdown"]) == test::sample_doc);
  CHECK(str(pf3001["help"]["text"]) == test::sample_doc);
  CHECK(str(pf3001["helpUri"]) == "https://github.com/pflint/pflint/blob/main/docs/rules/PF3001.md");
  CHECK(str(pf3001["defaultConfiguration"]["level"]) == "warning");
  CHECK(str(rules[1]["defaultConfiguration"]["level"]) == "note");
  CHECK_FALSE(rules[1]["help"].HasMember("markdown"));  // no doc: help is the summary
  const auto& notifications = run["invocations"][0]["toolExecutionNotifications"];
  REQUIRE(notifications.Size() == 1);
  CHECK(str(notifications[0]["message"]["text"]) == "skipped: Jinja template");
}

TEST_CASE("sarif: results with rule index, UTF-16 regions, URIs and fixes") {
  const test::Sample sample;
  const rapidjson::Document doc = parse(render(Format::sarif, sample.input()));
  const auto& results = doc["runs"][0]["results"];
  REQUIRE(results.Size() == 6);

  CHECK(str(results[0]["ruleId"]) == "PF2900");
  CHECK(results[0]["ruleIndex"].GetUint() == 3);
  CHECK(str(results[0]["level"]) == "note");
  CHECK_FALSE(results[0].HasMember("locations"));

  const auto& master = results[1]["locations"][0]["physicalLocation"];
  CHECK(str(master["artifactLocation"]["uri"]) == "conf%20dir/master.cf");

  const auto& host = results[3];
  CHECK(host["ruleIndex"].GetUint() == 1);
  const auto& region = host["locations"][0]["physicalLocation"]["region"];
  CHECK(region["startLine"].GetUint() == 3);
  CHECK(region["startColumn"].GetUint() == 19);  // "ä" is one UTF-16 unit
  CHECK(region["endLine"].GetUint() == 3);
  CHECK(region["endColumn"].GetUint() == 26);

  const auto& obsolete = results[4];
  CHECK(str(obsolete["level"]) == "warning");
  CHECK(str(obsolete["message"]["text"]) ==
        "smtp_use_tls is obsolete\nnote: use smtp_tls_security_level = may\nnote: see TLS_README");
  REQUIRE(obsolete["fixes"].Size() == 1);
  const auto& fix = obsolete["fixes"][0];
  CHECK(str(fix["description"]["text"]) == "Replace with smtp_tls_security_level = may");
  CHECK(fix["properties"]["safe"].GetBool());  // the sample's fix is safe
  const auto& change = fix["artifactChanges"][0];
  CHECK(str(change["artifactLocation"]["uri"]) == "main.cf");
  const auto& replacement = change["replacements"][0];
  CHECK(replacement["deletedRegion"]["startLine"].GetUint() == 4);
  CHECK(replacement["deletedRegion"]["startColumn"].GetUint() == 1);
  CHECK(replacement["deletedRegion"]["endColumn"].GetUint() == 19);
  CHECK(str(replacement["insertedContent"]["text"]) == "smtp_tls_security_level = may");
}

TEST_CASE("sarif: a code outside the catalog gets its own rule descriptor") {
  const pflint::syntax::SourceFile file("/etc/postfix/main.cf", "x = 1\n");
  pflint::lint::Diagnostic d;
  d.code = "PF1901";
  d.rule = "unused-suppression";
  d.file = &file;
  d.span = {0, 1};
  d.message = "unused";
  d.fixes = {{"no edits", {}}};
  const std::vector<pflint::lint::Diagnostic> findings{d, d};
  const test::Sample sample;
  ReportInput in = sample.input();
  in.findings = findings;
  const rapidjson::Document doc = parse(render(Format::sarif, in));
  const auto& run = doc["runs"][0];
  REQUIRE(run["tool"]["driver"]["rules"].Size() == 7);
  CHECK(str(run["tool"]["driver"]["rules"][6]["id"]) == "PF1901");
  CHECK(run["results"][1]["ruleIndex"].GetUint() == 6);
  CHECK(str(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) ==
        "file:///etc/postfix/main.cf");
  CHECK_FALSE(run["results"][0].HasMember("fixes"));  // a fix without edits is not a SARIF fix
}
