// NAME
//   cmd_simulate — `pflint simulate`: real TLS handshakes between an
//   smtp(8)-like client applying the configuration's effective policy and
//   scripted test servers.
// DESCRIPTION
//   Modes: the configuration's own levels per client service and policy
//   destination (default); --all-levels (each level in turn, judged against
//   data/level-outcomes.json); --serve (test servers on 127.0.0.1);
//   --connect (the client against a real server). --expect assertions make
//   the exit status 1 when they fail; --all-levels also exits 1 when a cell
//   differs from the documented outcome (platform divergences excepted).
// DIAGNOSTICS
//   Exit 0 clean, 1 failed expectation or differing cell, 2 usage or I/O error.
// SEE ALSO
//   docs/simulate.md, src/sim/simulate.hpp.
#include <fmt/core.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "cli/commands.hpp"
#include "sim/expect.hpp"
#include "sim/render.hpp"
#include "sim/simulate.hpp"

namespace pflint::cli {
namespace {

using namespace pflint::sim;

int fail(const std::string& message) {
  fmt::print(stderr, "pflint: error: {}\n", message);
  return 2;
}

struct Context {
  const SimulateOptions& options;
  std::vector<Scenario> catalog;
  std::vector<const Scenario*> scenarios;
  SimOptions sim;
  model::ModelOptions model_options;
  std::unique_ptr<Config> config;
  std::vector<Expectation> expectations;
};

std::vector<const tls::ServicePolicy*> selected_services(const Config& c, const SimulateOptions& o, std::string& error) {
  std::vector<const tls::ServicePolicy*> out;
  for (const tls::ServicePolicy& s : c.tls.services()) {
    if (o.services.empty() || std::find(o.services.begin(), o.services.end(), s.name) != o.services.end()) {
      out.push_back(&s);
    }
  }
  if (out.empty()) error = "no SMTP/LMTP client service matches --service";
  return out;
}

int finish(Report& report, const Context& ctx, std::chrono::steady_clock::time_point start) {
  report.expectations = check_expectations(ctx.expectations, report.results);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (ctx.options.format == "json") {
    render_json(report, std::cout);
  } else if (ctx.options.format == "markdown") {
    render_markdown(report, std::cout);
  } else {
    render_text(report, std::cout);
  }
  int rc = 0;
  for (const ExpectationResult& e : report.expectations) rc = e.passed ? rc : 1;
  for (const Judgement& j : report.judgements) rc = j.status == "differs" ? 1 : rc;
  return rc;
}

void stand_in_note(Report& report) {
  report.notes.push_back(
      "simulation: the test servers' certificates are made at run time, so a configured smtp_tls_CAfile/CApath or "
      "trust-anchor file stands for \"trusts the scenario's public CA\", and each well-formed fingerprint of the right "
      "length stands for \"pins the scenario's pinned key\"; DNS (MX, TLSA, DNSSEC) comes from the scenario.");
}

int run_all_levels(Context& ctx) {
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  const auto services = selected_services(*ctx.config, ctx.options, error);
  if (services.empty()) return fail(error);
  const std::string service_name = services.front()->name;
  const std::string destination = ctx.options.destinations.empty() ? "" : ctx.options.destinations.front();
  const LevelTable& table = builtin_level_table();
  std::vector<std::unique_ptr<Config>> variants;
  std::vector<Job> jobs;
  Report report;
  report.all_levels = true;
  stand_in_note(report);
  report.notes.push_back(fmt::format("service {}, destination {}; each column sets main.cf as listed in "
                                     "data/level-outcomes.json, the rest of the configuration kept",
                                     service_name, destination.empty() ? "(none: the global level)" : destination));
  for (const LevelColumn& column : table.columns) {
    std::vector<std::pair<std::string, std::string>> set;
    for (const auto& [name, value] : column.set) {
      set.emplace_back(services.front()->prefix + name.substr(name.find('_')), value);
    }
    variants.push_back(config_with(*ctx.config, set, ctx.model_options));
    const tls::ServicePolicy* svc = variants.back()->tls.find_service(service_name);
    if (!svc) return fail("service " + service_name + " vanished in a configuration variant");
    const tls::EffectivePolicy policy = destination.empty() ? svc->policy : variants.back()->tls.resolve(*svc, destination);
    for (const Scenario* s : ctx.scenarios) {
      jobs.push_back(Job{variants.back().get(), svc, policy, s, world_for(destination), destination, column.name});
    }
    report.columns.push_back(column.name);
  }
  Simulator simulator(ctx.sim);
  report.results = simulator.run(jobs);
  for (const Result& r : report.results) {
    report.judgements.push_back(judge(table, r.job->scenario->name, r.job->column, r.outcome));
  }
  return finish(report, ctx, start);
}

int run_config(Context& ctx) {
  const auto start = std::chrono::steady_clock::now();
  std::string error;
  const auto services = selected_services(*ctx.config, ctx.options, error);
  if (services.empty()) return fail(error);
  std::vector<Job> jobs;
  for (const tls::ServicePolicy* svc : services) {
    std::vector<std::string> targets = ctx.options.destinations;
    if (targets.empty()) {
      targets.emplace_back();
      for (const tls::EffectivePolicy& d : svc->destinations) targets.push_back(d.destination);
    }
    for (const Expectation& e : ctx.expectations) {
      if (e.destination != "*" && e.destination != "default" &&
          std::find(targets.begin(), targets.end(), e.destination) == targets.end()) {
        targets.push_back(e.destination);
      }
    }
    for (const std::string& t : targets) {
      const tls::EffectivePolicy policy = t.empty() ? svc->policy : ctx.config->tls.resolve(*svc, t);
      for (const Scenario* s : ctx.scenarios) jobs.push_back(Job{ctx.config.get(), svc, policy, s, world_for(t), t, "config"});
    }
  }
  Report report;
  stand_in_note(report);
  Simulator simulator(ctx.sim);
  report.results = simulator.run(jobs);
  return finish(report, ctx, start);
}

int run_connect(Context& ctx) {
  const auto start = std::chrono::steady_clock::now();
  const std::string& target = ctx.options.connect;
  const auto colon = target.rfind(':');
  if (colon == std::string::npos) return fail("--connect needs HOST:PORT");
  std::string host = target.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const unsigned port = static_cast<unsigned>(std::stoul(target.substr(colon + 1)));
  std::string error;
  const auto services = selected_services(*ctx.config, ctx.options, error);
  if (services.empty()) return fail(error);
  const std::string destination = ctx.options.destinations.empty() ? "" : ctx.options.destinations.front();
  World world = world_for(destination);
  if (destination.empty()) world.domain = host;
  world.mx = ctx.options.mx_host.empty() ? host : ctx.options.mx_host;
  const Scenario* dns = ctx.options.scenarios.empty() ? nullptr : ctx.scenarios.front();
  static Scenario pseudo;
  pseudo.name = "connect " + host + ":" + std::to_string(port);
  Report report;
  report.connect = true;
  report.notes.push_back(dns ? "DNS and DANE from scenario " + dns->name +
                                   " (its TLSA data are of the scenario's own keys: they decide DANE's DNS checks, "
                                   "they cannot match a real server)"
                             : "DNS and DANE skipped: no --scenario given, so dane behaves as with no TLSA records");
  report.notes.push_back("trust anchors and fingerprints are used exactly as configured");
  std::vector<Job> jobs;
  jobs.reserve(services.size());
  for (const tls::ServicePolicy* svc : services) {
    const tls::EffectivePolicy policy = destination.empty() ? svc->policy : ctx.config->tls.resolve(*svc, destination);
    jobs.push_back(Job{ctx.config.get(), svc, policy, &pseudo, world, destination, "config"});
  }
  for (const Job& j : jobs) {
    report.results.push_back(Result{&j, connect_once(*j.config, *j.service, j.policy, host, port, j.world, dns, ctx.sim)});
  }
  return finish(report, ctx, start);
}

}  // namespace

void add_simulate_command(CLI::App& app, SimulateOptions& options) {
  CLI::App* cmd = app.add_subcommand("simulate", "Real TLS handshakes: what the SMTP client TLS settings really do");
  cmd->add_option("-c,--config-dir", options.config_dir, "Postfix configuration directory (default /etc/postfix)");
  cmd->add_option("--service", options.services, "Client service(s) from master.cf, e.g. smtp/unix (default: all)");
  cmd->add_option("--destination", options.destinations, "Next-hop destination(s) to resolve the policy for");
  add_list_option(*cmd, "--scenario", options.scenarios, "Scenario name(s) from the catalog (default: all)");
  cmd->add_option("--scenario-file", options.scenario_file, "Use this scenario catalog instead of the built-in one");
  cmd->add_flag("--all-levels", options.all_levels, "Run every level in turn and compare with the documented outcomes");
  cmd->add_option("--format", options.format, "text, markdown or json")->check(CLI::IsMember({"text", "markdown", "json"}));
  cmd->add_option("--expect", options.expect, "Assertion [SERVICE@]DESTINATION:RULE (see docs/simulate.md)");
  add_list_option(*cmd, "--serve", options.serve, "Serve scenario(s) (comma-separated, or all) on 127.0.0.1")
      ->allow_extra_args(false);
  cmd->add_option("--port", options.port, "First port for --serve (0: free ports)");
  cmd->add_option("--pki-dir", options.pki_dir, "With --serve: write ca.pem and fingerprints.tsv here");
  cmd->add_option("--serve-seconds", options.serve_seconds, "With --serve: stop after this many seconds (0: never)");
  cmd->add_option("--connect", options.connect, "Run the client against a real server HOST:PORT");
  cmd->add_option("--mx-host", options.mx_host, "With --connect: the MX host name for name checks (default HOST)");
  cmd->add_option("--timeout", options.timeout, "Seconds for each socket operation (default 10)");
  cmd->add_option("--jobs", options.jobs, "Parallel simulations (default: number of CPUs)");
  add_version_options(*cmd, options.target);
}

int run_simulate(const SimulateOptions& options) {
  Context ctx{options, {}, {}, {}, {}, {}, {}};
  try {
    ctx.catalog = options.scenario_file.empty() ? builtin_catalog() : load_catalog_file(options.scenario_file);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  for (const std::string& name : options.scenarios) {
    const Scenario* s = find_scenario(ctx.catalog, name);
    if (!s) return fail("no scenario \"" + name + "\" in the catalog");
    ctx.scenarios.push_back(s);
  }
  if (ctx.scenarios.empty()) {
    for (const Scenario& s : ctx.catalog) ctx.scenarios.push_back(&s);
  }
  ctx.sim.timeout = millis(static_cast<long>(options.timeout * 1000));
  ctx.sim.threads = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::string error;
  if (!resolve_version_options(options.target, ctx.model_options.version, ctx.model_options.compatibility_level, error)) {
    return fail(error);
  }
  ctx.sim.version = ctx.model_options.version;
  if (!options.serve.empty()) {
    std::vector<const Scenario*> serve;
    for (const std::string& name : options.serve) {
      if (name == "all") {
        for (const Scenario& s : ctx.catalog) serve.push_back(&s);
      } else if (const Scenario* s = find_scenario(ctx.catalog, name)) {
        serve.push_back(s);
      } else {
        return fail("no scenario \"" + name + "\" in the catalog");
      }
    }
    return sim::serve(serve, options.port, options.pki_dir, options.serve_seconds, ctx.sim, std::cout);
  }
  for (const std::string& text : options.expect) {
    auto e = parse_expectation(text, error);
    if (!e) return fail(error);
    ctx.expectations.push_back(*e);
  }
  ctx.config = load_config(options.config_dir.value_or("/etc/postfix"), ctx.model_options, error);
  if (!ctx.config) return fail(error);
  try {
    if (!options.connect.empty()) return run_connect(ctx);
    return options.all_levels ? run_all_levels(ctx) : run_config(ctx);
  } catch (const std::exception& e) {
    return fail(e.what());
  }
}

}  // namespace pflint::cli
