// NAME
//   fix_config — the check-and-fix loop over one config set.
#include "fix/fix_config.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "fix/apply_edits.hpp"
#include "syntax/fatal_issue.hpp"

namespace pflint::fix {
namespace {

// One of the set's two files as the loop edits it.
struct FileText {
  std::string path;
  syntax::FileKind kind = syntax::FileKind::main_cf;
  std::string original;
  std::string text;
  bool frozen = false;  // a fatal syntax error from the start: never edited
};

// has_fatal_error - the parser finds a fatal problem in the tree of `file`.
bool has_fatal_error(const config::ParsedFile& file) {
  return std::any_of(file.tree.diagnostics.begin(), file.tree.diagnostics.end(),
                     [](const syntax::SyntaxDiagnostic& d) { return syntax::is_fatal_issue(d.issue); });
}

// text_has_fatal_error - the same for text not parsed yet.
bool text_has_fatal_error(const FileText& file, std::string text) {
  syntax::SourceFile source(file.path, std::move(text));
  syntax::Tree tree = syntax::parse(source, file.kind);
  return has_fatal_error(config::ParsedFile{std::move(source), std::move(tree)});
}

// file_texts - the main.cf and master.cf of a checked set (absent: nullopt).
std::array<std::optional<FileText>, 2> file_texts(const config::ConfigDir& files) {
  std::array<std::optional<FileText>, 2> out;
  const std::optional<config::ParsedFile>* parsed[2] = {&files.main_file, &files.master_file};
  for (std::size_t i = 0; i < 2; ++i) {
    if (!*parsed[i]) continue;
    const config::ParsedFile& f = **parsed[i];
    const std::string text(f.source.text());
    out[i] = FileText{f.source.path(), f.tree.kind, text, text, has_fatal_error(f)};
  }
  return out;
}

// One pass: the fixes taken, as edits per file (index 0 main.cf, 1 master.cf).
struct Pass {
  std::array<std::vector<TextEdit>, 2> edits;
  std::vector<std::string_view> codes;  // one per fix taken
};

// file_index - which of the set's files `source` is; nullopt for others (a
// policy table, say), which the fixer never edits.
std::optional<std::size_t> file_index(const config::ConfigDir& files, const syntax::SourceFile* source) {
  if (files.main_file && source == &files.main_file->source) return 0;
  if (files.master_file && source == &files.master_file->source) return 1;
  return std::nullopt;
}

// try_take - add `fix` to the pass when all its edits can go in together with
// those already taken and the files it touches stay readable for Postfix.
bool try_take(const lint::Fix& fix, const config::ConfigDir& files, const std::array<std::optional<FileText>, 2>& texts,
              const std::optional<std::string>& only_file, Pass& pass) {
  if (fix.edits.empty()) return false;
  std::array<std::vector<TextEdit>, 2> mine;
  for (const lint::Edit& e : fix.edits) {
    const std::optional<std::size_t> i = file_index(files, e.file);
    if (!i || !texts[*i] || texts[*i]->frozen) return false;
    if (only_file && texts[*i]->path != *only_file) return false;
    if (e.span.begin > e.span.end || e.span.end > texts[*i]->text.size()) return false;
    for (const auto* list : {&pass.edits[*i], &mine[*i]}) {
      for (const TextEdit& t : *list) {
        if (conflicts(t.span, e.span)) return false;
      }
    }
    mine[*i].push_back({e.span, e.replacement});
  }
  for (std::size_t i = 0; i < 2; ++i) {
    if (mine[i].empty()) continue;
    std::vector<TextEdit> all = pass.edits[i];
    all.insert(all.end(), mine[i].begin(), mine[i].end());
    if (text_has_fatal_error(*texts[i], apply_edits(texts[i]->text, all))) return false;
  }
  for (std::size_t i = 0; i < 2; ++i) pass.edits[i].insert(pass.edits[i].end(), mine[i].begin(), mine[i].end());
  return true;
}

// plan_pass - of each finding, the first allowed fix that can be taken.
Pass plan_pass(const check::CheckedConfig& checked, const std::array<std::optional<FileText>, 2>& texts,
               const FixOptions& options, const std::optional<std::string>& only_file) {
  Pass pass;
  for (const lint::Diagnostic& d : checked.findings) {
    for (const lint::Fix& fix : d.fixes) {
      if (!fix.safe && !options.allow_unsafe) continue;
      if (try_take(fix, checked.files, texts, only_file, pass)) {
        pass.codes.push_back(d.code);
        break;
      }
    }
  }
  return pass;
}

}  // namespace

FixResult fix_config_set(const check::ConfigSet& set, const FixOptions& options, std::span<const lint::Rule> rules,
                         std::vector<std::string>& errors, std::vector<check::Skipped>* skipped) {
  return fix_checked(check::check_config_set(set, options.check, rules, errors, skipped), options, rules,
                     set.only_file);
}

FixResult fix_checked(std::unique_ptr<check::CheckedConfig> checked, const FixOptions& options,
                      std::span<const lint::Rule> rules, const std::optional<std::string>& only_file) {
  FixResult result;
  result.checked = std::move(checked);
  if (!result.checked) return result;
  std::array<std::optional<FileText>, 2> texts = file_texts(result.checked->files);

  while (result.passes < options.max_passes) {
    Pass pass = plan_pass(*result.checked, texts, options, only_file);
    if (pass.codes.empty()) break;
    ++result.passes;
    for (const std::string_view code : pass.codes) ++result.fixed[std::string(code)];
    std::array<std::optional<syntax::SourceFile>, 2> sources;
    for (std::size_t i = 0; i < 2; ++i) {
      if (!texts[i]) continue;
      texts[i]->text = apply_edits(texts[i]->text, std::move(pass.edits[i]));
      sources[i].emplace(texts[i]->path, texts[i]->text);
    }
    config::ConfigDir files =
        config::parse_config_texts(result.checked->files.dir, std::move(sources[0]), std::move(sources[1]));
    result.checked = check::check_loaded(std::move(files), options.check, rules, only_file);
  }

  for (const std::optional<FileText>& t : texts) {
    if (t && t->text != t->original) result.changes.push_back({t->path, t->original, t->text});
  }
  return result;
}

}  // namespace pflint::fix
