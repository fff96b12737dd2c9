// NAME
//   config_dir — loads main.cf and master.cf of a directory.
#include "config/config_dir.hpp"

namespace pflint::config {

namespace {
std::optional<ParsedFile> load_kept_file(const std::string& path, syntax::FileKind kind, std::string& error,
                                         const FileFilter& keep, const FileSource& files = disk_files()) {
  std::string why;
  auto source = files.load(path, why);
  if (!source) {
    error = "open " + why;
    return std::nullopt;
  }
  if (keep && !keep(*source)) return std::nullopt;
  syntax::Tree tree = syntax::parse(*source, kind);
  return ParsedFile{std::move(*source), std::move(tree)};
}

// build_models - the main.cf and master.cf models of the parsed files.
void build_models(ConfigDir& config) {
  if (config.main_file) config.main = MainConfig::build(config.main_file->source, config.main_file->tree);
  if (config.master_file) config.master = MasterConfig::build(config.master_file->source, config.master_file->tree);
}
}  // namespace

std::optional<ParsedFile> load_file(const std::string& path, syntax::FileKind kind, std::string& error) {
  return load_kept_file(path, kind, error, {});
}

ConfigDir load_config_dir(const std::string& dir) {
  return load_config_files(dir, dir + "/main.cf", dir + "/master.cf");
}

ConfigDir load_config_files(const std::string& dir, const std::optional<std::string>& main_path,
                            const std::optional<std::string>& master_path, const FileFilter& keep,
                            std::shared_ptr<const FileSource> files) {
  ConfigDir config;
  config.dir = dir;
  const FileSource& from = files ? *files : disk_files();
  if (main_path) config.main_file = load_kept_file(*main_path, syntax::FileKind::main_cf, config.main_error, keep, from);
  if (master_path) {
    config.master_file = load_kept_file(*master_path, syntax::FileKind::master_cf, config.master_error, keep, from);
  }
  config.files = std::move(files);
  build_models(config);
  return config;
}

ConfigDir parse_config_texts(const std::string& dir, std::optional<syntax::SourceFile> main_source,
                             std::optional<syntax::SourceFile> master_source) {
  ConfigDir config;
  config.dir = dir;
  if (main_source) {
    syntax::Tree tree = syntax::parse(*main_source, syntax::FileKind::main_cf);
    config.main_file = ParsedFile{std::move(*main_source), std::move(tree)};
  }
  if (master_source) {
    syntax::Tree tree = syntax::parse(*master_source, syntax::FileKind::master_cf);
    config.master_file = ParsedFile{std::move(*master_source), std::move(tree)};
  }
  build_models(config);
  return config;
}

}  // namespace pflint::config
