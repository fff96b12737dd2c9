// NAME
//   report_sample — a small, fixed check result for the reporter tests: two
//   files (a tab and a multi-byte character before spans, a CR and an ESC in
//   the source), a finding without a file, notes, a fix, a skipped file.
// DESCRIPTION
//   Sample owns the files, rules and findings; input() points into it, so a
//   Sample must outlive the ReportInput and is never copied. render() runs a
//   reporter into a string.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"
#include "report/reporter.hpp"
#include "syntax/source.hpp"

namespace pflint::report::test {

inline constexpr std::string_view sample_doc =
    "## What it flags\n\nThe obsolete `smtp_use_tls` parameter.\n\n"
    "## Why it matters\n\nIt is ignored when `smtp_tls_security_level` is set.\n\n"
    "## Problematic config\n\n```\nsmtp_use_tls = yes\n```\n\n"
    "## Correct config\n\n```\nsmtp_tls_security_level = may\n```\n\n"
    "## Exceptions\n\nNone.\n\n"
    "## How to fix\n\nReplace it with `smtp_tls_security_level`.\n";

inline const lint::RuleInfo rule_pf1002{"PF1002", "control-character", lint::Severity::error,
                                        "Control character in a value", {}, {}, ""};
inline const lint::RuleInfo rule_pf2101{"PF2101", "non-ascii-hostname", lint::Severity::info,
                                        "Host name with non-ASCII characters", {}, {}, ""};
inline const lint::RuleInfo rule_pf2201{"PF2201", "banner-reveals-hostname", lint::Severity::warning,
                                        "The SMTP banner names the host", {}, {}, ""};
inline const lint::RuleInfo rule_pf2900{"PF2900", "mynetworks-unset", lint::Severity::info,
                                        "mynetworks is not set", {}, {}, ""};
inline const lint::RuleInfo rule_pf3001{"PF3001", "obsolete-tls-parameter", lint::Severity::warning,
                                        "Obsolete SMTP client TLS parameter", {}, {}, sample_doc};
inline const lint::RuleInfo rule_pf4001{"PF4001", "chroot-service", lint::Severity::error,
                                        "Service runs chrooted without a prepared chroot", {}, {}, ""};

struct Sample {
  syntax::SourceFile main_cf{"main.cf",
                             "# sample\n"
                             "smtpd_banner =\t$myhostname ESMTP\n"
                             "myhostname = m\xC3\xA4il.example.com\n"
                             "smtp_use_tls = yes\r\n"
                             "bad = \x1b[31mred\n"};
  syntax::SourceFile master_cf{"conf dir/master.cf", "smtp      inet  n       -       y       -       -       smtpd\n"};
  std::vector<lint::Rule> rules{{&rule_pf1002, nullptr}, {&rule_pf2101, nullptr}, {&rule_pf2201, nullptr},
                                {&rule_pf2900, nullptr}, {&rule_pf3001, nullptr}, {&rule_pf4001, nullptr}};
  std::vector<lint::Diagnostic> findings;

  Sample() {
    findings.push_back(make(nullptr, {}, rule_pf2900,
                            "mynetworks is not set: 100% of local subnets are trusted, by default"));
    findings.push_back(make(&master_cf, span_of(master_cf, "y"), rule_pf4001, "smtp runs chrooted"));
    findings.push_back(make(&main_cf, span_of(main_cf, "$myhostname"), rule_pf2201, "banner shows $myhostname"));
    findings.push_back(make(&main_cf, span_of(main_cf, "example"), rule_pf2101, "host name is not ASCII"));
    lint::Diagnostic obsolete = make(&main_cf, span_of(main_cf, "smtp_use_tls = yes"), rule_pf3001,
                                     "smtp_use_tls is obsolete");
    obsolete.notes = {"use smtp_tls_security_level = may", "see TLS_README"};
    obsolete.fixes = {{"Replace with smtp_tls_security_level = may",
                       {{&main_cf, obsolete.span, "smtp_tls_security_level = may"}},
                       true}};
    findings.push_back(obsolete);
    findings.push_back(make(&main_cf, span_of(main_cf, "\x1b[31mred"), rule_pf1002, "ESC in value"));
  }
  Sample(const Sample&) = delete;
  Sample& operator=(const Sample&) = delete;

  static syntax::Span span_of(const syntax::SourceFile& file, std::string_view text) {
    const auto at = static_cast<std::uint32_t>(file.text().find(text));
    return {at, at + static_cast<std::uint32_t>(text.size())};
  }
  static lint::Diagnostic make(const syntax::SourceFile* file, syntax::Span span, const lint::RuleInfo& rule,
                               std::string message) {
    lint::Diagnostic d;
    d.code = rule.code;
    d.rule = rule.name;
    d.severity = rule.severity;
    d.file = file;
    d.span = span;
    d.message = std::move(message);
    return d;
  }

  [[nodiscard]] ReportInput input(bool color = false) const {
    ReportInput in;
    in.findings = findings;
    in.rules = rules;
    in.skipped = {{"templates/main.cf.j2", "Jinja template"}};
    in.checked = {".", "conf dir"};
    in.tool_version = "0.1.0";
    in.color = color;
    return in;
  }
};

// render - the output of one reporter as a string.
inline std::string render(Format format, const ReportInput& input) {
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&data, &size);
  write_report(format, input, out);
  std::fclose(out);
  std::string text(data, size);
  std::free(data);
  return text;
}

// parse_json - a reporter's JSON output as a document (the test fails if it is not JSON).
inline rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document doc;
  doc.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(doc.HasParseError());
  return doc;
}
inline std::string json_string(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

}  // namespace pflint::report::test
