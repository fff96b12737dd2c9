#!/usr/bin/env bash
# CLI tests of `pflint check --write-baseline / --baseline`: a recorded
# finding stays recorded after lines added above and reindentation, a new
# one is reported, a fixed one is counted stale, SARIF partialFingerprints
# carry the baseline's fingerprints, and a bad baseline is an error.
# Usage: test_baseline.sh PFLINT SOURCE_DIR
set -euo pipefail
PFLINT=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"
cd "$TMP"
mkdir c
printf 'myhostname = mx.example.net\nsmtp_tls_securty_level = encrypt\nsmtp_use_tls = yes\nsmtp_tls_security_level = dane\n' > c/main.cf
printf 'smtp inet n - y - - smtpd\nrelay unix - - n - - smtp\n  -o smtp_tls_security_level=bogus\n' > c/master.cf

run "$PFLINT" check --format sarif --output before.sarif --write-baseline base.json c
expect_rc 0 "--write-baseline exits 0 with findings"
expect_grep err "wrote 3 findings to the baseline base.json" "--write-baseline says how many"
expect_grep base.json '"subject": "relay/unix"' "a master.cf finding is about its entry"

run "$PFLINT" check --baseline base.json c
expect_rc 0 "everything recorded: exit 0"
expect_grep out "no findings in 1 config" "recorded findings are left out"
expect_grep err "left out 3 recorded findings; 0 entries stale" "the count of findings left out"

# Lines above, white space around = and between master.cf fields, continuation indentation.
printf '# TLS\n#\nmydomain = example.net\n\nmyhostname=mx.example.net\nsmtp_tls_securty_level   =   encrypt\nsmtp_use_tls = yes\nsmtp_tls_security_level = dane\n' > c/main.cf
printf '# services\nsmtp   inet  n  -  y  -  -  smtpd\nrelay  unix  -  -  n  -  -  smtp\n\t-o smtp_tls_security_level=bogus\n' > c/master.cf
run "$PFLINT" check --baseline base.json c
expect_rc 0 "moved and reindented: still recorded"
expect_grep err "left out 3 recorded findings; 0 entries stale" "moved findings match their entries"
run "$PFLINT" check --format sarif --output after.sarif c
checks=$((checks + 1))
if ! python3 - before.sarif after.sarif base.json <<'PY'
import json, sys
prints = [sorted(r["partialFingerprints"]["pflintIdentity/v1"] for r in json.load(open(f))["runs"][0]["results"])
          for f in sys.argv[1:3]]
base = sorted(e["fingerprint"] for e in json.load(open(sys.argv[3]))["findings"])
assert prints[0] == prints[1] == base, (prints, base)
PY
then echo "FAIL: SARIF partialFingerprints are the baseline's, before and after the edit"; failures=$((failures + 1)); fi

# A new finding is reported (exit 1); a fixed one leaves a stale entry.
printf 'myhostname = mx.example.net\nsmtp_tls_securty_level = encrypt\nsmtp_tls_security_level = dane\nsmtpd_tls_loglevl = 1\n' > c/main.cf
run "$PFLINT" check --format gcc --baseline base.json c
expect_rc 1 "a new finding fails"
expect_grep out "main.cf:4:1: warning: unknown parameter smtpd_tls_loglevl" "the new finding is reported"
checks=$((checks + 1)); if [[ $(wc -l < "$TMP/out") -ne 1 ]]; then echo "FAIL: only the new finding is reported"; cat "$TMP/out"; failures=$((failures + 1)); fi
expect_grep err "left out 2 recorded findings; 1 entries stale" "the fixed finding is counted stale"

printf 'not json' > bad.json
run "$PFLINT" check --baseline bad.json c
expect_rc 2 "a broken baseline is an error"
expect_grep err "bad.json: not a pflint baseline" "the error names the file"
run "$PFLINT" check --baseline missing.json c
expect_rc 2 "a missing baseline is an error"
run "$PFLINT" check --baseline base.json --write-baseline new.json c
expect_rc 2 "--baseline and --write-baseline together are a usage error"
finish
