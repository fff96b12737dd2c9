// NAME
//   simulate — run scenarios against a configuration's effective TLS
//   policies: configuration variants (--all-levels), the parallel job
//   runner over socket pairs, --serve on 127.0.0.1 and --connect.
// DESCRIPTION
//   A Config keeps a configuration directory, its model and TLS model at
//   stable addresses. config_with() re-reads it with extra main.cf lines
//   appended (the rest of the configuration kept). Simulator owns the run
//   time PKI and one ScenarioServer per (scenario, destination), and runs
//   jobs on a small thread pool: per job a socket pair, the scripted server
//   in a thread, the client in the worker. Nothing listens or connects
//   outside serve() (127.0.0.1 only) and connect_once() (the named address).
// DIAGNOSTICS
//   load_config() returns null with `error`; serve() returns 2 on bind
//   errors; run errors end up in each Outcome.
// SEE ALSO
//   src/sim/client.hpp, src/sim/server.hpp, src/cli/cmd_simulate.cpp, docs/simulate.md.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "config/config_dir.hpp"
#include "model/model.hpp"
#include "sim/client.hpp"
#include "sim/pki.hpp"
#include "sim/scenario.hpp"
#include "sim/server.hpp"
#include "tls/tls_model.hpp"

namespace pflint::sim {

struct Config {
  std::unique_ptr<config::ConfigDir> files;
  std::unique_ptr<model::Model> model;
  tls::TlsModel tls;
};

std::unique_ptr<Config> load_config(const std::string& dir, const model::ModelOptions& options, std::string& error);
// config_with - `base` with `settings` appended to main.cf ("name = value" lines).
std::unique_ptr<Config> config_with(const Config& base, const std::vector<std::pair<std::string, std::string>>& settings,
                                    const model::ModelOptions& options);

// world_for - names for a next hop: "example.com" → MX mail.example.com;
// "[relay.example]:587" → host relay.example, port 587; "" → example.com.
World world_for(std::string_view destination);

struct Job {
  const Config* config = nullptr;
  const tls::ServicePolicy* service = nullptr;
  tls::EffectivePolicy policy;
  const Scenario* scenario = nullptr;
  World world;
  std::string target;   // destination key ("" = none)
  std::string column;   // level column (--all-levels) or "config"
};

struct Result {
  const Job* job = nullptr;
  Outcome outcome;
};

struct SimOptions {
  millis timeout{10000};
  unsigned threads = 2;
  params::Version version = params::default_version();
};

class Simulator {
 public:
  explicit Simulator(SimOptions options);
  [[nodiscard]] const Pki& pki() const { return pki_; }
  // run - every job, in parallel; results in job order.
  std::vector<Result> run(const std::vector<Job>& jobs);
  Outcome run_one(const Job& job);
  const ScenarioServer& server_for(const Scenario& scenario, const World& world);

 private:
  SimOptions options_;
  Pki pki_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<ScenarioServer>> servers_;
};

// serve - run the scenarios' servers on 127.0.0.1 (port, port+1, ...; 0 =
// free ports) for `seconds` (0 = until killed); prints "serving NAME on
// 127.0.0.1:PORT" lines, and writes the CA and fingerprints into pki_dir.
int serve(const std::vector<const Scenario*>& scenarios, unsigned port, const std::string& pki_dir, unsigned seconds,
          const SimOptions& options, std::ostream& out);

// connect_once - the client against a real server at host:port; DNS/DANE
// from `scenario` or skipped (scenario null).
Outcome connect_once(const Config& config, const tls::ServicePolicy& service, const tls::EffectivePolicy& policy,
                     const std::string& host, unsigned port, const World& world, const Scenario* scenario,
                     const SimOptions& options);

}  // namespace pflint::sim
