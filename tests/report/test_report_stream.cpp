// NAME
//   test_report_stream — a report written config by config equals the same
//   report written at once, in every format, and never reads a config's files
//   after add() returned (they are freed in between, as `pflint check` does).
#include <doctest/doctest.h>

#include <memory>
#include <optional>

#include "report/reporter.hpp"
#include "report_sample.hpp"

namespace pflint::report::test {
namespace {

constexpr Format all_formats[] = {Format::text, Format::gcc, Format::json, Format::sarif, Format::github};

// Captures what a stream writes; the FILE stays open until text() is read.
class Capture {
 public:
  Capture() : out_(open_memstream(&data_, &size_)) {}
  ~Capture() {
    if (out_ != nullptr) std::fclose(out_);
    std::free(data_);
  }
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  [[nodiscard]] std::FILE* file() const { return out_; }
  std::string text() {
    std::fclose(out_);
    out_ = nullptr;
    return std::string(data_, size_);
  }

 private:
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::FILE* out_;
};

ReportHeader header_of(const ReportInput& in) { return ReportHeader{in.rules, in.tool_version, in.color}; }
ReportTail tail_of(const ReportInput& in) { return ReportTail{in.skipped, in.checked}; }

}  // namespace

TEST_CASE("a report streamed in batches equals the report written at once, in every format") {
  const Sample sample;
  for (const bool color : {false, true}) {
    const ReportInput in = sample.input(color);
    for (const Format format : all_formats) {
      CAPTURE(static_cast<int>(format));
      Capture streamed;
      const auto stream = open_report(format, header_of(in), streamed.file());
      const std::span<const lint::Diagnostic> all = in.findings;
      stream->add(all.first(2));
      stream->add({});  // a config without findings
      stream->add(all.subspan(2));
      stream->finish(tail_of(in));
      CHECK(stream->counts().errors == 2);
      CHECK(stream->counts().warnings == 2);
      CHECK(stream->counts().info == 2);
      CHECK(streamed.text() == render(format, in));
    }
  }
}

TEST_CASE("a stream never touches a config's files after add(): they may be freed") {
  const Sample sample;
  const ReportInput in = sample.input();
  for (const Format format : all_formats) {
    CAPTURE(static_cast<int>(format));
    // The expected report, written while the short-lived file is alive.
    std::string expected;
    Capture streamed;
    const auto stream = open_report(format, header_of(in), streamed.file());
    {
      auto gone = std::make_unique<syntax::SourceFile>("gone/main.cf", "smtp_use_tls = yes\nx = y\n");
      std::vector<lint::Diagnostic> first{Sample::make(gone.get(), Sample::span_of(*gone, "smtp_use_tls"),
                                                       rule_pf3001, "smtp_use_tls is obsolete")};
      first[0].fixes = {{"Remove it", {{gone.get(), {0, 19}, ""}}}};
      std::vector<lint::Diagnostic> both = first;
      both.insert(both.end(), in.findings.begin(), in.findings.end());
      ReportInput whole = in;
      whole.findings = both;
      expected = render(format, whole);

      stream->add(first);
      // Overwrite the file's bytes before freeing it: a stream that kept a
      // pointer would now print garbage (or crash under ASan).
      *gone = syntax::SourceFile("XXXXXXXXXXXX", std::string(64, 'X'));
    }
    stream->add(in.findings);
    stream->finish(tail_of(in));
    const std::string text = streamed.text();
    CHECK(text == expected);
    CHECK(text.find("gone/main.cf") != std::string::npos);
    CHECK(text.find("XXXX") == std::string::npos);
  }
}

TEST_CASE("text, gcc, github and JSON write each config's findings before the next is added") {
  const Sample sample;
  const ReportInput in = sample.input();
  for (const Format format : {Format::text, Format::gcc, Format::github, Format::json}) {
    CAPTURE(static_cast<int>(format));
    char* data = nullptr;
    std::size_t size = 0;
    std::FILE* out = open_memstream(&data, &size);
    const auto stream = open_report(format, header_of(in), out);
    stream->add(std::span<const lint::Diagnostic>(in.findings).first(3));
    std::fflush(out);
    const std::string so_far(data, size);
    CHECK(so_far.find("smtp runs chrooted") != std::string::npos);   // findings[1]
    CHECK(so_far.find("banner shows") != std::string::npos);         // findings[2]
    CHECK(so_far.find("host name is not ASCII") == std::string::npos);  // not added yet
    stream->finish(tail_of(in));
    std::fclose(out);
    std::free(data);
  }
}

TEST_CASE("SARIF: a code first seen in a later batch gets its descriptor and index") {
  const Sample sample;
  ReportInput in = sample.input();
  static const lint::RuleInfo outside{"PF9999", "not-in-catalog", lint::Severity::warning, "x", {}, {}, ""};
  std::vector<lint::Diagnostic> later{Sample::make(&sample.main_cf, {0, 1}, outside, "from elsewhere")};

  Capture streamed;
  const auto stream = open_report(Format::sarif, header_of(in), streamed.file());
  stream->add(in.findings);
  stream->add(later);
  stream->finish(tail_of(in));

  std::vector<lint::Diagnostic> both(in.findings.begin(), in.findings.end());
  both.insert(both.end(), later.begin(), later.end());
  in.findings = both;
  const std::string text = streamed.text();
  CHECK(text == render(Format::sarif, in));
  const rapidjson::Document doc = parse_json(text);
  const auto& run = doc["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.Size() == sample.rules.size() + 1);
  CHECK(std::string(rules[rules.Size() - 1]["id"].GetString()) == "PF9999");
  const auto& results = run["results"];
  CHECK(results[results.Size() - 1]["ruleIndex"].GetUint() == rules.Size() - 1);
}

TEST_CASE("an empty streamed report is a complete document") {
  const Sample sample;
  ReportInput in = sample.input();
  in.findings = {};
  for (const Format format : {Format::json, Format::sarif}) {
    Capture streamed;
    const auto stream = open_report(format, header_of(in), streamed.file());
    stream->finish(tail_of(in));
    const std::string text = streamed.text();
    CHECK(text == render(format, in));
    const rapidjson::Document doc = parse_json(text);
    CHECK(doc.IsObject());
  }
}

}  // namespace pflint::report::test
