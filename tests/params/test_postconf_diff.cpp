// Differential test of src/params against the real Postfix on this machine:
// `postconf -c DIR -d` with an empty main.cf must print exactly our names
// known at default_version() (3.7.11) with exactly our default strings.
// Service-defined names are checked a second time with a real master.cf
// (/etc/postfix/master.cf, else Debian's /usr/share/postfix/master.cf.dist).
//
// Documented exceptions (computed on the host, compared our way):
//   myhostname, mydomain, mynetworks - compute_* over this host's data;
//     mynetworks compared without the final space (postconf's printer drops it)
//   process_id - postconf's own pid: any positive integer is accepted.
// The test FAILS (does not skip) when postconf is missing: CI installs it.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "params/host.hpp"
#include "params/params.hpp"

using namespace pflint::params;
namespace fs = std::filesystem;

namespace {

constexpr const char* k_postconf = "/usr/sbin/postconf";

struct temp_dir {
    fs::path path;
    temp_dir() {
        std::string tmpl = (fs::temp_directory_path() / "pflint-params-XXXXXX").string();
        if (mkdtemp(tmpl.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        path = tmpl;
    }
    ~temp_dir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
};

// run_postconf_d - name -> value from `postconf -c DIR -d`.
std::map<std::string, std::string> run_postconf_d(const fs::path& dir) {
    std::map<std::string, std::string> out;
    const std::string cmd = std::string(k_postconf) + " -c '" + dir.string() + "' -d 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE_MESSAGE(pipe != nullptr, "cannot run ", cmd);
    std::string text;
    char buf[8192];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0)
        text.append(buf, n);
    const int status = pclose(pipe);
    REQUIRE_MESSAGE(status == 0, cmd, " failed:\n", text);
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const auto eq = line.find(" =");
        REQUIRE_MESSAGE(eq != std::string::npos, "unexpected postconf line: ", line);
        std::string value = line.size() > eq + 3 ? line.substr(eq + 3) : std::string();
        out[line.substr(0, eq)] = value;
    }
    return out;
}

// master_services - (service name, command) of each master.cf entry.
std::vector<std::pair<std::string, std::string>> master_services(const fs::path& master_cf) {
    std::vector<std::pair<std::string, std::string>> out;
    std::ifstream in(master_cf);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line[0] == ' ' || line[0] == '\t')
            continue;  // comments and continuation lines
        std::istringstream fields(line);
        std::string f[8];
        int i = 0;
        while (i < 8 && fields >> f[i])
            ++i;
        if (i == 8)
            out.emplace_back(f[0], f[7]);
    }
    return out;
}

// expected_value - our default string for p at the default version.
std::string expected_value(const param_info& p) {
    const Version v = default_version();
    if (p.name == "myhostname")
        return compute_myhostname(system_host_name(), std::nullopt);
    if (p.name == "mydomain")
        return compute_mydomain(compute_myhostname(system_host_name(), std::nullopt));
    if (p.name == "mynetworks") {
        // -d: mynetworks_style evaluates with compatibility_level at its default (0).
        auto c = compat_default(*find_param("mynetworks_style"), v);
        REQUIRE(c.has_value());
        const std::string_view style = c->old_value;  // level 0 < 2
        std::string nets = compute_mynetworks(style, local_interface_addresses("all")).value_or("?");
        while (!nets.empty() && nets.back() == ' ')
            nets.pop_back();
        return nets;
    }
    return std::string(default_value(p, v));
}

void compare(const std::map<std::string, std::string>& got,
             const std::map<std::string, std::string>& want) {
    std::size_t missing = 0, extra = 0, different = 0;
    for (const auto& [name, value] : want) {
        auto it = got.find(name);
        if (it == got.end()) {
            ++missing;
            MESSAGE("pflint knows ", name, " but postconf -d does not print it");
            continue;
        }
        if (name == "process_id") {
            CHECK_MESSAGE(std::atol(it->second.c_str()) > 0, "process_id = ", it->second);
            continue;
        }
        if (it->second != value) {
            ++different;
            MESSAGE(name, ": postconf -d says [", it->second, "], pflint says [", value, "]");
        }
    }
    for (const auto& [name, value] : got)
        if (want.find(name) == want.end()) {
            ++extra;
            MESSAGE("postconf -d prints ", name, " = ", value, " which pflint does not know");
        }
    CHECK(missing == 0);
    CHECK(extra == 0);
    CHECK(different == 0);
}

}  // namespace

TEST_CASE("params: differential against real postconf -d (built-in names)") {
    REQUIRE_MESSAGE(access(k_postconf, X_OK) == 0,
                    k_postconf, " is missing: install Debian's postfix package (see "
                    "/work/shared/reference/tools.md); this test must not be skipped");
    temp_dir dir;
    std::ofstream(dir.path / "main.cf").close();
    std::ofstream(dir.path / "master.cf").close();
    const auto got = run_postconf_d(dir.path);

    std::map<std::string, std::string> want;
    for (const param_info* p : known_params(default_version()))
        want[std::string(p->name)] = expected_value(*p);
    CHECK(got.size() == 831);
    compare(got, want);
}

TEST_CASE("params: differential against real postconf -d (service-defined names)") {
    REQUIRE_MESSAGE(access(k_postconf, X_OK) == 0, k_postconf, " is missing");
    fs::path master = "/etc/postfix/master.cf";
    if (!fs::exists(master))
        master = "/usr/share/postfix/master.cf.dist";
    REQUIRE_MESSAGE(fs::exists(master), "no master.cf to test with");
    temp_dir dir;
    std::ofstream(dir.path / "main.cf").close();
    fs::copy_file(master, dir.path / "master.cf");
    const auto got = run_postconf_d(dir.path);

    std::map<std::string, std::string> want;
    for (const param_info* p : known_params(default_version()))
        want[std::string(p->name)] = expected_value(*p);
    std::size_t service_names = 0;
    for (const auto& [service, command] : master_services(master))
        for (service_param& sp : service_params(service, command, default_version()))
            if (want.emplace(sp.name, sp.default_value()).second)
                ++service_names;
    CHECK(service_names > 0);
    compare(got, want);
}
