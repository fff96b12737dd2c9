#!/usr/bin/env python3
"""gen_config_repo.py — a synthetic repository of Postfix config directories.

Usage: gen_config_repo.py OUT_DIR COUNT [SEED]
Each directory gets a main.cf of 40-80 lines (realistic parameters, TLS
settings drawn from common choices — some obsolete, some contradictory —,
continuation lines and comments) and Debian's stock master.cf with a relay
entry carrying -o overrides. About one in five uses a texthash policy table.
"""
import os
import random
import sys

STOCK_MASTER = "/usr/share/postfix/master.cf.dist"
LEVELS = ["may", "encrypt", "dane", "verify", "secure", "none", "fingerprint"]
BASE = """# generated config {n}
compatibility_level = {compat}
myhostname = mx{n}.example.net
mydomain = example.net
myorigin = $mydomain
mydestination = $myhostname, localhost.$mydomain, localhost
inet_interfaces = all
mynetworks = 127.0.0.0/8 [::1]/128
    192.0.2.0/24
# restrictions
smtpd_recipient_restrictions =
    permit_mynetworks,
    reject_unauth_destination
alias_maps = hash:/etc/aliases
alias_database = hash:/etc/aliases
smtpd_tls_cert_file = /etc/ssl/certs/mx.pem
smtpd_tls_key_file = /etc/ssl/private/mx.key
smtpd_tls_security_level = may
message_size_limit = 52428800
mailbox_size_limit = 0
recipient_delimiter = +
"""


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    master = open(STOCK_MASTER).read() if os.path.exists(STOCK_MASTER) else ""
    master += "relay-out unix - - n - - smtp\n  -o smtp_tls_security_level=verify\n  -o smtp_helo_name=$myhostname\n"
    for n in range(count):
        d = os.path.join(out, f"host{n:05d}", "postfix")
        os.makedirs(d, exist_ok=True)
        lines = [BASE.format(n=n, compat=rng.choice(["2", "3.6", "3.6", "3.11"]))]
        level = rng.choice(LEVELS)
        lines.append(f"smtp_tls_security_level = {level}\n")
        if rng.random() < 0.3:
            lines.append("smtp_use_tls = yes\nsmtp_enforce_tls = yes\n")
        if rng.random() < 0.5:
            lines.append("smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\n")
        if rng.random() < 0.4:
            lines.append(rng.choice(["smtp_tls_mandatory_protocols = !SSLv2, !SSLv3\n",
                                     "smtp_tls_mandatory_protocols = >=TLSv1.2\n",
                                     "smtp_tls_protocols = !SSLv2,!SSLv3,!TLSv1,!TLSv1.1\n"]))
        if level == "dane" and rng.random() < 0.7:
            lines.append("smtp_dns_support_level = dnssec\n")
        if rng.random() < 0.5:
            lines.append("relayhost = [smtp.example.net]:587\n")
        if rng.random() < 0.2:
            lines.append("smtp_tls_policy_maps = texthash:${config_directory}/tls_policy\n")
            with open(os.path.join(d, "tls_policy"), "w") as f:
                f.write("example.org secure match=nexthop:dot-nexthop\n[relay.example]:587 encrypt\n")
        for k in range(rng.randint(5, 25)):
            lines.append(f"# tuning {k}\nsmtp_destination_concurrency_limit = {rng.randint(2, 40)}\n")
        with open(os.path.join(d, "main.cf"), "w") as f:
            f.write("".join(lines))
        with open(os.path.join(d, "master.cf"), "w") as f:
            f.write(master)


if __name__ == "__main__":
    main()
