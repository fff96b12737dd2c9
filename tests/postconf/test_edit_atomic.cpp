// Tests of how run_edit() writes: a new file renamed into place (new inode)
// with the old mode and owner, no temporary file left behind, and nothing
// written at all (same inode, bytes and mtime) when anything is fatal —
// including a main.cf or master.cf that Postfix's own reader rejects.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "postconf/atomic_file.hpp"
#include "test_edit_support.hpp"

using namespace pflint::test_edit;

namespace {

struct Snapshot {
  ino_t inode;
  timespec mtime;
  std::string bytes;
};

Snapshot snapshot(const std::string& path) {
  const struct stat st = stat_of(path);
  return {st.st_ino, st.st_mtim, read_file(path).value_or("<missing>")};
}

void check_untouched(const std::string& path, const Snapshot& before) {
  const Snapshot after = snapshot(path);
  CHECK(after.inode == before.inode);
  CHECK(after.mtime.tv_sec == before.mtime.tv_sec);
  CHECK(after.mtime.tv_nsec == before.mtime.tv_nsec);
  CHECK(after.bytes == before.bytes);
}

}  // namespace

TEST_CASE("an edit replaces main.cf by rename, keeping mode 0640 and the owner, leaving no temp file") {
  ScratchDir dir;
  const std::string path = dir.file("main.cf");
  write_file(path, "a = 1\nb = 2\n");
  REQUIRE(::chmod(path.c_str(), 0640) == 0);
  const bool root = ::geteuid() == 0;
  if (root) REQUIRE(::chown(path.c_str(), 1234, 2345) == 0);
  const struct stat before = stat_of(path);

  const RunResult r = run_ours(dir.path(), "-e", {"b=3", "c=4"});
  CHECK(r.rc == 0);
  CHECK(r.err == "");
  const struct stat after = stat_of(path);
  CHECK(after.st_ino != before.st_ino);  // a new file was renamed over the old one
  CHECK((after.st_mode & 07777) == 0640);
  CHECK(after.st_uid == before.st_uid);
  CHECK(after.st_gid == before.st_gid);
  if (root) CHECK(after.st_uid == 1234);
  CHECK(read_file(path) == "a = 1\nb = 3\nc = 4\n");
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"main.cf"});
}

TEST_CASE("master.cf edits are atomic too") {
  ScratchDir dir;
  const std::string path = dir.file("master.cf");
  write_file(path, "a unix - n - - - x\nb unix - n - - - y\n");
  REQUIRE(::chmod(path.c_str(), 0600) == 0);
  const ino_t inode = stat_of(path).st_ino;
  const RunResult r = run_ours(dir.path(), "-MX", {"a/unix"});
  CHECK(r.rc == 0);
  CHECK(stat_of(path).st_ino != inode);
  CHECK((stat_of(path).st_mode & 07777) == 0600);
  CHECK(read_file(path) == "b unix - n - - - y\n");
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"master.cf"});
}

TEST_CASE("main.cf with a fatal error (missing '=') is not written") {
  ScratchDir dir;
  const std::string path = dir.file("main.cf");
  write_file(path, "a = 1\nbadline\n  more\nb = 2\n");
  backdate(path);
  const Snapshot before = snapshot(path);
  // The real postconf -e would rewrite this file; every Postfix program dies on it.
  const RunResult r = run_ours(dir.path(), "-e", {"b=3"});
  CHECK(r.rc == 1);
  CHECK(r.err == "fatal: DIR/main.cf, line 2: missing '=' after attribute name: \"badline  more\"\n");
  check_untouched(path, before);
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"main.cf"});
}

TEST_CASE("master.cf with an entry postconf cannot read is not written") {
  ScratchDir dir;
  const std::string path = dir.file("master.cf");
  write_file(path, "a unix - n - - - x\nbroken unix - n\nc unix - n - - - z\n");
  backdate(path);
  const Snapshot before = snapshot(path);
  const RunResult r = run_ours(dir.path(), "-MX", {"a/unix"});
  CHECK(r.rc == 1);
  CHECK(r.err == "fatal: file DIR/master.cf: line 2: bad field count\n");
  check_untouched(path, before);
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"master.cf"});
}

TEST_CASE("a bad argument, an option conflict or an unchanged result writes nothing") {
  ScratchDir dir;
  const std::string path = dir.file("main.cf");
  write_file(path, "a = 1\n");
  backdate(path);
  const Snapshot before = snapshot(path);
  CHECK(run_ours(dir.path(), "-e", {"a=2", "oops"}).err == "fatal: missing '=' after attribute name: \"oops\"\n");
  check_untouched(path, before);
  CHECK(run_ours(dir.path(), "-e#", {"a"}).err == "fatal: specify one of -e -#\n");
  check_untouched(path, before);
  const RunResult same = run_ours(dir.path(), "-e", {"a=1"});
  CHECK(same.rc == 0);
  check_untouched(path, before);
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"main.cf"});
}

TEST_CASE("a fatal error in the middle of master.cf writes nothing") {
  ScratchDir dir;
  const std::string path = dir.file("master.cf");
  write_file(path, "a unix - n - - - x\nsmtp\n  inet n - n - - smtpd\n");
  backdate(path);
  const Snapshot before = snapshot(path);
  const RunResult r = run_ours(dir.path(), "-MX", {"a/unix"});
  CHECK(r.rc == 1);
  CHECK(r.err == "fatal: file DIR/master.cf: line 2: specify service name and type on the same line\n");
  check_untouched(path, before);
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"master.cf"});
}

TEST_CASE("improvements through run_edit: no glued line, argument order") {
  ScratchDir dir;
  const std::string path = dir.file("main.cf");
  write_file(path, "a=1");
  CHECK(run_ours(dir.path(), "-e", {"zz=1", "aa=2", "mm=3"}).rc == 0);
  CHECK(read_file(path) == "a=1\nzz = 1\naa = 2\nmm = 3\n");
}

TEST_CASE("replace_file_if_unchanged reports a missing file, naming it, and creates nothing") {
  ScratchDir dir;
  const auto error = pflint::postconf::edits::replace_file_if_unchanged(dir.file("nothere.cf"), "", "x\n");
  REQUIRE(error);
  CHECK(*error == "cannot update " + dir.file("nothere.cf") + " (left as it was): open for reading: No such file or directory");
  CHECK(list_dir(dir.path()).empty());
}

TEST_CASE("replace_file_if_unchanged refuses a file that no longer holds what was read") {
  ScratchDir dir;
  const std::string path = dir.file("main.cf");
  write_file(path, "a = 2\n");
  const auto error = pflint::postconf::edits::replace_file_if_unchanged(path, "a = 1\n", "a = 3\n");
  REQUIRE(error);
  CHECK(error->find("another program changed it") != std::string::npos);
  CHECK(read_file(path) == "a = 2\n");
  CHECK(list_dir(dir.path()) == std::vector<std::string>{"main.cf"});
}

TEST_CASE("an edit through a symbolic link replaces the file it names and keeps the link") {
  ScratchDir dir;
  REQUIRE(::mkdir(dir.file("real").c_str(), 0755) == 0);
  REQUIRE(::mkdir(dir.file("conf").c_str(), 0755) == 0);
  write_file(dir.file("real/main.cf"), "a = 1\n");
  REQUIRE(::symlink("../real/main.cf", dir.file("conf/main.cf").c_str()) == 0);
  const RunResult r = run_ours(dir.file("conf"), "-e", {"b=2"});
  CHECK(r.rc == 0);
  struct stat st {};
  REQUIRE(::lstat(dir.file("conf/main.cf").c_str(), &st) == 0);
  CHECK(S_ISLNK(st.st_mode));
  CHECK(read_file(dir.file("real/main.cf")) == "a = 1\nb = 2\n");
  CHECK(list_dir(dir.file("real")) == std::vector<std::string>{"main.cf"});
}
