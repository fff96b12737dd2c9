// NAME
//   check_pipeline — check_texts() (see check_pipeline.hpp).
#include "check_pipeline.hpp"

#include <array>

#include "check/run.hpp"
#include "config/config_dir.hpp"
#include "fix/fix_config.hpp"
#include "props.hpp"
#include "report/reporter.hpp"
#include "rules/registry.hpp"

namespace pflint::fuzz {
namespace {

// Every format of `pflint check --format`, text also in colour.
struct ReportKind {
  report::Format format;
  bool color;
  const char* name;
  bool json;
};
constexpr std::array<ReportKind, 6> k_reports{{{report::Format::text, false, "text", false},
                                               {report::Format::text, true, "text (colour)", false},
                                               {report::Format::gcc, false, "gcc", false},
                                               {report::Format::json, false, "json", true},
                                               {report::Format::sarif, false, "sarif", true},
                                               {report::Format::github, false, "github", false}}};

void require_reports(const check::CheckedConfig& checked, std::span<const lint::Rule> rules) {
  for (const ReportKind& kind : k_reports) {
    report::ReportInput input{checked.findings, rules, {}, {checked.files.dir}, "fuzz", kind.color};
    const std::string text = capture([&](std::FILE* out) { report::write_report(kind.format, input, out); });
    if (kind.json) require_json(text, kind.name);
  }
}

void require_trees(const config::ConfigDir& files) {
  for (const auto* file : {&files.main_file, &files.master_file}) {
    if (*file) require_roundtrip((*file)->source, (*file)->tree);
  }
}

}  // namespace

void check_texts(std::optional<std::string> main_cf, std::optional<std::string> master_cf,
                 params::Version version) {
  std::optional<syntax::SourceFile> main_source;
  std::optional<syntax::SourceFile> master_source;
  if (main_cf) main_source.emplace("fuzz/main.cf", std::move(*main_cf));
  if (master_cf) master_source.emplace("fuzz/master.cf", std::move(*master_cf));
  config::ConfigDir files = config::parse_config_texts("fuzz", std::move(main_source), std::move(master_source));
  require_trees(files);

  check::CheckOptions options;
  options.version = version;
  const std::span<const lint::Rule> rules = rules::all_rules();
  std::unique_ptr<check::CheckedConfig> checked = check::check_loaded(std::move(files), options, rules, std::nullopt);
  require_findings(checked->findings);
  require_reports(*checked, rules);

  const fix::FixResult fixed = fix::fix_checked(std::move(checked), fix::FixOptions{options, true}, rules, std::nullopt);
  for (const fix::FileChange& change : fixed.changes) {
    const auto kind = change.path.ends_with("master.cf") ? syntax::FileKind::master_cf : syntax::FileKind::main_cf;
    require_no_fatal_syntax(change.path, change.after, kind, "check --fix --unsafe-fixes");
  }
  if (fixed.checked) {
    require_trees(fixed.checked->files);
    require_findings(fixed.checked->findings);
  }
}

}  // namespace pflint::fuzz
