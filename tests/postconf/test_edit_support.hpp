// NAME
//   test_edit_support — scratch directories, file helpers and process
//   runners shared by the postconf edit tests.
// DESCRIPTION
//   A ScratchDir is a fresh directory under $TMPDIR removed at the end of
//   the test. run_real() runs /usr/sbin/postconf -c DIR FLAGS ARGS with its
//   stderr captured; run_ours() calls run_edit() with the same request and
//   captures what it prints on stderr; it leaves mtimes alone. run_real()
//   back-dates the files first, as the real postconf re-reads files
//   modified within the last second.
#pragma once

#include <sys/stat.h>

#include <optional>
#include <string>
#include <vector>

#include "postconf/options.hpp"

namespace pflint::test_edit {

inline const char* const real_postconf = "/usr/sbin/postconf";

// cfg12 - the main.cf of the editing transcripts in oracle.md §2.9 (comments,
// a continued value with a comment inside, a duplicate, trailing blanks).
inline const std::string cfg12 =
    "# Header comment\n"
    "compatibility_level = 3.6\n"
    "\n"
    "# Network\n"
    "myhostname = old.example.test   \n"
    "#relayhost = [commented.example]\n"
    "mynetworks = 127.0.0.0/8\n"
    "    10.0.0.0/8\n"
    "    # comment inside continuation\n"
    "    192.168.0.0/16\n"
    "smtpd_banner = $myhostname ESMTP\n"
    "smtpd_tls_loglevel = first\n"
    "alias_maps = hash:/etc/aliases\n"
    "smtpd_tls_loglevel = second\n"
    "# Footer comment\n";

class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  [[nodiscard]] std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void write_file(const std::string& path, const std::string& bytes);
std::optional<std::string> read_file(const std::string& path);
void backdate(const std::string& path, int seconds = 3600);
struct stat stat_of(const std::string& path);
std::vector<std::string> list_dir(const std::string& dir);

struct RunResult {
  int rc = -1;
  std::string err;  // stderr lines as a sorted set, program prefix removed, directory shown as DIR
};

// Flags as postconf spells them: "-e", "-X", "-#", "-M#", "-MX", "-Me", "-Fe", "-Pe", "-PX".
postconf::Options options_for(const std::string& dir, const std::string& flags, const std::vector<std::string>& args);
RunResult run_real(const std::string& dir, const std::string& flags, const std::vector<std::string>& args);
RunResult run_ours(const std::string& dir, const std::string& flags, const std::vector<std::string>& args);

}  // namespace pflint::test_edit
