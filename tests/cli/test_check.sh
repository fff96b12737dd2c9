#!/usr/bin/env bash
# CLI tests of `pflint check`, `pflint rules`, `pflint explain`: inputs
# (dir, file, repository, templates), selection, exit codes, formats, --output.
# Usage: test_check.sh PFLINT SOURCE_DIR
set -euo pipefail
PFLINT=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"

mkdir -p "$TMP/repo/a/postfix" "$TMP/repo/b" "$TMP/repo/.git/postfix" "$TMP/repo/tpl"
printf 'myhostname = mx.example.net\nsmtp_tls_securty_level = encrypt\n' > "$TMP/repo/a/postfix/main.cf"
printf 'smtp inet n - y - - smtpd\n' > "$TMP/repo/a/postfix/master.cf"
printf 'smtp_connect_timeout = 30q\n' > "$TMP/repo/b/main.cf"
printf 'bad line\n' > "$TMP/repo/.git/postfix/main.cf"
printf 'myhostname = {{ hostname }}\n' > "$TMP/repo/tpl/main.cf"
printf 'myhostname = {{ hostname }}\n' > "$TMP/repo/tpl/main.cf.j2"

run "$PFLINT" check --format gcc "$TMP/repo"
expect_rc 1 "findings at warning level give exit 1"
expect_grep out "a/postfix/main.cf:2:1: warning: unknown parameter smtp_tls_securty_level.*\[PF2001\]" "repository search finds nested configs"
expect_grep out "b/main.cf:1:24: error: smtp_connect_timeout must be a time.*\[PF2004\]" "second config in the repository"
checks=$((checks + 1)); if grep -q "\.git" "$TMP/out"; then echo "FAIL: .git was searched"; failures=$((failures + 1)); fi

run "$PFLINT" check "$TMP/repo"
expect_grep out "tpl/main.cf: skipped: looks like a template" "templates are reported as skipped"
expect_grep out "tpl/main.cf.j2: skipped: template" "template file names are skipped"
expect_grep out "1 error, 1 warning in 2 configs, 2 files skipped" "text summary"

# A template found by its text while loading: only that file is left out of
# its config; skipped files come sorted by path, whatever the walk's order.
mkdir -p "$TMP/mixed/z" "$TMP/mixed/a"
printf 'myhostname = mx.example.net\n' > "$TMP/mixed/z/main.cf"
printf 'smtp inet n - y - - smtpd\n<%% if x %%>\n' > "$TMP/mixed/z/master.cf"
printf 'myhostname = {%% x %%}\n' > "$TMP/mixed/a/main.cf"
run "$PFLINT" check --format json "$TMP/mixed"
checks=$((checks + 1))
if ! python3 - "$TMP/out" "$TMP/mixed" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); d = sys.argv[2]
assert r["checked"] == [d + "/z"], r["checked"]
assert [s["path"] for s in r["skipped"]] == [d + "/a/main.cf", d + "/z/master.cf"], r["skipped"]
assert all("looks like a template" in s["reason"] for s in r["skipped"])
assert r["summary"]["configs"] == 1 and r["summary"]["skipped"] == 2
PY
then echo "FAIL: templates found while loading"; failures=$((failures + 1)); fi
run "$PFLINT" check --include-templates --format gcc "$TMP/mixed"
expect_grep out "z/master.cf:2:1: error: bad field count.*\[PF1005\]" "--include-templates checks a template-looking master.cf"
run "$PFLINT" check --include-templates "$TMP/mixed"
expect_grep out "in 2 configs" "--include-templates counts both configs"

run "$PFLINT" check --fail-on error --ignore PF2004 "$TMP/repo"
expect_rc 0 "--fail-on error with only warnings left gives 0"
run "$PFLINT" check --fail-on never "$TMP/repo"
expect_rc 0 "--fail-on never"
run "$PFLINT" check --select PF2001 --format gcc "$TMP/repo"
expect_grep out "PF2001" "--select keeps the rule"
checks=$((checks + 1)); if grep -q PF2004 "$TMP/out"; then echo "FAIL: --select PF2001 still shows PF2004"; failures=$((failures + 1)); fi
run "$PFLINT" check --ignore PF2 "$TMP/repo"
expect_rc 0 "--ignore by prefix, and the path after it stays a path"
run "$PFLINT" check --select PF9,,PF2001, --select PF2004 --format gcc "$TMP/repo"
expect_grep out "PF2001" "--select: comma lists, empty items dropped, repeated"
expect_grep out "PF2004" "--select: the second --select adds to the first"
run "$PFLINT" check --select '' --format gcc "$TMP/repo"
expect_grep out "PF2004" "--select '' (an empty \$VAR) selects every rule, as no --select does"

run "$PFLINT" check --format gcc "$TMP/repo/b/main.cf"
expect_rc 1 "a single file"
expect_grep out "b/main.cf:1:24" "single-file findings"

printf 'relayhost = [a]\nbad line\n' > "$TMP/fatal.cf"
run "$PFLINT" check --fail-on never "$TMP/fatal.cf"
expect_rc 2 "a file Postfix cannot read gives exit 2"
run "$PFLINT" check "$TMP/does-not-exist"
expect_rc 2 "missing path gives exit 2"
expect_grep err "does-not-exist: No such file or directory" "missing path is named"
run "$PFLINT" check --format yaml "$TMP/repo"
expect_rc 2 "bad --format is a usage error"
run "$PFLINT" check --postfix-version banana "$TMP/repo"
expect_rc 2 "bad --postfix-version is a usage error"
expect_grep err "bad Postfix version" "bad version is explained"

# --output writes atomically and keeps the mode of an existing file.
printf 'old\n' > "$TMP/report.sarif"; chmod 0640 "$TMP/report.sarif"
run "$PFLINT" check --format sarif --output "$TMP/report.sarif" "$TMP/repo"
expect_rc 1 "--output keeps the exit status"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"]=="2.1.0" and d["runs"][0]["results"]' \
  "$TMP/report.sarif" && rc=0 || rc=$?
expect_rc 0 "--output holds the SARIF report"
checks=$((checks + 1)); [[ $(stat -c %a "$TMP/report.sarif") == 640 ]] || { echo "FAIL: mode not kept"; failures=$((failures + 1)); }
checks=$((checks + 1)); [[ -z $(ls "$TMP" | grep pflint-) ]] || { echo "FAIL: temp file left"; failures=$((failures + 1)); }

# A report that cannot be written (full disk) is an error, not a pass.
set +e
"$PFLINT" check --fail-on never "$SRC/examples/basic" > /dev/full 2>"$TMP/err"
rc=$?
set -e
expect_rc 2 "a write error on stdout gives exit 2"
expect_grep err "cannot write the report to standard output" "the write error is reported"

# Suppressions end to end.
printf '# pflint: disable=PF2001\nsmtp_tls_securty_level = encrypt\n' > "$TMP/sup.cf"
run "$PFLINT" check "$TMP/sup.cf"
expect_rc 0 "a suppressed finding does not count"

# The version changes what is known: a 3.9 parameter on a 3.7 target.
printf 'smtp_tls_enable_rpk = yes\n' > "$TMP/new.cf"
run "$PFLINT" check --format gcc "$TMP/new.cf"
expect_grep out "is a Postfix 3.9 parameter" "a parameter of a newer Postfix is reported"
run "$PFLINT" check --format gcc --postfix-version 3.10 "$TMP/new.cf"
checks=$((checks + 1)); if grep -q PF2001 "$TMP/out"; then echo "FAIL: 3.10 should know smtp_tls_enable_rpk"; failures=$((failures + 1)); fi
PFLINT_POSTFIX_VERSION=3.10 run "$PFLINT" check --format gcc "$TMP/new.cf"
checks=$((checks + 1)); if grep -q PF2001 "$TMP/out"; then echo "FAIL: PFLINT_POSTFIX_VERSION ignored"; failures=$((failures + 1)); fi

run "$PFLINT" rules
expect_rc 0 "rules"
expect_grep out "^PF3001  obsolete-tls-parameter" "the catalog lists PF3001"
expect_grep out "^PF3001  obsolete-tls-parameter  *warning  *all  *safe  " "the catalog shows a rule's fix class"
expect_grep out "^PF3017  dane-without-dnssec  .* unsafe  " "an unsafe fix is shown as unsafe"
expect_grep out "^PF3016  .* no fix  " "a rule without a fix says so"
run "$PFLINT" explain PF2001
expect_grep out "^## Problematic config" "explain prints the doc"
run "$PFLINT" explain PF9999
expect_rc 2 "unknown code"

# An expansion that doubles at every level: Postfix never finishes it;
# pflint postconf stops with a fatal error, pflint check reports PF2010 fast.
mkdir -p "$TMP/boom"
{ echo 'smtpd_banner = $b0'; for i in $(seq 0 39); do echo "b$i = \$b$((i + 1)) \$b$((i + 1))"; done; echo 'b40 = x'; } > "$TMP/boom/main.cf"
run timeout 20 "$PFLINT" postconf -c "$TMP/boom" -nx
expect_rc 1 "postconf -nx stops an unbounded expansion with exit 1"
expect_grep err 'fatal: expansion of "[^"]*" stopped after 10001 lookups' "postconf says why it stopped"
run timeout 20 "$PFLINT" check --select PF2010 "$TMP/boom"
expect_rc 1 "check finishes on an unbounded expansion"
expect_grep out "main.cf:1:16: error: expanding smtpd_banner grows without bound \(smtpd_banner -> \\\$b0 -> \\\$b1" "PF2010 names the chain"

finish
