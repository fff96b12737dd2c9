// NAME
//   params/host.cpp - pure parts of the host-computed defaults
//
// DESCRIPTION
//   Reimplements pcf_check_myhostname / pcf_check_mydomainname
//   (postconf/postconf_builtin.c) and mynetworks_core (global/mynetworks.c)
//   over explicit inputs. IPv4 networks print with inet_ntoa, IPv6 with
//   inet_ntop inside brackets, as Postfix does.
//
// DIAGNOSTICS
//   See params/host.hpp.
//
// SEE ALSO
//   params/host_os.cpp (the OS calls).
#include "params/host.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>

#include <algorithm>
#include <set>

#include "util/ascii.hpp"
#include "util/mystrtok.hpp"

namespace pflint::params {

namespace {

constexpr std::string_view k_def_mydomain = "localdomain";

enum class mask_style { none, class_, subnet, host, several };

// lookup_style - name_mask() over {class, subnet, host}; exactly one allowed.
mask_style lookup_style(std::string_view style) {
    mask_style found = mask_style::none;
    for (const util::Token& token : util::mystrtok(style, util::k_comma_sp)) {  // name_mask(): mystrtok, strcasecmp
        const std::string word = util::lower(token.text);
        mask_style s = mask_style::none;
        if (word == "class")
            s = mask_style::class_;
        else if (word == "subnet")
            s = mask_style::subnet;
        else if (word == "host")
            s = mask_style::host;
        else
            return mask_style::none;  // name_mask: fatal "unknown ... value"
        if (found != mask_style::none && found != s)
            return mask_style::several;
        found = s;
    }
    return found;
}

// prefix_length - leading one bits of a mask (Postfix stops at the first
// byte that is not all ones and counts its leading bits).
int prefix_length(const std::uint8_t* mask, int bytes) {
    int bits = 0;
    for (int i = 0; i < bytes; ++i) {
        std::uint8_t ch = mask[i];
        if (ch == 0xff) {
            bits += 8;
            continue;
        }
        while (ch != 0) {
            ++bits;
            ch = static_cast<std::uint8_t>(ch << 1);
        }
        break;
    }
    return bits;
}

std::string format_v4(const interface_address& a, mask_style style) {
    std::uint32_t addr = (std::uint32_t{a.addr[0]} << 24) | (std::uint32_t{a.addr[1]} << 16) |
                         (std::uint32_t{a.addr[2]} << 8) | std::uint32_t{a.addr[3]};
    std::uint32_t mask = 0;
    int len = 32;
    if (style == mask_style::class_) {
        if ((addr & 0x80000000U) == 0) {
            mask = 0xff000000U, len = 8;
        } else if ((addr & 0xc0000000U) == 0x80000000U) {
            mask = 0xffff0000U, len = 16;
        } else if ((addr & 0xe0000000U) == 0xc0000000U) {
            mask = 0xffffff00U, len = 24;
        } else {
            mask = 0xf0000000U, len = 4;  // class D; class E is fatal in Postfix
        }
    } else if (style == mask_style::subnet) {
        len = prefix_length(a.mask.data(), 4);
        mask = len == 0 ? 0 : ~std::uint32_t{0} << (32 - len);
    } else {
        mask = ~std::uint32_t{0};
    }
    const std::uint32_t net = addr & mask;
    return std::to_string(net >> 24) + "." + std::to_string((net >> 16) & 0xff) + "." +
           std::to_string((net >> 8) & 0xff) + "." + std::to_string(net & 0xff) + "/" +
           std::to_string(len);
}

std::string format_v6(const interface_address& a, mask_style style) {
    const int len = style == mask_style::host ? 128 : prefix_length(a.mask.data(), 16);
    std::array<std::uint8_t, 16> net = a.addr;
    for (int bit = len; bit < 128; ++bit)
        net[static_cast<std::size_t>(bit / 8)] &= static_cast<std::uint8_t>(~(0x80U >> (bit % 8)));
    char buf[INET6_ADDRSTRLEN] = {};
    if (inet_ntop(AF_INET6, net.data(), buf, sizeof(buf)) == nullptr)
        return {};
    return "[" + std::string(buf) + "]/" + std::to_string(len);
}

}  // namespace

std::string compute_myhostname(std::string_view host_name,
                               std::optional<std::string_view> mydomain) {
    std::string name(host_name);
    if (name.find('.') == std::string::npos)
        name.append(".").append(mydomain ? *mydomain : k_def_mydomain);
    return name;
}

std::string compute_mydomain(std::string_view myhostname) {
    const auto dot = myhostname.find('.');
    if (dot == std::string_view::npos)
        return std::string(k_def_mydomain);
    return std::string(myhostname.substr(dot + 1));
}

std::optional<std::string> compute_mynetworks(std::string_view style,
                                              std::span<const interface_address> addrs) {
    const mask_style ms = lookup_style(style);
    if (ms == mask_style::none || ms == mask_style::several)
        return std::nullopt;
    std::string result;
    std::set<std::string> seen;  // been_here duplicate filter, order preserved
    for (const interface_address& a : addrs) {
        std::string net;
        if (a.family == AF_INET)
            net = format_v4(a, ms);
        else if (a.family == AF_INET6)
            net = format_v6(a, ms);
        if (net.empty() || !seen.insert(net).second)
            continue;
        result.append(net).append(" ");
    }
    return result;
}

}  // namespace pflint::params
