// NAME
//   settings — command line over .pflint.toml over defaults (see settings.hpp).
#include "check/settings.hpp"

namespace pflint::check {

Settings::Settings(ProjectSettings command_line, Source source, std::optional<std::string> file)
    : command_line_(std::move(command_line)), source_(source), file_(std::move(file)) {}

const ProjectConfig* Settings::config_for(const std::string& dir, std::string& error) {
  std::optional<std::string> path;
  if (source_ == Source::file) path = file_;
  if (source_ == Source::nearest) path = find_project_config(dir);
  if (!path) return nullptr;
  auto it = configs_.find(*path);
  if (it == configs_.end()) {
    std::string why;
    it = configs_.emplace(*path, load_project_config(*path, why)).first;
    if (!it->second) config_errors_[*path] = why;
  }
  if (!it->second) error = config_errors_[*path];
  return it->second ? &*it->second : nullptr;
}

std::optional<ProjectSettings> Settings::for_dir(const std::string& dir, std::string& error) {
  const std::lock_guard lock(mutex_);
  error.clear();
  const ProjectConfig* config = config_for(dir, error);
  if (!error.empty()) return std::nullopt;
  return overlay(config ? settings_for(*config, dir) : ProjectSettings{}, command_line_);
}

const CheckOptions* Settings::options_for(const ConfigSet& set, std::string& error) {
  {
    const std::lock_guard lock(mutex_);
    if (const auto it = options_.find(set.dir); it != options_.end()) return it->second.get();
  }
  const std::optional<ProjectSettings> settings = for_dir(set.dir, error);
  if (!settings) return nullptr;
  auto options = std::make_unique<CheckOptions>();
  if (!to_check_options(*settings, *options, error)) return nullptr;
  const std::lock_guard lock(mutex_);
  return options_.try_emplace(set.dir, std::move(options)).first->second.get();
}

}  // namespace pflint::check
