// NAME
//   simulate — configuration variants, the job runner, serve and connect (see simulate.hpp).
#include "sim/simulate.hpp"

#include <fmt/core.h>
#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "syntax/tree.hpp"

namespace pflint::sim {
namespace {

std::unique_ptr<Config> finish(std::unique_ptr<config::ConfigDir> files, const model::ModelOptions& options) {
  auto c = std::make_unique<Config>();
  c->files = std::move(files);
  c->model = std::make_unique<model::Model>(*c->files, options);
  c->tls = tls::build_tls_model(*c->model);
  return c;
}

std::optional<config::ParsedFile> parsed(const std::string& path, std::string text, syntax::FileKind kind) {
  syntax::SourceFile source(path, std::move(text));
  syntax::Tree tree = syntax::parse(source, kind);
  return config::ParsedFile{std::move(source), std::move(tree)};
}

}  // namespace

std::unique_ptr<Config> load_config(const std::string& dir, const model::ModelOptions& options, std::string& error) {
  auto files = std::make_unique<config::ConfigDir>(config::load_config_dir(dir));
  if (!files->main_file && !files->master_file) {
    error = files->main_error;
    return nullptr;
  }
  return finish(std::move(files), options);
}

std::unique_ptr<Config> config_with(const Config& base, const std::vector<std::pair<std::string, std::string>>& settings,
                                    const model::ModelOptions& options) {
  auto files = std::make_unique<config::ConfigDir>();
  files->dir = base.files->dir;
  std::string main_text = base.files->main_file ? std::string(base.files->main_file->source.text()) : "";
  const std::string main_path = base.files->main_file ? base.files->main_file->source.path() : files->dir + "/main.cf";
  if (!main_text.empty() && main_text.back() != '\n') main_text += '\n';
  main_text += "# pflint simulate --all-levels\n";
  for (const auto& [name, value] : settings) main_text += name + " = " + value + "\n";
  files->main_file = parsed(main_path, main_text, syntax::FileKind::main_cf);
  files->main = config::MainConfig::build(files->main_file->source, files->main_file->tree);
  if (base.files->master_file) {
    const syntax::SourceFile& m = base.files->master_file->source;
    files->master_file = parsed(m.path(), std::string(m.text()), syntax::FileKind::master_cf);
    files->master = config::MasterConfig::build(files->master_file->source, files->master_file->tree);
  }
  return finish(std::move(files), options);
}

World world_for(std::string_view destination) {
  World w;
  if (destination.empty()) return w;
  std::string d(destination);
  if (d.front() == '[') {
    const auto close = d.find(']');
    std::string host = d.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    if (close != std::string::npos && close + 1 < d.size() && d[close + 1] == ':') {
      w.port = static_cast<unsigned>(std::stoul(d.substr(close + 2)));
    }
    w.domain = w.mx = host;
    return w;
  }
  if (const auto colon = d.find(':'); colon != std::string::npos) {
    w.port = static_cast<unsigned>(std::stoul(d.substr(colon + 1)));
    d.resize(colon);
  }
  if (!d.empty() && d.front() == '.') d.erase(0, 1);
  w.domain = d;
  w.mx = "mail." + d;
  return w;
}

Simulator::Simulator(SimOptions options) : options_(options) {
  std::signal(SIGPIPE, SIG_IGN);  // a peer that hangs up must not kill us mid-write (OpenSSL writes with write(2))
}

const ScenarioServer& Simulator::server_for(const Scenario& scenario, const World& world) {
  const std::string key = scenario.name + '\x01' + world.domain + '\x01' + world.mx;
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = servers_[key];
  if (!slot) slot = std::make_unique<ScenarioServer>(scenario, pki_, world);
  return *slot;
}

Outcome Simulator::run_one(const Job& job) {
  const ScenarioServer& server = server_for(*job.scenario, job.world);
  PolicyInputs in;
  in.model = job.config->model.get();
  in.service = job.service;
  in.policy = &job.policy;
  in.world = job.world;
  in.scenario = job.scenario;
  in.server_cert = &server.cert();
  in.pki = &pki_;
  in.dns = dns_for(*job.scenario, server.cert(), pki_);
  const ClientPolicy policy = make_client_policy(in);
  if (std::optional<Outcome> early = before_connect(policy)) return *early;
  int fds[2];
  if (!socket_pair(fds)) {
    Outcome o;
    o.reason = "socketpair failed";
    return o;
  }
  std::string server_error;
  std::thread server_thread([&] { server_error = server.serve(fds[1], options_.timeout); });
  Outcome out;
  {
    Channel channel(fds[0], options_.timeout);
    ClientOptions copt;
    copt.timeout = options_.timeout;
    copt.version = options_.version;
    out = run_client(policy, channel, Peer{job.world.mx, "192.0.2.25", job.world.port}, copt);
  }  // closing the client side ends the server's session
  server_thread.join();
  out.server_error = server_error;
  return out;
}

std::vector<Result> Simulator::run(const std::vector<Job>& jobs) {
  for (const Job& j : jobs) server_for(*j.scenario, j.world);  // certificates made up front
  std::vector<Result> results(jobs.size());
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < jobs.size(); i = next++) {
      results[i].job = &jobs[i];
      results[i].outcome = run_one(jobs[i]);
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, options_.threads); ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();
  return results;
}

int serve(const std::vector<const Scenario*>& scenarios, unsigned port, const std::string& pki_dir, unsigned seconds,
          const SimOptions& options, std::ostream& out) {
  Simulator sim(options);
  const World world;
  std::vector<std::pair<const ScenarioServer*, int>> listeners;
  std::ofstream fps;
  if (!pki_dir.empty()) {
    std::filesystem::create_directories(pki_dir);
    std::ofstream(pki_dir + "/ca.pem") << pem_of_cert(sim.pki().public_ca());
    fps.open(pki_dir + "/fingerprints.tsv");
    fps << "scenario\tpinned_cert_sha256\tpinned_spki_sha256\n";
  }
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const ScenarioServer& server = sim.server_for(*scenarios[i], world);
    std::string error;
    const int fd = listen_loopback(port ? port + static_cast<unsigned>(i) : 0, error);
    if (fd < 0) {
      out << "pflint: error: " << error << "\n";
      return 2;
    }
    listeners.emplace_back(&server, fd);
    out << "serving " << scenarios[i]->name << " on 127.0.0.1:" << bound_port(fd) << "\n";
    if (fps.is_open() && !server.cert().anonymous) {
      X509* pinned = scenarios[i]->pinned == "other" ? sim.pki().other() : server.cert().leaf.cert.get();
      fps << scenarios[i]->name << '\t' << hex(digest("sha256", der_of_cert(pinned))) << '\t'
          << hex(digest("sha256", der_of_spki(pinned))) << "\n";
    }
  }
  if (fps.is_open()) fps.close();
  out.flush();
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  std::vector<std::thread> threads;
  for (const auto& [server, fd] : listeners) {
    threads.emplace_back([&, server = server, fd = fd] {
      while (seconds == 0 || std::chrono::steady_clock::now() < end) {
        const int conn = accept_within(fd, millis(200));
        if (conn >= 0) std::thread([server, conn, &options] { server->serve(conn, options.timeout); }).detach();
      }
      ::close(fd);
    });
  }
  for (std::thread& t : threads) t.join();
  std::this_thread::sleep_for(millis(100));  // let detached sessions finish their last write
  return 0;
}

Outcome connect_once(const Config& config, const tls::ServicePolicy& service, const tls::EffectivePolicy& policy,
                     const std::string& host, unsigned port, const World& world, const Scenario* scenario,
                     const SimOptions& options) {
  PolicyInputs in;
  in.model = config.model.get();
  in.service = &service;
  in.policy = &policy;
  in.world = world;
  in.world.port = port;
  in.scenario = scenario;
  in.literal = true;
  Pki* no_pki = nullptr;
  std::unique_ptr<Pki> pki;
  std::unique_ptr<ScenarioServer> stand_in;
  if (scenario) {  // DNS from the scenario: records of its own certificates cannot match a real server
    pki = std::make_unique<Pki>();
    stand_in = std::make_unique<ScenarioServer>(*scenario, *pki, world);
    in.dns = dns_for(*scenario, stand_in->cert(), *pki);
    no_pki = pki.get();
  } else {
    in.dns.simulated = false;
  }
  in.pki = no_pki;
  const ClientPolicy cp = make_client_policy(in);
  if (std::optional<Outcome> early = before_connect(cp)) return *early;
  std::string address;
  std::string error;
  const int fd = connect_tcp(host, port, options.timeout, address, error);
  if (fd < 0) {
    Outcome o;
    o.reason = error;
    o.dsn = "4.4.1";
    o.level = cp.level;
    return o;
  }
  Channel channel(fd, options.timeout);
  ClientOptions copt;
  copt.timeout = options.timeout;
  copt.version = options.version;
  return run_client(cp, channel, Peer{world.mx, address, port}, copt);
}

}  // namespace pflint::sim
