// NAME
//   reads — does a Postfix daemon read a parameter at all?
// DESCRIPTION
//   A master.cf `-o name=value` only matters when the entry's command reads
//   `name`. pflint answers "no" only where that is certain from the name's
//   prefix: the SMTP client (smtp) reads smtp_* and not lmtp_* or smtpd_*,
//   the LMTP client (the same program run as lmtp) reads lmtp_* and not
//   smtp_* or smtpd_*, the SMTP server (smtpd) reads smtpd_* and not smtp_*
//   or lmtp_*. Anything else is "maybe": many daemons read shared names, and
//   a value may reach another through $name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pflint::model {

// not_read_by - why the daemon `process_name` certainly ignores `parameter`
// ("smtpd reads no smtp_* parameters: those are the SMTP client's"), or
// nullopt when it may read it.
std::optional<std::string> not_read_by(std::string_view process_name, std::string_view parameter);

}  // namespace pflint::model
