// NAME
//   params/host_os.cpp - the OS calls behind host-computed defaults
//
// DESCRIPTION
//   gethostname(2), getifaddrs(3) and getpid(2), kept in one small file.
//   Interface enumeration follows util/inet_addr_local.c ial_getifaddrs():
//   interfaces that are up, wildcard addresses skipped, one pass per
//   address family in inet_protocols order (IPv4 then IPv6 for "all").
//
// DIAGNOSTICS
//   Failures yield an empty host name or an empty address list.
//
// SEE ALSO
//   params/host.hpp
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <climits>
#include <cstring>

#include "params/host.hpp"

namespace pflint::params {

namespace {

void append_family(const ifaddrs* list, int family, std::vector<interface_address>& out) {
    for (const ifaddrs* ifa = list; ifa != nullptr; ifa = ifa->ifa_next) {
        if ((ifa->ifa_flags & IFF_UP) == 0 || ifa->ifa_addr == nullptr ||
            ifa->ifa_addr->sa_family != family || ifa->ifa_netmask == nullptr)
            continue;
        interface_address a;
        a.family = family;
        if (family == AF_INET) {
            sockaddr_in sa{};
            sockaddr_in ma{};
            std::memcpy(&sa, ifa->ifa_addr, sizeof(sa));
            std::memcpy(&ma, ifa->ifa_netmask, sizeof(ma));
            if (sa.sin_addr.s_addr == INADDR_ANY)
                continue;
            std::memcpy(a.addr.data(), &sa.sin_addr, 4);
            std::memcpy(a.mask.data(), &ma.sin_addr, 4);
        } else {
            sockaddr_in6 sa{};
            sockaddr_in6 ma{};
            std::memcpy(&sa, ifa->ifa_addr, sizeof(sa));
            std::memcpy(&ma, ifa->ifa_netmask, sizeof(ma));
            if (IN6_IS_ADDR_UNSPECIFIED(&sa.sin6_addr))
                continue;
            std::memcpy(a.addr.data(), &sa.sin6_addr, 16);
            std::memcpy(a.mask.data(), &ma.sin6_addr, 16);
        }
        out.push_back(a);
    }
}

bool mentions(std::string_view list, std::string_view word) {
    std::size_t pos = 0;
    while ((pos = list.find(word, pos)) != std::string_view::npos) {
        const bool start_ok = pos == 0 || list[pos - 1] == ',' || list[pos - 1] == ' ' ||
                              list[pos - 1] == '\t';
        const std::size_t end = pos + word.size();
        const bool end_ok = end == list.size() || list[end] == ',' || list[end] == ' ' ||
                            list[end] == '\t';
        if (start_ok && end_ok)
            return true;
        pos = end;
    }
    return false;
}

}  // namespace

std::string system_host_name() {
    char buf[HOST_NAME_MAX + 1] = {};
    if (gethostname(buf, sizeof(buf) - 1) != 0)
        return {};
    return buf;
}

std::vector<interface_address> local_interface_addresses(std::string_view inet_protocols) {
    std::vector<interface_address> out;
    ifaddrs* list = nullptr;
    if (getifaddrs(&list) != 0)
        return out;
    const bool all = mentions(inet_protocols, "all");
    if (all || mentions(inet_protocols, "ipv4"))
        append_family(list, AF_INET, out);
    if (all || mentions(inet_protocols, "ipv6"))
        append_family(list, AF_INET6, out);
    freeifaddrs(list);
    return out;
}

long current_process_id() { return static_cast<long>(getpid()); }

}  // namespace pflint::params
