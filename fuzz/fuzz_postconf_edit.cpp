// NAME
//   fuzz_postconf_edit — libFuzzer target: postconf's edits (-e, -X, -#,
//   -M#, -MX, -Me, -F, -P, -PX) applied to an in-memory main.cf/master.cf.
// DESCRIPTION
//   Input layout: the first byte picks the edit; the rest of the first line
//   holds its arguments, separated by TAB (each cut at a NUL, as argv
//   strings are); everything after the first
//   newline is the file. The arguments are parsed as postconf parses them
//   and applied with the pure editors (edit_main_cf, edit_master_cf).
//   Property: an edit of a file postconf can read gives a file it can still
//   read — main.cf: no fatal error from the parser (main_cf_error) nor from
//   postconf's reader; master.cf: none from postconf's master reader
//   (check_master_cf) nor a fatal syntax problem.
// USAGE
//   fuzz/run.sh build/asan/fuzz/fuzz_postconf_edit SHARED [libFuzzer options]   (fuzz/README.md)
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "postconf/diag.hpp"
#include "postconf/edit_main.hpp"
#include "postconf/edit_master.hpp"
#include "postconf/reader.hpp"
#include "props.hpp"
#include "syntax/fatal_issue.hpp"

namespace {

namespace ed = pflint::postconf::edits;
using pflint::fuzz::require;

struct Edit {
  bool master;
  ed::MasterTarget target;
  ed::EditMode mode;
  const char* name;
};
constexpr std::array<Edit, 9> k_edits{{{false, ed::MasterTarget::entry, ed::EditMode::set, "-e"},
                                       {false, ed::MasterTarget::entry, ed::EditMode::remove, "-X"},
                                       {false, ed::MasterTarget::entry, ed::EditMode::comment_out, "-#"},
                                       {true, ed::MasterTarget::entry, ed::EditMode::comment_out, "-M#"},
                                       {true, ed::MasterTarget::entry, ed::EditMode::remove, "-MX"},
                                       {true, ed::MasterTarget::entry, ed::EditMode::set, "-Me"},
                                       {true, ed::MasterTarget::field, ed::EditMode::set, "-F"},
                                       {true, ed::MasterTarget::param, ed::EditMode::set, "-P"},
                                       {true, ed::MasterTarget::param, ed::EditMode::remove, "-PX"}}};

// main_readable - postconf would read this main.cf (parser and reader agree on fatal lines).
bool main_readable(const std::string& text) {
  if (ed::main_cf_error("fuzz/main.cf", text)) return false;
  try {
    pflint::postconf::Dict dict;
    pflint::postconf::load_dict_text(text, "fuzz/main.cf", dict);
  } catch (const pflint::postconf::Fatal&) {
    return false;
  }
  return true;
}

bool master_readable(const std::string& text) {
  if (ed::check_master_cf(text, "fuzz/master.cf")) return false;
  const pflint::syntax::SourceFile source("fuzz/master.cf", text);
  for (const auto& d : pflint::syntax::parse_master_cf(source).diagnostics) {
    if (pflint::syntax::is_fatal_issue(d.issue)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const Edit& edit = k_edits[data[0] % k_edits.size()];
  const std::string rest = pflint::fuzz::as_text(data + 1, size - 1);
  const std::size_t eol = rest.find('\n');
  const std::string line = rest.substr(0, eol);
  const std::string file = eol == std::string::npos ? std::string() : rest.substr(eol + 1);
  std::vector<std::string> args;
  for (std::size_t at = 0;;) {
    const std::size_t tab = line.find('\t', at);
    const std::string arg = line.substr(at, tab == std::string::npos ? tab : tab - at);
    args.push_back(arg.substr(0, arg.find('\0')));  // an argv string ends at its first NUL
    if (tab == std::string::npos) break;
    at = tab + 1;
  }

  if (!edit.master) {
    const ed::MainRequests requests = ed::parse_main_requests(edit.mode, args);
    if (requests.fatal) return 0;
    const bool before = main_readable(file);
    const ed::EditOutcome out = ed::edit_main_cf(file, "fuzz/main.cf", edit.mode, requests.requests);
    if (before && !out.fatal) require(main_readable(out.text), std::string("postconf ") + edit.name +
                                                                   " made a main.cf postconf cannot read");
    require(out.changed == (out.text != file), "EditOutcome::changed is wrong");
  } else {
    const ed::MasterRequests requests = ed::parse_master_requests(edit.target, edit.mode, args);
    if (requests.fatal) return 0;
    const bool before = master_readable(file);
    const ed::EditOutcome out = ed::edit_master_cf(file, "fuzz/master.cf", edit.target, edit.mode, requests.requests);
    if (before && !out.fatal) require(master_readable(out.text), std::string("postconf ") + edit.name +
                                                                     " made a master.cf postconf cannot read");
  }
  return 0;
}
