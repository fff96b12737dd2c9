#!/usr/bin/env python3
"""gen_main_cf.py — write a synthetic but realistic main.cf of a given size.

Usage: gen_main_cf.py OUT SIZE_MB [SEED]
Mixes single-line parameters, multi-line list values with continuation
lines, comment blocks, comments inside continuations, blank lines and
$references, in proportions similar to the stock main.cf.dist.
"""
import random
import sys

NAMES = ["smtp_tls_security_level", "smtpd_recipient_restrictions", "mynetworks", "relayhost",
         "smtp_tls_policy_maps", "virtual_alias_maps", "alias_maps", "smtpd_tls_cert_file",
         "smtp_tls_CAfile", "smtpd_banner", "myhostname", "mydestination", "header_checks",
         "smtpd_sender_restrictions", "transport_maps", "smtp_tls_mandatory_protocols"]
VALUES = ["may", "dane", "[relay.example.net]:587", "hash:/etc/postfix/virtual",
          "$myhostname ESMTP $mail_name", "/etc/ssl/certs/ca-certificates.crt", "texthash:/etc/postfix/tls_policy",
          ">=TLSv1.2", "${config_directory}/header_checks", "127.0.0.0/8 [::1]/128"]
LIST = ["permit_mynetworks,", "permit_sasl_authenticated,", "reject_unauth_destination,",
        "check_policy_service unix:private/policy,", "reject_rbl_client zen.spamhaus.org,", "192.0.2.0/24", "permit"]
COMMENTS = ["# The following parameters control outbound TLS.", "#", "# See postconf(5) for details.",
            "#relayhost = [mail.isp.example]", "    # indented comment"]


def main():
    out, size_mb = sys.argv[1], float(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    target = int(size_mb * 1024 * 1024)
    parts, size, n = [], 0, 0
    while size < target:
        r = rng.random()
        if r < 0.25:
            chunk = "\n".join(rng.choice(COMMENTS) for _ in range(rng.randint(1, 4))) + "\n"
        elif r < 0.32:
            chunk = "\n"
        elif r < 0.50:
            lines = [f"{rng.choice(NAMES)}_{n} ="] + ["    " + rng.choice(LIST) for _ in range(rng.randint(2, 6))]
            if rng.random() < 0.3:
                lines.insert(2, "# comment inside a continued value")
            chunk = "\n".join(lines) + "\n"
        else:
            chunk = f"{rng.choice(NAMES)}_{n} = {rng.choice(VALUES)}\n"
        parts.append(chunk)
        size += len(chunk)
        n += 1
    with open(out, "w") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
