// NAME
//   edit — run_edit(): postconf's editing modes on main.cf and master.cf.
// DESCRIPTION
//   Checks the option combination and the arguments as postconf does, reads
//   the file, refuses a file that Postfix itself could not read (a fatal
//   syntax error), applies the pure editors (edit_main.hpp, edit_master.hpp)
//   and replaces the file atomically (atomic_file.hpp: read under a lock,
//   not written when another program changed it meanwhile). Messages go to
//   stderr as "pflint: warning: …" / "pflint: fatal: …" (the prefix of diag.hpp), with
//   non-printable bytes shown as '?', as postconf prints them. Nothing is
//   written when anything is fatal, and an edit that changes no byte leaves
//   the file alone.
// SEE ALSO
//   src/postconf/postconf.c (main), postconf_edit.c in Postfix;
//   docs/postconf-edits.md for the deliberate differences.
#include "postconf/edit.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "postconf/atomic_file.hpp"
#include "postconf/edit_lines.hpp"
#include "postconf/edit_main.hpp"
#include "postconf/edit_master.hpp"
#include "syntax/source.hpp"
#include "syntax/tree.hpp"

namespace pflint::postconf {

namespace {

using namespace edits;

void print_warning(const std::string& text) { fmt::print(stderr, "pflint: warning: {}\n", edits::detail::printable(text)); }

int print_fatal_text(const std::string& text) {
  std::fflush(stdout);
  fmt::print(stderr, "pflint: fatal: {}\n", edits::detail::printable(text));
  return 1;
}

void warn_all(const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) print_warning(w);
}

// edit_config_dir - -c DIR, else $MAIL_CONFIG, else /etc/postfix.
std::string edit_config_dir(const Options& options) {
  if (options.config_dir) return *options.config_dir;
  if (const char* env = std::getenv("MAIL_CONFIG"); env != nullptr && *env != '\0') return env;
  return "/etc/postfix";
}

// option_conflict - postconf's "specify one of" / "with option …" checks for edits.
std::optional<std::string> option_conflict(const Options& o) {
  std::string edits;
  int n_edits = 0;
  for (auto [on, flag] : {std::pair{o.edit, "-e"}, {o.remove, "-X"}, {o.comment_out, "-#"}}) {
    if (!on) continue;
    edits += (n_edits++ ? " " : "") + std::string(flag);
  }
  if (n_edits > 1) return "specify one of " + edits;
  std::string targets;
  int n_targets = 0;
  for (auto [on, flag] : {std::pair{o.master_fields > 0, "-F"}, {o.master_entries > 0, "-M"}, {o.master_params > 0, "-P"}}) {
    if (!on) continue;
    targets += (n_targets++ ? " " : "") + std::string(flag);
  }
  if (n_targets > 1) return "specify one of " + targets;
  if (o.master_fields > 0 && o.remove) return "with option -F, do not specify -X";
  if (o.master_fields > 0 && o.comment_out) return "with option -F, do not specify -#";
  if (o.master_params > 0 && o.comment_out) return "with option -P, do not specify -#";
  return std::nullopt;
}

// open_file - the file, read and locked (atomic_file.hpp), or postconf's
// message for why it cannot be opened.
std::optional<EditedFile> open_file(const std::string& path, std::string& error) {
  std::string why;
  std::optional<EditedFile> file = EditedFile::open(path, why);
  if (file) return file;
  const std::string dir = path.substr(0, path.rfind('/'));
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {  // postconf fails creating PATH.tmp first
    error = "open " + path + ".tmp: " + std::strerror(errno);
  } else {
    error = "open " + path + " for reading: " + why;
  }
  return std::nullopt;
}

// commit - write the outcome unless it is fatal or changes nothing.
int commit(const EditedFile& file, const EditOutcome& outcome) {
  if (outcome.fatal) {
    warn_all(outcome.warnings);
    return print_fatal_text(*outcome.fatal);
  }
  if (outcome.changed) {
    if (auto error = file.replace(outcome.text)) return print_fatal_text(*error);
  }
  warn_all(outcome.warnings);
  return 0;
}

int edit_main(const Options& options, EditMode mode, const std::string& dir) {
  const auto requests = parse_main_requests(mode, options.args);
  if (requests.fatal) {
    warn_all(requests.warnings);
    return print_fatal_text(*requests.fatal);
  }
  const std::string path = dir + "/main.cf";
  std::string error;
  const auto file = open_file(path, error);
  if (!file) return print_fatal_text(error);
  if (auto bad = main_cf_error(path, file->bytes())) return print_fatal_text(*bad);
  warn_all(requests.warnings);
  return commit(*file, edit_main_cf(file->bytes(), path, mode, requests.requests));
}

int edit_master(const Options& options, EditMode mode, const std::string& dir) {
  const MasterTarget target = options.master_entries > 0  ? MasterTarget::entry
                              : options.master_fields > 0 ? MasterTarget::field
                                                          : MasterTarget::param;
  const auto requests = parse_master_requests(target, mode, options.args);
  if (requests.fatal) return print_fatal_text(*requests.fatal);
  const std::string path = dir + "/master.cf";
  std::string error;
  const auto file = open_file(path, error);
  if (!file) return print_fatal_text(error);
  auto outcome = edit_master_cf(file->bytes(), path, target, mode, requests.requests);
  if (!outcome.fatal) {
    if (auto bad = check_master_cf(file->bytes(), path)) return print_fatal_text(*bad);
  }
  return commit(*file, outcome);
}

}  // namespace

int run_edit(const Options& options) {
  if (auto conflict = option_conflict(options)) return print_fatal_text(*conflict);
  const EditMode mode = options.edit ? EditMode::set : options.remove ? EditMode::remove : EditMode::comment_out;
  if (options.args.empty())
    return print_fatal_text(mode == EditMode::set ? "-e requires name=value argument" : "missing service argument");
  const std::string dir = edit_config_dir(options);
  const bool master = options.master_entries > 0 || options.master_fields > 0 || options.master_params > 0;
  return master ? edit_master(options, mode, dir) : edit_main(options, mode, dir);
}

}  // namespace pflint::postconf
