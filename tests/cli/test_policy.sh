#!/usr/bin/env bash
# CLI tests of `pflint policy`: text and JSON output, origins, exit codes.
# Usage: test_policy.sh PFLINT SOURCE_DIR
set -euo pipefail
PFLINT=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"
FIX="$SRC/tests/tls/fixtures/policy"

run "$PFLINT" policy -c "$FIX"
expect_rc 0 "policy on the fixture"
expect_grep out '^service smtp/unix \(smtp_\* parameters\)$' "smtp service listed"
expect_grep out '^  level +may  \[.*main\.cf:6, smtp_tls_security_level\]$' "global level with its main.cf origin"
expect_grep out '^  ignored +smtp_enforce_tls = yes  \[.*main\.cf:5\]$' "obsolete setting ignored under an explicit level"
expect_grep out '^  destination \.example\.com$' "parent-domain entry listed"
expect_grep out '^    level +secure  \[.*/tls_policy:3, level\]$' "table entry origin file:line"
expect_grep out '^    match +\.example\.com example\.com  \[.*/tls_policy:3, match\]$' "match= split on colons"
expect_grep out '^    digest +sha256  \[default, smtp_tls_fingerprint_digest\]$' "fingerprint digest at compat 3.6"
expect_grep out '^    level +invalid \("encrypt"\)' "match= at encrypt makes the destination invalid"
expect_grep out '^    level +encrypt  \[.*main\.cf:10, level\]$' "inline: entry origin in main.cf"
expect_grep out 'TLSv1\.4 → invalid: TLSv1\.4' "unknown protocol token"
expect_grep out '^  level +dane  \[.*master\.cf:3 \(-o of relay/unix\), smtp_tls_security_level\]$' "-o origin"
expect_grep out '^    level +verify  \[.*/per_site:1, per-site\]$' "per-site table used when policy maps are empty"
expect_grep out '^service lmtp/unix \(lmtp_\* parameters\)$' "lmtp service"
expect_grep out '^  level +none  \[default, lmtp_tls_security_level\]$' "lmtp default level"

run "$PFLINT" policy -c "$FIX" --postfix-version 3.11 --compatibility-level 3.11 --format json
expect_rc 0 "--format json"
cp "$TMP/out" "$TMP/policy.json"
python3 - "$TMP/policy.json" <<'PY' > "$TMP/out" 2>&1 && rc=0 || rc=$?
import json, sys
d = json.load(open(sys.argv[1]))
assert d["postfix_version"] == "3.11" and d["compatibility_level"] == "3.11", d["postfix_version"]
smtp = d["services"][0]
assert smtp["name"] == "smtp/unix" and smtp["policy"]["level"] == "may"
assert [o["name"] for o in smtp["global"]["obsolete_ignored"]] == ["smtp_enforce_tls"]
dests = {p["destination"]: p for p in smtp["destinations"]}
assert list(dests) == ["example.com", ".example.com", "[mx.fp.example]", "broken.example",
                       "[relay.example.net]:587", "legacy.example"], list(dests)
sec = dests[".example.com"]
assert sec["level_setting"]["origin"]["kind"] == "table" and sec["level_setting"]["origin"]["line"] == 3
assert sec["protocols"]["enabled"] == ["TLSv1.2", "TLSv1.3"], sec["protocols"]
assert sec["protocols"]["origin"]["parameter"] == "smtp_tls_mandatory_protocols"
assert [e["cipher"] for e in sec["ciphers"]["exclusions"]] == ["aNULL"]
assert sec["trust"]["CAfile"]["origin"]["line"] == 7
assert dests["broken.example"]["valid"] is False
assert dests["legacy.example"]["protocols"]["unknown"] == ["TLSv1.4"]
relay = d["services"][1]
assert relay["global"]["origin"]["kind"] == "master.cf" and relay["policy"]["dane"]["problems"] == []
assert [t["status"] for t in d["tables"]][:2] == ["read", "read"], d["tables"]
PY
expect_rc 0 "JSON content"

# A DANE level whose prerequisites fail: the level used (and its settings)
# come first, the configured one is kept beside it.
mkdir -p "$TMP/danefb"
printf 'smtp_tls_security_level = dane\nsmtp_host_lookup = native\nsmtp_tls_mandatory_protocols = >=TLSv1.3\n' \
  > "$TMP/danefb/main.cf"
run "$PFLINT" policy -c "$TMP/danefb"
expect_rc 0 "policy with a DANE fallback"
expect_grep out '^  level +may \(configured dane, not usable: .*dnssec lookups disabled\)  \[.*main\.cf:1, smtp_tls_security_level\]$' "used level first, configured level and reason beside it"
expect_grep out '^  protocols +.*\[default, smtp_tls_protocols\]$' "the fallback level's opportunistic protocols"
run "$PFLINT" policy -c "$TMP/danefb" --format json
expect_rc 0 "--format json with a DANE fallback"
cp "$TMP/out" "$TMP/danefb.json"
python3 - "$TMP/danefb.json" <<'PY' > "$TMP/out" 2>&1 && rc=0 || rc=$?
import json, sys
p = json.load(open(sys.argv[1]))["services"][0]["policy"]
assert p["level"] == "may" and p["configured_level"] == "dane", p
assert "dnssec lookups disabled" in p["level_reason"], p["level_reason"]
assert p["protocols"]["origin"]["parameter"] == "smtp_tls_protocols", p["protocols"]
assert p["match"]["kind"] == "none", p["match"]
PY
expect_rc 0 "JSON: level, configured_level, level_reason"

run "$PFLINT" policy -c "$TMP/nonexistent"
expect_rc 2 "missing directory"
expect_grep err "No such directory" "missing directory named"

mkdir -p "$TMP/bad"
printf 'smtp_tls_security_level = may\nbad line\n' > "$TMP/bad/main.cf"
run "$PFLINT" policy -c "$TMP/bad"
expect_rc 2 "main.cf syntax error"
expect_grep err "^$TMP/bad/main.cf:2:1: error: missing '=' after attribute name" "file:line:col error"

run "$PFLINT" policy -c "$FIX" --format yaml
expect_rc 2 "bad --format is a usage error"

finish
