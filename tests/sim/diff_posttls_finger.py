#!/usr/bin/env python3
# NAME
#   diff_posttls_finger — differential test: Postfix's posttls-finger against
#   `pflint simulate --serve` test servers, compared with pflint's own
#   outcome for the same level and scenario.
# DESCRIPTION
#   Levels none, may, encrypt, fingerprint, verify, secure; every scenario of
#   the catalog. posttls-finger gets what the plain fixture configures: -F
#   (the servers' CA as smtp_tls_CAfile), the pinned sha256 fingerprint at
#   fingerprint, the MX host name at verify (match=hostname), next-hop and
#   dot-next-hop at secure. Its output is mapped onto smtp(8)'s decision
#   with the known divergences between posttls-finger and smtp(8), each
#   named and counted instead of hidden:
#     ptf-reports-not-defers  posttls-finger logs "Untrusted/Trusted TLS
#                             connection established" where smtp(8) defers
#                             ("Server certificate not verified");
#     ptf-no-plaintext-retry  after a failed handshake at may posttls-finger
#                             stops, smtp(8) defers and retries in plaintext
#                             later (PLAINTEXT_FALLBACK_OK_AFTER_STARTTLS_FAILURE);
#     ptf-no-mandatory-defer  no STARTTLS / STARTTLS refused at a mandatory
#                             level: posttls-finger just ends, smtp(8) defers;
#     ptf-no-dns              posttls-finger against an IP literal has no DNS:
#                             the dane levels are not compared.
#   Any other difference fails the test. posttls-finger missing fails it too.
# SEE ALSO
#   ../../../shared/reference/oracle.md §4, docs/simulate.md.
import json, os, re, shutil, subprocess, sys, tempfile, time

pflint, src = sys.argv[1], sys.argv[2]
ptf = shutil.which("posttls-finger") or ("/usr/sbin/posttls-finger" if os.path.exists("/usr/sbin/posttls-finger") else None)
if not ptf:
    print("FAIL: posttls-finger not found (install Debian's postfix package)")
    sys.exit(1)

LEVELS = ["none", "may", "encrypt", "fingerprint", "verify", "secure"]
work = tempfile.mkdtemp(prefix="pflint-ptf-")
serve = None
try:
    conf = os.path.join(work, "ptf")
    os.makedirs(conf)
    with open(os.path.join(conf, "main.cf"), "w") as f:
        f.write("compatibility_level = 3.6\n")
    old = time.time() - 3600
    os.utime(os.path.join(conf, "main.cf"), (old, old))  # oracle.md §2.0: no settle re-read
    pki = os.path.join(work, "pki")
    serve = subprocess.Popen([pflint, "simulate", "--serve", "all", "--port", "0", "--pki-dir", pki,
                              "--serve-seconds", "300", "--timeout", "5"], stdout=subprocess.PIPE, text=True)
    catalog = json.load(open(os.path.join(src, "data", "scenarios.json")))["scenarios"]
    ports = {}
    for line in serve.stdout:
        m = re.match(r"serving (\S+) on 127\.0\.0\.1:(\d+)", line)
        if m:
            ports[m.group(1)] = int(m.group(2))
        if len(ports) == len(catalog):
            break
    fps = {}
    for row in open(os.path.join(pki, "fingerprints.tsv")).read().splitlines()[1:]:
        name, cert_fp, spki_fp = row.split("\t")
        fps[name] = cert_fp

    sim = json.loads(subprocess.run([pflint, "simulate", "-c", os.path.join(src, "tests/sim/fixtures/plain"),
                                     "--all-levels", "--format", "json"], capture_output=True, text=True).stdout)
    ours = {(r["scenario"], r["column"]): r for r in sim["results"]}

    def finger(level, scenario):
        args = [ptf, "-c", "-t", "5", "-T", "10", "-l", level, "-F", os.path.join(pki, "ca.pem")]
        if level == "fingerprint":
            args += ["-d", "sha256"]
        args.append("[127.0.0.1]:%d" % ports[scenario])
        if level == "verify":
            args.append("mail.example.com")
        elif level == "secure":
            args += ["example.com", ".example.com"]
        elif level == "fingerprint" and scenario in fps:
            args.append(fps[scenario])
        out = subprocess.run(args, capture_output=True, text=True, timeout=30, env=dict(os.environ, MAIL_CONFIG=conf))
        return out.stdout + out.stderr

    def smtp8(level, text):
        """posttls-finger's output → what smtp(8) does, and the divergence used."""
        mandatory = level not in ("none", "may")
        m = re.search(r"(Anonymous|Untrusted|Trusted|Verified) TLS connection established", text)
        if level == "none":
            return ("plaintext", None) if not m else ("tls", None)
        if m:
            kind = m.group(1)
            if kind == "Verified":
                return "verified", None
            if level in ("fingerprint", "verify", "secure"):
                return "deferred", "ptf-reports-not-defers"
            return ("anonymous" if kind == "Anonymous" else "tls"), None
        if "SSL_connect error" in text:
            return ("deferred-then-plaintext", "ptf-no-plaintext-retry") if level == "may" else ("deferred", None)
        # no STARTTLS offered (nothing printed with -c) or STARTTLS rejected
        return ("deferred", "ptf-no-mandatory-defer") if mandatory else ("plaintext", None)

    failures, divergences, compared = [], {}, 0
    for level in LEVELS:
        for scenario in ports:
            text = finger(level, scenario)
            theirs, why = smtp8(level, text)
            mine = ours[(scenario, level)]["outcome"]
            compared += 1
            if why:
                divergences[why] = divergences.get(why, 0) + 1
            ok = mine == theirs or (theirs == "tls" and mine == "anonymous")
            if not ok:
                failures.append("%s/%s: posttls-finger → %s, pflint → %s\n      %s" %
                                (scenario, level, theirs, mine, " | ".join(l for l in text.splitlines() if "peercert" not in l)[:400]))
    print("compared %d level × scenario cells against posttls-finger (%s)" % (compared, ptf))
    for k, v in sorted(divergences.items()):
        print("  named divergence %-24s %d cells" % (k, v))
    print("  not compared: dane, dane-only (ptf-no-dns)")
    for f in failures:
        print("FAIL " + f)
    sys.exit(1 if failures else 0)
finally:
    if serve:
        serve.terminate()
        serve.wait(timeout=10)
    shutil.rmtree(work, ignore_errors=True)
