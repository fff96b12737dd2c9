#!/usr/bin/env python3
"""postconf_gen.py — config directories for bench/postconf_bench.sh.

Usage: postconf_gen.py OUTDIR
Writes OUTDIR/main60/ (a 60-line Debian-style main.cf with TLS and SASL) and
OUTDIR/main20k/ (a 20,000-line main.cf that sets every built-in parameter
to its default, taken from `postconf -d`, with list values spread over
continuation lines and comment blocks in between, like main.cf.dist), each
with Debian's stock master.cf, and sets every mtime one hour back (postconf
sleeps and re-reads files whose mtime is within a second of "now").
"""
import os
import subprocess
import sys
import time

STOCK_MASTER = "/usr/share/postfix/master.cf.dist"
POSTCONF = "/usr/sbin/postconf"

MAIN60 = """\
# See /usr/share/postfix/main.cf.dist for a commented, more complete version


# Debian specific:  Specifying a file name will cause the first
# line of that file to be used as the name.  The Debian default
# is /etc/mailname.
#myorigin = /etc/mailname

smtpd_banner = $myhostname ESMTP $mail_name (Debian/GNU)
biff = no

# appending .domain is the MUA's job.
append_dot_mydomain = no

# Uncomment the next line to generate "delayed mail" warnings
#delay_warning_time = 4h

readme_directory = no

# See http://www.postfix.org/COMPATIBILITY_README.html -- default to 3.6 on
# fresh installs.
compatibility_level = 3.6

# TLS parameters
smtpd_tls_cert_file = /etc/ssl/certs/ssl-cert-snakeoil.pem
smtpd_tls_key_file = /etc/ssl/private/ssl-cert-snakeoil.key
smtpd_tls_security_level = may
smtpd_tls_mandatory_protocols = >=TLSv1.2
smtpd_tls_protocols = >=TLSv1.2

smtp_tls_CApath = /etc/ssl/certs
smtp_tls_security_level = dane
smtp_dns_support_level = dnssec
smtp_tls_session_cache_database = btree:${data_directory}/smtp_scache
smtp_tls_policy_maps = texthash:/etc/postfix/tls_policy
smtp_tls_mandatory_protocols = >=TLSv1.2

# SASL
smtpd_sasl_type = dovecot
smtpd_sasl_path = private/auth
smtpd_sasl_auth_enable = yes
smtpd_sasl_security_options = noanonymous, noplaintext
smtpd_sasl_tls_security_options = noanonymous

smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination
smtpd_recipient_restrictions =
    permit_mynetworks,
    permit_sasl_authenticated,
    reject_unauth_destination
myhostname = mail.example.test
alias_maps = hash:/etc/aliases
alias_database = hash:/etc/aliases
myorigin = /etc/mailname
mydestination = $myhostname, example.test, localhost.localdomain, localhost
relayhost =
mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128
mailbox_size_limit = 0
recipient_delimiter = +
inet_interfaces = all
inet_protocols = all
"""

# Parameters whose assignment would change what postconf reads or warn.
SKIP = {"config_directory", "process_id", "process_name", "service_name"}
LIST_HINTS = ("_maps", "_restrictions", "_domains", "mynetworks", "_checks", "_sites")


def main20k(target_lines=20000):
    d = subprocess.run([POSTCONF, "-d"], capture_output=True, text=True, check=True).stdout
    params = []
    for line in d.splitlines():
        name, _, value = line.partition(" =")
        if name in SKIP or not name:
            continue
        params.append((name, value.lstrip(" ")))
    lists = [i for i, (n, _) in enumerate(params) if any(h in n for h in LIST_HINTS)]
    # 1 line per parameter, 3-line comment block before every 4th, and the
    # rest as continuation lines of list-valued parameters.
    base = len(params) + 3 * ((len(params) + 3) // 4)
    extra = max(0, target_lines - base)
    per_list, rest = divmod(extra, len(lists))
    out = []
    k = 0
    for i, (name, value) in enumerate(params):
        if i % 4 == 0:
            out += [f"# {name.replace('_', ' ')}", "#", f"#{name} = {value}".rstrip()]
        out.append(f"{name} = {value}".rstrip() if value else f"{name} =")
        if i in lists:
            n = per_list + (1 if k < rest else 0)
            k += 1
            for j in range(n):
                if j % 10 == 9:
                    out.append("    # entries added for the benchmark")
                else:
                    out.append(f"    hash:/etc/postfix/{name}_{j}" if "mynetworks" not in name
                               else f"    192.0.2.{j % 250}/32")
    assert len(out) == target_lines, len(out)
    return "\n".join(out) + "\n"


def write(d, main_cf):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "main.cf"), "w") as f:
        f.write(main_cf)
    with open(STOCK_MASTER, "rb") as src, open(os.path.join(d, "master.cf"), "wb") as dst:
        dst.write(src.read())
    past = time.time() - 3600
    for f in ("main.cf", "master.cf"):
        os.utime(os.path.join(d, f), (past, past))


def main():
    out = sys.argv[1]
    assert MAIN60.count("\n") == 60, MAIN60.count("\n")
    write(os.path.join(out, "main60"), MAIN60)
    write(os.path.join(out, "main20k"), main20k())


if __name__ == "__main__":
    main()
