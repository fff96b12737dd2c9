// NAME
//   file_source — the host file system as a FileSource (see file_source.hpp).
#include "config/file_source.hpp"

#include <filesystem>


namespace pflint::config {
namespace {
class DiskFiles final : public FileSource {
 public:
  [[nodiscard]] bool exists(const std::string& path) const override {
    std::error_code ec;
    return std::filesystem::exists(path, ec);
  }
  [[nodiscard]] std::optional<syntax::SourceFile> load(const std::string& path, std::string& error) const override {
    return syntax::SourceFile::load(path, error);
  }
};
}  // namespace

const FileSource& disk_files() {
  static const DiskFiles disk;
  return disk;
}

}  // namespace pflint::config
