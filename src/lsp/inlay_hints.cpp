// NAME
//   inlay_hints — the effective TLS level, written where it is decided.
// DESCRIPTION
//   Off unless the settings turn it on (hints are noise to many users).
//   master.cf: after the first line of each smtp/lmtp entry, the TLS level
//   that service uses for destinations without a policy entry (and what a
//   DANE level falls back to when its prerequisites fail). main.cf: after
//   an obsolete TLS switch that a level setting makes Postfix ignore, the
//   level that applies instead.
#include <set>

#include "lsp/features.hpp"
#include "tls/level.hpp"

namespace pflint::lsp {
namespace {

std::string level_text(const tls::EffectivePolicy& p) {
  std::string text = std::string(tls::level_name(p.level));
  if (p.dane && p.dane->fallback != tls::Level::not_found) {
    text += " (without its prerequisites: " + std::string(tls::level_name(p.dane->fallback)) + ")";
  }
  return text;
}

}  // namespace

Json inlay_hints(Context& cx, const Json& params) {
  const Document& d = document_param(cx, params);
  Json list(rapidjson::kArrayType);
  if (!cx.settings.inlay_hints || !d.path) return list;
  const Analysis* a = cx.workspace.analysis_of(d);
  const config::ParsedFile* file = a != nullptr ? parsed_file_of(*a, d) : nullptr;
  if (file == nullptr) return list;
  const LineIndex index(file->source.text());
  const auto hint = [&](std::uint32_t line, const std::string& label) {
    Json h(rapidjson::kObjectType);
    add(h, "position", position_json(index.position(index.line_content_end(line), cx.encoding), cx.alloc), cx.alloc);
    add(h, "label", label, cx.alloc);
    add(h, "paddingLeft", true, cx.alloc);
    list.PushBack(h, cx.alloc);
  };
  std::set<std::uint32_t> hinted;  // main.cf lines (a switch is ignored by several services alike)
  for (const auto& service : a->checked->tls.services()) {
    if (service.entry != nullptr && d.role == Role::master_cf) {
      const std::uint32_t line = index.position(file->tree.items[service.entry->item].span.begin, cx.encoding).line;
      hint(line, "⇒ TLS " + level_text(service.policy));
    }
    if (d.role != Role::main_cf) continue;
    for (const auto& ignored : service.global.obsolete_ignored) {
      if (ignored.origin.file != &file->source) continue;
      const std::uint32_t line = index.position(ignored.origin.name_span.begin, cx.encoding).line;
      if (!hinted.insert(line).second) continue;
      hint(line, "⇒ ignored: " + service.global.parameter + " = " + service.global.text + " decides" +
                     (service.entry != nullptr ? " for " + service.name : std::string()));
    }
  }
  return list;
}

}  // namespace pflint::lsp
