// NAME
//   temp_config — a throw-away config directory for unit tests, and a full
//   `pflint check` of one.
// DESCRIPTION
//   TempDir writes the given files (name → bytes) into a fresh directory
//   under the system temp dir and removes it when it goes out of scope; the
//   names are unique per process and per instance, so test cases never see
//   each other's files. load() gives config::load_config_dir() of it.
//   check_files() writes the files, runs check_config_set() with every rule
//   (main.cf and master.cf named only when given) and returns the result,
//   which owns its sources: it outlives the directory.
// SEE ALSO
//   src/config/config_dir.hpp, src/check/run.hpp.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "check/run.hpp"
#include "config/config_dir.hpp"
#include "rules/registry.hpp"

namespace pflint::test {

using Files = std::map<std::string, std::string>;

class TempDir {
 public:
  explicit TempDir(const std::string& tag, const Files& files = {}) {
    static int counter = 0;
    path_ = std::filesystem::temp_directory_path() /
            ("pflint-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
    for (const auto& [name, text] : files) write(name, text);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
  [[nodiscard]] config::ConfigDir load() const { return config::load_config_dir(path_.string()); }

 private:
  std::filesystem::path path_;
};

// TempConfig - a TempDir with main.cf, master.cf (and more files) loaded as a config.
struct TempConfig {
  TempDir dir;
  config::ConfigDir files;
  TempConfig(const std::string& main_cf, const std::string& master_cf, const Files& extra = {})
      : dir("config", with_main_master(extra, main_cf, master_cf)), files(dir.load()) {}

 private:
  static Files with_main_master(Files files, const std::string& main_cf, const std::string& master_cf) {
    files["main.cf"] = main_cf;
    files["master.cf"] = master_cf;
    return files;
  }
};

// check_files - every rule over `files` in a temp dir; I/O problems in `errors`.
inline std::unique_ptr<check::CheckedConfig> check_files(const Files& files, const check::CheckOptions& options,
                                                         std::vector<std::string>& errors) {
  const TempDir dir("check", files);
  check::ConfigSet set;
  set.dir = dir.path().string();
  if (files.count("main.cf")) set.main_path = dir.file("main.cf");
  if (files.count("master.cf")) set.master_path = dir.file("master.cf");
  return check::check_config_set(set, options, rules::all_rules(), errors);
}

}  // namespace pflint::test
