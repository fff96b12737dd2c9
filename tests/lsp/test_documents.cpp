// NAME
//   test_documents — incremental and full document sync, classification.
#include <doctest/doctest.h>

#include "lsp/documents.hpp"

using namespace pflint::lsp;

namespace {

rapidjson::Document json(const std::string& text) {
  rapidjson::Document d;
  std::string error;
  REQUIRE(parse_message(text, d, error));
  return d;
}

}  // namespace

TEST_CASE("lsp.documents: changes apply in order, each to the previous result") {
  DocumentStore store;
  store.open("file:///c/main.cf", "pfmain", "a = 1\nb = 2\n", 0);
  const auto changes = json(R"([
    {"range":{"start":{"line":0,"character":4},"end":{"line":0,"character":5}},"text":"10"},
    {"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":0}},"text":"c = 3\n"},
    {"range":{"start":{"line":9,"character":0},"end":{"line":9,"character":0}},"text":"z = 0\n"}])");
  std::string error;
  REQUIRE(store.change("file:///c/main.cf", changes, 5, Encoding::utf16, error));
  const Document* d = store.find("file:///c/main.cf");
  REQUIRE(d != nullptr);
  CHECK(d->text == "a = 10\nc = 3\nb = 2\nz = 0\n");
  CHECK(d->version == 5);
}

TEST_CASE("lsp.documents: a change without a range replaces the text; a malformed one drops the document") {
  DocumentStore store;
  store.open("file:///c/master.cf", "", "x", 1);
  std::string error;
  REQUIRE(store.change("file:///c/master.cf", json(R"([{"text":"smtp unix - - y - - smtp\n\n"}])"), 2,
                       Encoding::utf16, error));
  CHECK(store.find("file:///c/master.cf")->text == "smtp unix - - y - - smtp\n\n");
  CHECK_FALSE(store.change("file:///c/master.cf", json(R"([{"range":{"start":{"line":0}},"text":""}])"), 3,
                           Encoding::utf16, error));
  CHECK(store.find("file:///c/master.cf") == nullptr);
  CHECK_FALSE(store.change("file:///c/master.cf", json("[]"), 4, Encoding::utf16, error));
}

TEST_CASE("lsp.documents: the role comes from a modeline, the file name, then the language id") {
  CHECK(classify("/etc/postfix/main.cf", "", "") == Role::main_cf);
  CHECK(classify("/etc/postfix/master.cf", "pfmain", "") == Role::master_cf);
  CHECK(classify("/tmp/sudoedit.x1", "", "# pflint: file=master.cf config-dir=/etc/postfix\n") == Role::master_cf);
  CHECK(classify("/tmp/x", "pfmain", "") == Role::main_cf);
  CHECK(classify("/tmp/x", "postfix-master", "") == Role::master_cf);
  CHECK(classify("/etc/postfix/tls_policy", "", "") == Role::other);
}
