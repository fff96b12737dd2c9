// NAME
//   config_dir — loads main.cf and master.cf of a directory.
#include "config/config_dir.hpp"

namespace pflint::config {

std::optional<ParsedFile> load_file(const std::string& path, syntax::FileKind kind, std::string& error) {
  std::string why;
  auto source = syntax::SourceFile::load(path, why);
  if (!source) {
    error = "open " + why;
    return std::nullopt;
  }
  syntax::Tree tree = syntax::parse(*source, kind);
  return ParsedFile{std::move(*source), std::move(tree)};
}

ConfigDir load_config_dir(const std::string& dir) {
  ConfigDir config;
  config.dir = dir;
  config.main_file = load_file(dir + "/main.cf", syntax::FileKind::main_cf, config.main_error);
  config.master_file = load_file(dir + "/master.cf", syntax::FileKind::master_cf, config.master_error);
  if (config.main_file) config.main = MainConfig::build(config.main_file->source, config.main_file->tree);
  if (config.master_file) config.master = MasterConfig::build(config.master_file->source, config.master_file->tree);
  return config;
}

}  // namespace pflint::config
