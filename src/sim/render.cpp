// NAME
//   render — output of `pflint simulate` (see render.hpp, and there why it
//   is not in src/report/).
#include "sim/render.hpp"

#include <fmt/core.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>

namespace pflint::sim {
namespace {

std::string target_name(const Result& r) {
  return r.job->service->name + " → " + (r.job->target.empty() ? "(no policy-table entry)" : r.job->target);
}

std::string mark(const Judgement& j) {
  if (j.status == "differs") return "!";
  if (j.status == "platform") return "~";
  if (j.status == "undocumented") return "?";
  return "";
}

// scenarios - the scenarios in first-seen order.
std::vector<const Scenario*> scenarios_of(const Report& r) {
  std::vector<const Scenario*> out;
  for (const Result& res : r.results) {
    if (std::find(out.begin(), out.end(), res.job->scenario) == out.end()) out.push_back(res.job->scenario);
  }
  return out;
}

const Result* cell(const Report& r, const Scenario* s, const std::string& column, const Judgement** j) {
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    if (r.results[i].job->scenario == s && r.results[i].job->column == column) {
      if (j) *j = r.judgements.empty() ? nullptr : &r.judgements[i];
      return &r.results[i];
    }
  }
  return nullptr;
}

void differences(const Report& r, std::ostream& out, bool markdown) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < r.judgements.size(); ++i) {
    const Judgement& j = r.judgements[i];
    if (j.status != "differs" && j.status != "platform") continue;
    if (!n++) out << (markdown ? "\n### Cells that differ from the documented outcome\n\n" : "\nCells that differ from the documented outcome:\n");
    const Result& res = r.results[i];
    out << fmt::format("{}{} / {}: documented {}, got {} ({}){}\n    {}: {}\n", markdown ? "- " : "  ",
                       res.job->scenario->name, res.job->column, j.documented, j.actual, summary(res.outcome),
                       j.status == "platform" ? " [platform divergence]" : "",
                       j.status == "platform" ? "why" : "caused by", j.explanation);
  }
  if (!n && !r.judgements.empty()) out << "\nEvery cell matches the documented outcome.\n";
}

void expectations(const Report& r, std::ostream& out) {
  for (const ExpectationResult& e : r.expectations) {
    out << fmt::format("expect {}: {}\n", e.expectation->text, e.passed ? "ok" : "FAILED");
    for (const std::string& f : e.failures) out << "    " << f << "\n";
  }
}

void matrix(const Report& r, std::ostream& out, bool markdown) {
  const auto scenarios = scenarios_of(r);
  if (markdown) {
    out << "| scenario |";
    for (const std::string& c : r.columns) out << " " << c << " |";
    out << "\n|---|";
    for (std::size_t i = 0; i < r.columns.size(); ++i) out << "---|";
    out << "\n";
  } else {
    out << fmt::format("{:<16}", "scenario");
    for (const std::string& c : r.columns) out << fmt::format(" {:<12}", c);
    out << "\n";
  }
  for (const Scenario* s : scenarios) {
    out << (markdown ? "| " + s->name + " |" : fmt::format("{:<16}", s->name));
    for (const std::string& c : r.columns) {
      const Judgement* j = nullptr;
      const Result* res = cell(r, s, c, &j);
      const std::string text = res ? short_label(res->outcome) + (j ? mark(*j) : "") : "-";
      out << (markdown ? " " + text + " |" : fmt::format(" {:<12}", text));
    }
    out << "\n";
  }
  out << (markdown ? "\n" : "") << "Legend: plain = plaintext; tls-U/tls-T = Untrusted/Trusted TLS; anon = Anonymous TLS; "
      << "VERIFIED = Verified TLS; half-T = halfdane (Trusted, TLSA enforced); defer = deferred; defer>plain = deferred "
         "now, plaintext on a later retry; ! differs from the documented outcome; ~ platform divergence (OpenSSL 3).\n";
}

void rows(const Report& r, std::ostream& out, bool markdown) {
  std::string last;
  for (const Result& res : r.results) {
    const std::string t = target_name(res);
    if (t != last) {
      const tls::EffectivePolicy& p = res.job->policy;
      out << (markdown ? "\n### " : "\n") << t << (markdown ? "\n\n" : "\n");
      out << fmt::format("{}level {} ({})\n", markdown ? "" : "  ", tls::level_name(p.level), blame_of(p.level_setting).describe());
      if (markdown) out << "\n| scenario | outcome | reason / detail | decided by |\n|---|---|---|---|\n";
      last = t;
    }
    const Outcome& o = res.outcome;
    if (markdown) {
      out << fmt::format("| {} | {} | {} | {} |\n", res.job->scenario->name, short_label(o), summary(o), o.blame.describe());
    } else {
      out << fmt::format("  {:<16} {:<12} {}\n", res.job->scenario->name, short_label(o), summary(o));
      if (!o.blame.setting.empty()) out << fmt::format("  {:<16} {:<12} decided by: {}\n", "", "", o.blame.describe());
    }
  }
}

void write_string(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key, const std::string& v) {
  w.Key(key);
  w.String(v.c_str(), static_cast<rapidjson::SizeType>(v.size()));
}

void write_lines(rapidjson::Writer<rapidjson::StringBuffer>& w, const char* key, const std::vector<std::string>& v) {
  w.Key(key);
  w.StartArray();
  for (const std::string& s : v) w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size()));
  w.EndArray();
}

}  // namespace

std::string short_label(const Outcome& o) {
  switch (o.verdict) {
    case Verdict::plaintext: return "plain";
    case Verdict::anonymous: return "anon";
    case Verdict::untrusted: return "tls-U";
    case Verdict::trusted: return o.level == tls::Level::halfdane ? "half-T" : "tls-T";
    case Verdict::verified: return "VERIFIED";
    case Verdict::deferred: return o.plaintext_on_retry ? "defer>plain" : "defer";
  }
  return "?";
}

void render_text(const Report& r, std::ostream& out) {
  for (const std::string& n : r.notes) out << "note: " << n << "\n";
  if (r.all_levels) {
    matrix(r, out, false);
    differences(r, out, false);
  } else {
    rows(r, out, false);
  }
  if (!r.expectations.empty()) out << "\n";
  expectations(r, out);
  out << fmt::format("\n{} simulated deliveries in {:.2f} s\n", r.results.size(), r.seconds);
}

void render_markdown(const Report& r, std::ostream& out) {
  out << "## pflint simulate\n\n";
  for (const std::string& n : r.notes) out << "> " << n << "\n";
  if (r.all_levels) {
    out << "\n";
    matrix(r, out, true);
    differences(r, out, true);
  } else {
    rows(r, out, true);
  }
  if (!r.expectations.empty()) {
    out << "\n### Expectations\n\n```\n";
    expectations(r, out);
    out << "```\n";
  }
}

void render_json(const Report& r, std::ostream& out) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  write_string(w, "mode", r.all_levels ? "all-levels" : r.connect ? "connect" : "config");
  write_lines(w, "notes", r.notes);
  w.Key("results");
  w.StartArray();
  for (std::size_t i = 0; i < r.results.size(); ++i) {
    const Result& res = r.results[i];
    const Outcome& o = res.outcome;
    w.StartObject();
    write_string(w, "service", res.job->service->name);
    write_string(w, "destination", res.job->target);
    write_string(w, "column", res.job->column);
    write_string(w, "scenario", res.job->scenario ? res.job->scenario->name : "");
    write_string(w, "configured_level", std::string(tls::level_name(res.job->policy.level)));
    write_string(w, "level", std::string(tls::level_name(o.level)));
    write_string(w, "outcome", outcome_class(o));
    write_string(w, "verdict", std::string(verdict_name(o.verdict)));
    w.Key("plaintext_on_retry");
    w.Bool(o.plaintext_on_retry);
    write_string(w, "reason", o.reason);
    write_string(w, "dsn", o.dsn);
    write_string(w, "protocol", o.protocol);
    write_string(w, "cipher", o.cipher);
    write_string(w, "decided_by", o.blame.setting);
    write_string(w, "where", o.blame.where);
    if (!r.judgements.empty()) {
      const Judgement& j = r.judgements[i];
      write_string(w, "documented", j.documented);
      write_string(w, "status", j.status);
      write_string(w, "explanation", j.explanation);
    }
    write_lines(w, "log", o.log);
    write_lines(w, "transcript", o.transcript);
    if (!o.server_error.empty()) write_string(w, "server_error", o.server_error);
    w.EndObject();
  }
  w.EndArray();
  w.Key("expectations");
  w.StartArray();
  for (const ExpectationResult& e : r.expectations) {
    w.StartObject();
    write_string(w, "expect", e.expectation->text);
    w.Key("passed");
    w.Bool(e.passed);
    write_lines(w, "failures", e.failures);
    w.EndObject();
  }
  w.EndArray();
  w.Key("seconds");
  w.Double(r.seconds);
  w.EndObject();
  out << buf.GetString() << "\n";
}

}  // namespace pflint::sim
