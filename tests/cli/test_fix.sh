#!/usr/bin/env bash
# CLI tests of `pflint check --fix`, `--unsafe-fixes` and `--diff`: what is
# written (bytes, mode), exit statuses, the summary, the diff against GNU
# diff -u, single files and several config dirs, a file Postfix cannot read,
# and the real postconf -n before and after a safe fix.
# Usage: test_fix.sh PFLINT SOURCE_DIR
set -euo pipefail
PFLINT=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"

# mkconf DIR — a config with two safe fixes (PF3001, PF3005) and an unsafe one (PF2001).
mkconf() {
  mkdir -p "$1"
  printf '%s\n' '# relay host' 'relayhost = [smtp.example.net]:587' '' 'smtp_tls_security_level = may' \
    'smtp_use_tls = yes' '# protocols, continued' 'smtp_tls_mandatory_protocols = !SSLv2,' \
    '    !SSLv3, !TLSv1, !TLSv1.1' 'smtp_tls_securty_level = encrypt' > "$1/main.cf"
  printf 'smtp inet n - y - - smtpd\n' > "$1/master.cf"
  chmod 640 "$1/main.cf"
}
expect_text() {  # expect_text FILE EXPECTED DESCRIPTION
  printf '%s' "$2" > "$TMP/expected"
  expect_same "$1" "$TMP/expected" "$3"
}
fixed_main='# relay host
relayhost = [smtp.example.net]:587

smtp_tls_security_level = may
# protocols, continued
smtp_tls_mandatory_protocols = >=TLSv1.2
smtp_tls_securty_level = encrypt
'

# --diff: prints GNU diff -u's hunks, writes nothing, exit 1.
mkconf "$TMP/d"
cp "$TMP/d/main.cf" "$TMP/orig.cf"
run "$PFLINT" check --diff "$TMP/d"
expect_rc 1 "--diff with changes exits 1"
expect_same "$TMP/d/main.cf" "$TMP/orig.cf" "--diff writes nothing"
expect_grep out "^--- a/${TMP#/}/d/main.cf\$" "diff header a/"
expect_grep out "^\+\+\+ b/${TMP#/}/d/main.cf\$" "diff header b/"
expect_grep err "would fix 2 findings \(PF3001: 1, PF3005: 1\), 2 remaining" "--diff summary"
tail -n +3 "$TMP/out" > "$TMP/ours.diff"
printf '%s' "$fixed_main" > "$TMP/fixed.cf"
set +e; diff -u "$TMP/orig.cf" "$TMP/fixed.cf" | tail -n +3 > "$TMP/gnu.diff"; set -e
expect_same "$TMP/ours.diff" "$TMP/gnu.diff" "--diff hunks are those of diff -u"

# --fix: safe fixes written atomically, mode kept, remaining findings reported.
run "$PFLINT" check --fix "$TMP/d"
expect_rc 1 "--fix exits by the remaining findings (PF2001 is a warning)"
expect_text "$TMP/d/main.cf" "$fixed_main" "--fix writes the safe fixes, every other byte kept"
checks=$((checks + 1))
if [[ $(stat -c %a "$TMP/d/main.cf") != 640 ]]; then echo "FAIL: mode not kept: $(stat -c %a "$TMP/d/main.cf")"; failures=$((failures + 1)); fi
expect_grep out "unknown parameter smtp_tls_securty_level.*\[PF2001\]" "remaining findings are reported"
expect_grep err "fixed 2 findings \(PF3001: 1, PF3005: 1\), 2 remaining" "--fix summary per code"
checks=$((checks + 1)); if grep -q "PF3001\]" "$TMP/out"; then echo "FAIL: a fixed finding is reported"; failures=$((failures + 1)); fi

# A second run changes nothing; --diff then exits 0 with no output.
cp "$TMP/d/main.cf" "$TMP/once.cf"
run "$PFLINT" check --fix "$TMP/d"
expect_same "$TMP/d/main.cf" "$TMP/once.cf" "second --fix is a no-op"
expect_grep err "fixed 0 findings, 2 remaining" "second --fix summary"
run "$PFLINT" check --diff "$TMP/d"
expect_rc 0 "--diff without changes exits 0"
checks=$((checks + 1)); if [[ -s "$TMP/out" ]]; then echo "FAIL: --diff printed something"; failures=$((failures + 1)); fi

# --unsafe-fixes applies the rename too; the name it gives is then set
# twice, and the next pass of the loop drops the overridden earlier line.
run "$PFLINT" check --fix --unsafe-fixes "$TMP/d"
expect_grep err "fixed 2 findings \(PF2001: 1, PF2003: 1\)" "--unsafe-fixes applies the unsafe fix, then PF2003's"
expect_text "$TMP/d/main.cf" '# relay host
relayhost = [smtp.example.net]:587

# protocols, continued
smtp_tls_mandatory_protocols = >=TLSv1.2
smtp_tls_security_level = encrypt
' "the renamed line is the one left"
checks=$((checks + 1)); if grep -q securty "$TMP/d/main.cf"; then echo "FAIL: unsafe fix not applied"; failures=$((failures + 1)); fi

# Selection: --select and --ignore as in check.
mkconf "$TMP/s"
run "$PFLINT" check --fix --select PF3005 "$TMP/s"
expect_grep err "fixed 1 finding \(PF3005: 1\)" "--select limits the fixes"
cp "$TMP/s/main.cf" "$TMP/sel"
expect_grep sel "^smtp_use_tls = yes$" "an unselected finding is not fixed"

# A single file, and several config dirs at once.
mkconf "$TMP/f"
run "$PFLINT" check --fix "$TMP/f/main.cf"
expect_text "$TMP/f/main.cf" "$fixed_main" "--fix with a single file"
mkconf "$TMP/m1"; mkconf "$TMP/m2"
run "$PFLINT" check --diff "$TMP/m1" "$TMP/m2"
expect_grep out "^\+\+\+ b/${TMP#/}/m2/main.cf\$" "--diff covers every config dir"
run "$PFLINT" check --fix "$TMP/m1" "$TMP/m2"
expect_grep err "fixed 4 findings \(PF3001: 2, PF3005: 2\)" "--fix over two config dirs"
expect_text "$TMP/m2/main.cf" "$fixed_main" "second config dir fixed"

# A file Postfix cannot read is never written.
mkdir -p "$TMP/bad"
printf 'smtp_tls_security_level = may\nsmtp_use_tls = yes\nno equals here\n' > "$TMP/bad/main.cf"
cp "$TMP/bad/main.cf" "$TMP/bad.orig"
run "$PFLINT" check --fix "$TMP/bad"
expect_rc 2 "a fatal syntax error still exits 2"
expect_same "$TMP/bad/main.cf" "$TMP/bad.orig" "a file with a fatal syntax error is not written"

# The real postconf: a safe fix of an ignored switch removes exactly that line.
if [[ -x /usr/sbin/postconf ]]; then
  mkdir -p "$TMP/pc"
  printf '%s\n' '# client TLS' 'relayhost = [smtp.example.net]:587' 'smtp_use_tls = yes' \
    'smtp_tls_security_level = may' 'smtp_tls_loglevel = 1' > "$TMP/pc/main.cf"
  printf 'smtp inet n - y - - smtpd\n' > "$TMP/pc/master.cf"
  /usr/sbin/postconf -n -c "$TMP/pc" > "$TMP/pc.before" 2>"$TMP/pc.err.before"
  run "$PFLINT" check --fix "$TMP/pc"
  /usr/sbin/postconf -n -c "$TMP/pc" > "$TMP/pc.after" 2>"$TMP/pc.err.after"
  set +e; diff "$TMP/pc.before" "$TMP/pc.after" | grep '^[<>]' > "$TMP/pc.diff"; set -e
  printf '< smtp_use_tls = yes\n' > "$TMP/pc.expected"
  expect_same "$TMP/pc.diff" "$TMP/pc.expected" "postconf -n differs only by the removed line"
  expect_same "$TMP/pc.err.after" "$TMP/pc.err.before" "postconf warns no more after the fix"
else
  echo "skipped: /usr/sbin/postconf not installed (differential part)"
fi

finish
