// NAME
//   params/host.hpp - defaults that Postfix computes on the running host
//
// DESCRIPTION
//   myhostname, mydomain, mynetworks and process_id have no fixed default;
//   postconf computes them (postconf_builtin.c pcf_check_myhostname,
//   pcf_check_mydomainname, pcf_mynetworks; global/mynetworks.c). The pure
//   functions here take their inputs explicitly so they can be tested; the
//   few OS calls (gethostname, getifaddrs, getpid) live in host_os.cpp.
//
// DIAGNOSTICS
//   compute_mynetworks() returns std::nullopt for a mynetworks_style that is
//   not exactly one of class/subnet/host (Postfix: "bad mynetworks_style
//   value ...; specify exactly one value").
//
// SEE ALSO
//   Postfix global/mynetworks.c, util/inet_addr_local.c, util/get_hostname.c.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pflint::params {

// compute_myhostname - the host name; if it has no dot, append "." and
// $mydomain (when main.cf sets it, already expanded) or "localdomain".
// **Example**: compute_myhostname("vm", std::nullopt) == "vm.localdomain".
std::string compute_myhostname(std::string_view host_name,
                               std::optional<std::string_view> mydomain);

// compute_mydomain - what follows the first dot of myhostname, or
// "localdomain" when there is no dot ("a.b" -> "b", as Postfix 3.7 does).
std::string compute_mydomain(std::string_view myhostname);

// One interface address with its netmask, as getifaddrs(3) reports it.
struct interface_address {
    int family = 0;                      // AF_INET or AF_INET6
    std::array<std::uint8_t, 16> addr{};  // network byte order; IPv4 uses 4 bytes
    std::array<std::uint8_t, 16> mask{};
};

// compute_mynetworks - global/mynetworks.c over the given addresses:
// "class" (IPv4 natural nets; IPv6 as subnet), "subnet" or "host", in
// interface order, duplicates removed, each followed by one space exactly
// like Postfix's internal value (postconf's printer drops the final space).
// Style names match case-insensitively (name_mask).
std::optional<std::string> compute_mynetworks(std::string_view style,
                                              std::span<const interface_address> addrs);

// ---- OS-dependent (host_os.cpp) ----

// system_host_name - gethostname(2), as get_hostname() uses it.
std::string system_host_name();

// local_interface_addresses - inet_interfaces = all: the addresses of all
// interfaces that are up, IPv4 first then IPv6 (inet_protocols order for
// "all"), skipping wildcard addresses. `inet_protocols` is "all", "ipv4",
// "ipv6" or a list of those (comma/space separated).
std::vector<interface_address> local_interface_addresses(std::string_view inet_protocols = "all");

// current_process_id - getpid(2): the process_id default.
long current_process_id();

}  // namespace pflint::params
