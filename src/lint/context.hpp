// NAME
//   context — what a rule sees while it checks, and how it reports.
// DESCRIPTION
//   The engine sets `rule` before calling each rule's check; report() files
//   a finding under that rule's code at its default severity. Rules read the
//   configuration only through the model (effective values with origins)
//   and, for TLS, the TLS model built from it.
#pragma once

#include <string>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"
#include "model/model.hpp"

namespace pflint::tls {
class TlsModel;
}

namespace pflint::lint {

class CheckContext {
 public:
  CheckContext(const model::Model& model, const tls::TlsModel* tls) : model_(model), tls_(tls) {}

  [[nodiscard]] const model::Model& model() const { return model_; }
  [[nodiscard]] const config::ConfigDir& files() const { return model_.files(); }
  [[nodiscard]] const tls::TlsModel* tls() const { return tls_; }
  [[nodiscard]] params::Version version() const { return model_.version(); }

  // report - a finding of the current rule; returns it for notes and fixes.
  Diagnostic& report(const syntax::SourceFile* file, syntax::Span span, std::string message);
  // report_at - a finding at where a value came from (its value, or its name
  // when the value is empty); file-less for built-in defaults.
  Diagnostic& report_at(const model::Origin& origin, std::string message);

  void set_rule(const RuleInfo* rule) { rule_ = rule; }
  std::vector<Diagnostic> take() { return std::move(found_); }

 private:
  const model::Model& model_;
  const tls::TlsModel* tls_;
  const RuleInfo* rule_ = nullptr;
  std::vector<Diagnostic> found_;
};

}  // namespace pflint::lint
