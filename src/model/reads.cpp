// NAME
//   reads — which parameters a daemon certainly ignores (reads.hpp).
#include "model/reads.hpp"

#include <array>
#include <utility>

namespace pflint::model {

std::optional<std::string> not_read_by(std::string_view process_name, std::string_view parameter) {
  struct Owner {
    std::string_view prefix;
    std::string_view process;
    std::string_view role;
  };
  static constexpr std::array<Owner, 3> owners = {{
      {"smtp_", "smtp", "the SMTP client's"},
      {"lmtp_", "lmtp", "the LMTP client's"},
      {"smtpd_", "smtpd", "the SMTP server's"},
  }};
  bool known_process = false;
  for (const auto& o : owners) known_process = known_process || o.process == process_name;
  if (!known_process) return std::nullopt;
  for (const auto& o : owners) {
    if (parameter.substr(0, o.prefix.size()) != o.prefix || o.process == process_name) continue;
    return std::string(process_name) + " reads no " + std::string(o.prefix) + "* parameters: those are " +
           std::string(o.role);
  }
  return std::nullopt;
}

}  // namespace pflint::model
