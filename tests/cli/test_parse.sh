#!/usr/bin/env bash
# CLI tests of `pflint parse`, --help, --version: output, JSON, exit codes.
# Usage: test_parse.sh PFLINT SOURCE_DIR
set -euo pipefail
PFLINT=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"

run "$PFLINT" --version
expect_rc 0 "--version"
expect_grep out '^pflint [0-9]+\.[0-9]+\.[0-9]+$' "--version prints the version"

run "$PFLINT" --help
expect_rc 0 "--help"
for command in parse check rules explain simulate policy diff postconf; do
  expect_grep out "^  $command +[A-Za-z]" "--help lists $command"
done

run "$PFLINT"
expect_rc 2 "no subcommand is a usage error"

run "$PFLINT" parse "$SRC/examples/basic/main.cf" "$SRC/examples/basic/master.cf"
expect_rc 0 "bundled example parses cleanly"
expect_grep out 'parameter smtp_tls_security_level = "dane"' "outline shows parameters"
expect_grep out 'service submission/inet' "outline shows services"
expect_grep out '-o smtpd_tls_mandatory_protocols=>=TLSv1.2' "outline shows long-form -o"

printf 'a = 1\nbad line\n=x\n' > "$TMP/main.cf"
run "$PFLINT" parse "$TMP/main.cf"
expect_rc 1 "syntax errors give exit 1"
expect_grep err "^$TMP/main.cf:2:1: error: missing '=' after attribute name: \"bad line\"$" "file:line:col error"
expect_grep err "^$TMP/main.cf:3:1: error: missing attribute name: \"=x\"$" "second error reported too"

printf '  lead = 1\nb = 2\n' > "$TMP/lead.cf"
run "$PFLINT" parse --kind main "$TMP/lead.cf"
expect_rc 0 "a warning alone keeps exit 0"
expect_grep err ":1:1: warning: logical line must not start with whitespace" "leading whitespace warning"

run "$PFLINT" parse "$TMP/nonexistent.cf"
expect_rc 2 "missing file is an I/O error"
expect_grep err "No such file or directory" "I/O error names the cause"

run "$PFLINT" parse --kind bogus "$TMP/main.cf"
expect_rc 2 "bad --kind is a usage error"

run "$PFLINT" parse --json "$SRC/examples/basic/main.cf" "$SRC/examples/basic/master.cf"
expect_rc 0 "--json"
cp "$TMP/out" "$TMP/tree.json"
python3 - "$TMP/tree.json" "$SRC/examples/basic/main.cf" <<'PY' > "$TMP/out" 2>&1 && rc=0 || rc=$?
import json, sys
files = json.load(open(sys.argv[1]))
assert [f["kind"] for f in files] == ["main", "master"], "kinds"
raw = open(sys.argv[2], "rb").read().decode()
# Lossless: the items' raw text, and the tokens' text, reproduce the file.
assert "".join(i["raw"] for i in files[0]["items"]) == raw, "items reprint the file"
assert "".join(t["text"] for i in files[0]["items"] for t in i["tokens"]) == raw, "tokens reprint the file"
p = [i for i in files[0]["items"] if i["kind"] == "parameter" and i["name"] == "mynetworks"][0]
assert p["value"] == "127.0.0.0/8 [::1]/128    192.0.2.0/24", p["value"]
assert p["span"]["start"] == [8, 1, 0], p["span"]
sub = [i for i in files[1]["items"] if i["kind"] == "service" and i["fields"]["service"] == "submission"][0]
assert [(o["name"], o["value"], o["braced"]) for o in sub["overrides"]] == [
    ("syslog_name", "postfix/submission", False), ("smtpd_tls_security_level", "encrypt", False),
    ("smtpd_tls_mandatory_protocols", ">=TLSv1.2", True)], sub["overrides"]
print("json ok")
PY
expect_rc 0 "JSON matches the documented schema and is lossless"

printf 'a = \xff\xfe\x00z\n' > "$TMP/bin.cf"
run "$PFLINT" parse --json "$TMP/bin.cf"
expect_rc 0 "binary bytes still give valid JSON"
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMP/out" && rc=0 || rc=$?
expect_rc 0 "JSON with invalid UTF-8 input is valid JSON"

finish
