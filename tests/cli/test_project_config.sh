#!/usr/bin/env bash
# CLI tests of `.pflint.toml`: found by walking up from each config set,
# [[overrides]] by glob, command line over the file, --config / --no-config,
# --show-settings with origins, and FILE:LINE:COL errors.
# Usage: test_project_config.sh PFLINT SOURCE_DIR
set -euo pipefail
PFLINT=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"
cd "$TMP"
mkdir -p repo/legacy/h1 repo/new repo/sub/inner
printf 'smtp_tls_securty_level = encrypt\nsmtp_use_tls = yes\n' > repo/legacy/h1/main.cf
cp repo/legacy/h1/main.cf repo/new/main.cf
cp repo/legacy/h1/main.cf repo/sub/inner/main.cf
cat > repo/.pflint.toml <<'TOML'
ignore = ["PF3001"]
fail-on = "error"

[[overrides]]
paths = ["legacy/**"]
postfix-version = "3.12"
TOML
printf 'select = ["PF3001"]\n' > repo/sub/.pflint.toml

run "$PFLINT" check --format gcc repo
expect_rc 0 "fail-on from the file"
expect_grep out "legacy/h1/main.cf:1:1: warning: unknown parameter smtp_tls_securty_level: Postfix 3.12 ignores" "an override pins a version by glob"
expect_grep out "new/main.cf:1:1: warning: unknown parameter smtp_tls_securty_level: Postfix 3.7.11 ignores" "outside the glob: the default version"
expect_grep out "sub/inner/main.cf:2:16: .*\[PF3001\]" "the nearest .pflint.toml applies to a config set"
checks=$((checks + 1)); if grep -Eq "(legacy|new)/.*PF3001" out; then echo "FAIL: ignore from the file"; failures=$((failures + 1)); fi

run "$PFLINT" check --format gcc --fail-on warning --postfix-version 3.7 repo/new
expect_rc 1 "the command line wins over the file"
run "$PFLINT" check --format gcc --no-config repo/new
expect_grep out "PF3001" "--no-config reads no file"
printf 'select = ["PF2001"]\n' > other.toml
run "$PFLINT" check --format gcc --config other.toml repo
checks=$((checks + 1)); if grep -qv "PF2001" out; then echo "FAIL: --config applies its file to every path"; cat out; failures=$((failures + 1)); fi

run "$PFLINT" check --show-settings --ignore PF2 repo/legacy/h1
expect_rc 0 "--show-settings"
expect_grep out 'postfix-version = "3.12"  \(.*repo/.pflint.toml:6:19\)' "a value from the file names its place"
expect_grep out 'ignore = \["PF2"\]  \(command line\)' "a value from the command line says so"
expect_grep out 'include-templates = false  \(default\)' "a default says so"

for bad in 'selec = ["PF1"]|1:1: unknown key selec' 'fail-on = "sometimes"|1:11: fail-on must be' \
           'postfix-version = "3.x"|1:19: bad Postfix version' 'select = "PF1"|1:10: select must be an array' \
           '[[overrides]]\npaths = ["a[b"]|2:9: unclosed \[' '[[overrides]]\nfail-on = "info"\npaths = ["x"]|2:1: unknown key fail-on in \[\[overrides\]\]' \
           'x = [|[0-9]+:[0-9]+: '; do
  printf "${bad%%|*}\n" > bad.toml
  run "$PFLINT" check --config bad.toml repo
  expect_rc 2 "bad config: ${bad%%|*}"
  expect_grep err "bad.toml:${bad#*|}" "error with line and column: ${bad%%|*}"
done
finish
