// NAME
//   context — reporting findings for the rule being run.
#include "lint/context.hpp"

namespace pflint::lint {

Diagnostic& CheckContext::report(const syntax::SourceFile* file, syntax::Span span, std::string message) {
  Diagnostic d;
  if (rule_) {
    d.code = rule_->code;
    d.rule = rule_->name;
    d.severity = rule_->severity;
  }
  d.file = file;
  d.span = span;
  d.message = std::move(message);
  found_.push_back(std::move(d));
  return found_.back();
}

Diagnostic& CheckContext::report_at(const model::Origin& origin, std::string message) {
  if (origin.kind == model::OriginKind::main_cf || origin.kind == model::OriginKind::master_override) {
    const syntax::Span span = origin.value_span.empty() ? origin.name_span : origin.value_span;
    return report(origin.file, span, std::move(message));
  }
  return report(nullptr, {}, std::move(message));
}

}  // namespace pflint::lint
