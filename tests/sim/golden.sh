#!/bin/bash
# NAME
#   golden — `pflint simulate --all-levels` on the plain fixture must match
#   data/level-outcomes.json in every cell (platform divergences allowed);
#   without a CA file the verify/secure cells must differ and name
#   smtp_tls_CAfile; --expect passes and fails with the right exit status.
set -u
pflint=$1; src=$2; fx=$src/tests/sim/fixtures; fails=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fails=$((fails+1)); fi; }

out=$("$pflint" simulate -c "$fx/plain" --all-levels); rc=$?
echo "$out" | sed -n '3,25p'
check "plain config: every cell as documented (exit 0)" '[ $rc -eq 0 ]'
check "plain config: 21 scenarios x 9 columns" 'echo "$out" | grep -q "^189 simulated deliveries"'

out=$("$pflint" simulate -c "$fx/no-cafile" --all-levels --scenario trusted-mx,no-starttls); rc=$?
check "no CAfile: exit 1 (cells differ)" '[ $rc -eq 1 ]'
check "no CAfile: verify cell names smtp_tls_CAfile" 'echo "$out" | grep -A1 "trusted-mx / verify" | grep -q "smtp_tls_CAfile"'

out=$("$pflint" simulate -c "$fx/protocols" --all-levels --scenario tls12-only,trusted-mx); rc=$?
check "TLSv1.3-only mandatory protocols: tls12-only/encrypt differs" 'echo "$out" | grep -A1 "tls12-only / encrypt" | grep -q "smtp_tls_mandatory_protocols = TLSv1.3"'

"$pflint" simulate -c "$fx/plain" --expect 'smtp/unix@default:never-plaintext' --scenario trusted-mx >/dev/null; rc=$?
check "--expect never-plaintext at may with a STARTTLS server: exit 0" '[ $rc -eq 0 ]'
out=$("$pflint" simulate -c "$fx/plain" --expect 'default:never-plaintext' --scenario no-starttls,trusted-mx); rc=$?
check "--expect never-plaintext at may without STARTTLS: exit 1" '[ $rc -eq 1 ] && echo "$out" | grep -q "FAILED"'
"$pflint" simulate -c "$fx/plain" --expect 'smtp/unix@example.com:self-signed=tls' --scenario self-signed >/dev/null; rc=$?
check "--expect cell for an unlisted destination: exit 0" '[ $rc -eq 0 ]'
"$pflint" simulate -c "$fx/plain" --expect 'bogus' >/dev/null 2>&1; rc=$?
check "--expect syntax error: exit 2" '[ $rc -eq 2 ]'
exit $((fails > 0))
