// NAME
//   model — the configuration as Postfix programs see it: every parameter's
//   effective value for a target version, globally or for one master.cf
//   service, with where it came from.
// DESCRIPTION
//   Layers, lowest first: the built-in default of the target Postfix
//   version (compatibility_level-dependent defaults included, since they
//   are `${{$compatibility_level} …}` expressions), main.cf (last definition
//   wins), then the service's -o overrides (last wins). Values are expanded
//   on demand with Postfix's `$name` semantics, looking names up through
//   the same layers. Nothing is validated here: rules do that.
// SEE ALSO
//   src/global/mail_conf.c, src/postconf/postconf_lookup.c in Postfix;
//   src/expand/evaluate.hpp.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/config_dir.hpp"
#include "expand/evaluate.hpp"
#include "params/version.hpp"

namespace pflint::params {
struct param_info;
}

namespace pflint::model {

class Names;

enum class OriginKind : std::uint8_t { built_in, main_cf, master_override, command_line, unset };

// Where a value came from. `file` is null for built-in defaults.
struct Origin {
  OriginKind kind = OriginKind::unset;
  const syntax::SourceFile* file = nullptr;
  syntax::Span name_span{};
  syntax::Span value_span{};
  std::uint32_t line = 0;
  const config::MasterEntry* service = nullptr;  // for master_override

  // describe - "main.cf:12", "master.cf:40 (-o of relay/unix)", "default".
  [[nodiscard]] std::string describe() const;
};

// value_span - the file bytes of value[begin, end) of a setting whose value
// text was joined from the lines at origin.value_span (continuations dropped).
syntax::Span value_span(const Origin& origin, std::uint32_t begin, std::uint32_t end);

// An explicit setting: a main.cf line or a master.cf -o option.
struct Setting {
  std::string_view name;
  std::string_view value;  // as Postfix stores it, unexpanded
  Origin origin;
  bool effective = true;   // false when a later line (or -o) of the same scope overrides it
  // params::find_param(name), looked up once: several rules ask per setting.
  const params::param_info* param = nullptr;
};

struct Value {
  std::string raw;   // unexpanded text
  Origin origin;
  [[nodiscard]] bool defined() const { return origin.kind != OriginKind::unset; }
};

// A parameter resolved in one scope: what expanded() and raw().origin give.
struct Resolved {
  std::string value;  // expanded and trimmed; empty on macro errors
  Origin origin;
};

struct ModelOptions {
  params::Version version = params::default_version();
  std::optional<std::string> compatibility_level;  // overrides main.cf's
};

// mail_conf_bool - get_mail_conf_bool()'s reading of a value: "yes" (ASCII
// case ignored) is true, anything else false.
bool mail_conf_bool(std::string_view value);

class Model {
 public:
  Model(const config::ConfigDir& files, ModelOptions options);
  ~Model();
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  [[nodiscard]] const config::ConfigDir& files() const { return *files_; }
  [[nodiscard]] params::Version version() const { return options_.version; }
  // compatibility_level - the effective level text ("0", "2", "3.6", ...).
  [[nodiscard]] const std::string& compatibility_level() const { return compatibility_level_; }
  // compatibility_at_least - compatibility_level >= level (e.g. "3.11").
  [[nodiscard]] bool compatibility_at_least(std::string_view level) const;

  // raw - the unexpanded value: -o of `service`, else main.cf, else default.
  [[nodiscard]] Value raw(std::string_view name, const config::MasterEntry* service = nullptr) const;
  // expanded - the value as a daemon sees it (empty on macro errors).
  [[nodiscard]] std::string expanded(std::string_view name, const config::MasterEntry* service = nullptr) const;
  // boolean - get_mail_conf_bool(): the expanded value is "yes" (any case).
  [[nodiscard]] bool boolean(std::string_view name, const config::MasterEntry* service = nullptr) const;
  // resolved - expanded() with raw().origin; computed once per scope and
  // name, then kept (the reference lives as long as the model).
  [[nodiscard]] const Resolved& resolved(std::string_view name, const config::MasterEntry* service = nullptr) const;
  // expand - expand arbitrary text in the scope of `service`.
  [[nodiscard]] expand::Result expand(std::string_view text, const config::MasterEntry* service = nullptr) const;

  // settings - every explicit setting: main.cf lines (all of them, also
  // overridden ones) then each master.cf entry's -o options, in file order.
  [[nodiscard]] const std::vector<Setting>& settings() const;  // built once, on first use
  // references - the $names in the value of `s`, an element of settings()
  // (expand::referenced_names; scanned once: Names and rules share it).
  [[nodiscard]] const std::vector<expand::NameRef>& references(const Setting& s) const;

  // names - which names Postfix knows here (built on first use, then kept).
  [[nodiscard]] const Names& names() const;

  // client_services - master.cf entries whose command is smtp or lmtp.
  [[nodiscard]] std::vector<const config::MasterEntry*> client_services() const;

 private:
  [[nodiscard]] std::optional<std::string> default_of(std::string_view name) const;
  // resolve - `looked_up`, when given, collects every name the expansion
  // read that some master.cf entry overrides (see resolved()).
  [[nodiscard]] Resolved resolve(std::string_view name, const config::MasterEntry* service,
                                 std::vector<std::string_view>* looked_up = nullptr) const;
  // overridden_name - `name` as some master.cf entry sets it with -o (a
  // view that lives as long as the model), or nullopt.
  [[nodiscard]] std::optional<std::string_view> overridden_name(std::string_view name) const;
  [[nodiscard]] expand::EvalOptions eval_options() const;

  // Transparent hash: cache lookups by string_view build no string.
  struct NameHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  // A cached answer. In main.cf's scope, `overridable` lists the names the
  // expansion read that some entry overrides: an entry that overrides none
  // of them (nor the name itself) sees exactly main.cf's answer and shares
  // it (`shared`) instead of expanding again.
  struct Cached {
    Resolved own;
    const Resolved* shared = nullptr;
    std::vector<std::string_view> overridable;
    [[nodiscard]] const Resolved& get() const { return shared ? *shared : own; }
  };
  using ResolvedMap = std::unordered_map<std::string, Cached, NameHash, std::equal_to<>>;

  const config::ConfigDir* files_;
  ModelOptions options_;
  std::string compatibility_level_;
  mutable std::unique_ptr<Names> names_;
  mutable std::optional<std::vector<Setting>> settings_;
  mutable std::vector<std::optional<std::vector<expand::NameRef>>> references_;  // by index in settings_
  // resolved() results: main.cf's scope (also every entry without -o
  // options: it sees exactly what main.cf sees), then one map per entry
  // with -o options (few: a short list beats hashing the pointer).
  mutable ResolvedMap resolved_;
  mutable std::vector<std::pair<const config::MasterEntry*, std::unique_ptr<ResolvedMap>>> resolved_in_entry_;
  // every name some entry sets with -o, sorted (built on first use)
  mutable std::optional<std::vector<std::string_view>> overridden_;
};

}  // namespace pflint::model
