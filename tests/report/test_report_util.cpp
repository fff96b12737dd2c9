// Unit tests: terminal escaping, caret lines, URIs, doc sections, the
// summary line and the JSON field() helpers shared by the output formats.
#include <doctest/doctest.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "report/json_text.hpp"
#include "report/report_util.hpp"
#include "report/terminal_util.hpp"
#include "report_sample.hpp"

using namespace pflint::report;

TEST_CASE("terminal_safe escapes what could drive a terminal") {
  CHECK(terminal_safe("plain é text") == "plain é text");
  CHECK(terminal_safe("a\x1b[2Jb") == "a\\x1B[2Jb");
  CHECK(terminal_safe("tab\there\r\n") == "tab\\there\\r\\n");
  CHECK(terminal_safe(std::string_view("nul\0del\x7f", 8)) == "nul\\x00del\\x7F");
  CHECK(terminal_safe("c1 \xC2\x85 bidi \xE2\x80\xAE") == "c1 \\u0085 bidi \\u202E");
  CHECK(terminal_safe("bad \xFF \xC3") == "bad \\xFF \\xC3");
  CHECK(terminal_safe("overlong \xC0\xAF") == "overlong \\xC0\\xAF");
}

TEST_CASE("caret_lines keeps tabs and counts display columns") {
  const CaretLines tab = caret_lines("a\tbc d", 2, 4);
  CHECK(tab.source == "a\tbc d");
  CHECK(tab.prefix == " \t");
  CHECK(tab.caret == "^~");
  const CaretLines wide = caret_lines("\xE6\x97\xA5x = \x1b", 3, 8);  // a wide character, then ESC in the span
  CHECK(wide.prefix == "  ");
  CHECK(wide.caret == "^~~~~~~~");
  CHECK(wide.source == "\xE6\x97\xA5x = \\x1B");
  CHECK(caret_lines("abc", 1, 1).caret == "^");                    // empty span
  CHECK(caret_lines("abc", 3, 3).prefix == "   ");                  // at the line's end
  CHECK(caret_lines("abc", 1, 99).caret == "^~");                   // past the line's end
  const CaretLines in_tab = caret_lines("x =\t\ty", 2, 6);           // tabs inside the span
  CHECK(in_tab.caret == "^\t\t~");
}

TEST_CASE("uri_reference: relative, percent-encoded, absolute as file://") {
  CHECK(uri_reference("main.cf") == "main.cf");
  CHECK(uri_reference("./conf dir/main.cf") == "conf%20dir/main.cf");
  CHECK(uri_reference(".//x/./y") == "x/./y");
  CHECK(uri_reference("/etc/postfix/main.cf") == "file:///etc/postfix/main.cf");
  CHECK(uri_reference("a:b,\xC3\xA4%#?") == "a%3Ab%2C%C3%A4%25%23%3F");
}

TEST_CASE("doc_section finds a heading's text") {
  const std::string_view doc = pflint::report::test::sample_doc;
  CHECK(doc_section(doc, "What it flags") == "The obsolete `smtp_use_tls` parameter.");
  CHECK(doc_section(doc, "How to fix") == "Replace it with `smtp_tls_security_level`.");
  CHECK(doc_section(doc, "Why") == "");
  CHECK(doc_section("", "What it flags") == "");
}

TEST_CASE("summary_line counts and plurals") {
  ReportInput in;
  CHECK(summary_line(in) == "no findings in 0 configs");
  in.checked = {"main.cf"};
  CHECK(summary_line(in) == "no findings in 1 config");
  pflint::lint::Diagnostic d;
  d.severity = pflint::lint::Severity::error;
  const std::vector<pflint::lint::Diagnostic> one{d};
  in.findings = one;
  in.skipped = {{"a", "b"}, {"c", "d"}};
  CHECK(summary_line(in) == "1 error in 1 config, 2 files skipped");
}

TEST_CASE("json_safe_view copies only text that is not valid UTF-8") {
  std::string storage;
  const std::string_view valid = "ascii, \xC3\xA4 and \xF0\x9F\x93\xA7";
  CHECK(json_safe_view(valid, storage).data() == valid.data());  // no copy
  CHECK(storage.empty());
  CHECK(json_safe_view("ok \xFF then \xC3\xA4 and a cut \xE2\x82", storage) ==
        "ok \xC3\xBF then \xC3\xA4 and a cut \xC3\xA2\xC2\x82");
  CHECK(json_safe_utf8("surrogate \xED\xA0\x80") == "surrogate \xC3\xAD\xC2\xA0\xC2\x80");
  CHECK(json_safe_utf8("") == "");
  CHECK(json_safe_view("", storage).empty());
}

TEST_CASE("field writes text, bools, numbers, null and string arrays; objects an array of objects") {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  const std::vector<std::string> list{"a", "b\xFF"};
  const std::optional<std::string> none;
  w.StartObject();
  field(w, "text", "x\"y");
  field(w, "string", std::string("s"));
  field(w, "flag", true);
  field(w, "line", 7u);
  field(w, "none", none);
  field(w, "some", std::optional<std::string>("v"));
  field(w, "null", std::nullopt);
  field(w, "empty", non_empty(""));
  field(w, "list", list);
  objects(w, "objects", list, [&w](const std::string& item) { field(w, "item", item); });
  w.EndObject();
  CHECK(std::string(buffer.GetString()) ==
        R"({"text":"x\"y","string":"s","flag":true,"line":7,"none":null,"some":"v","null":null,"empty":null,)"
        "\"list\":[\"a\",\"b\xC3\xBF\"],\"objects\":[{\"item\":\"a\"},{\"item\":\"b\xC3\xBF\"}]}");
}
