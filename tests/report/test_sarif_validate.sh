#!/usr/bin/env bash
# test_sarif_validate.sh — validates pflint's SARIF output with Microsoft's
# SARIF multitool (schema and SARIF rules), as GitHub code scanning would
# read it.
#
# Usage: test_sarif_validate.sh UNIT_TEST_BINARY WORK_DIR
#
# The unit-test case "sarif: sample for the validator" writes the sample log
# to $PFLINT_SARIF_OUT. The multitool (npm @microsoft/sarif-multitool, pinned)
# is installed once into $PFLINT_SARIF_CACHE (default
# ~/.cache/pflint-sarif) and reused. Its exit status is 0 even for invalid
# input, so the verdict comes from its result log: any result of level
# "error" fails the test. A deliberately broken copy must be rejected, which
# proves the validator really ran. If the validator cannot be installed or
# run, the test fails; it never skips.
set -euo pipefail

unit_tests=$1
work=$2
version=5.7.0
cache=${PFLINT_SARIF_CACHE:-${XDG_CACHE_HOME:-${HOME:-$work}/.cache}/pflint-sarif}
tool=$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
export DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() { echo "FAIL: $*" >&2; exit 1; }

installed_version() {
  node -p "require('$cache/node_modules/@microsoft/sarif-multitool/package.json').version" 2>/dev/null || true
}

install_validator() {
  mkdir -p "$cache"
  if [[ "$(installed_version)" != "$version" || ! -f "$tool" ]]; then
    echo "installing @microsoft/sarif-multitool@$version into $cache"
    npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
      "@microsoft/sarif-multitool@$version" || fail "npm could not install @microsoft/sarif-multitool@$version"
  fi
  [[ -f "$tool" ]] || fail "$tool missing after npm install"
  # npm 11 does not run the package's install script, which would do this.
  chmod u+x "$tool"
}

# validate SARIF RESULT — run the multitool; its console output goes to RESULT.txt.
validate() {
  rm -f "$2"
  "$cache/node_modules/.bin/sarif-multitool" validate "$1" -o "$2" >"$2.txt" 2>&1 ||
    { cat "$2.txt" >&2; fail "the validator did not run"; }
  [[ -s "$2" ]] || { cat "$2.txt" >&2; fail "the validator wrote no result log"; }
}

# count_errors RESULT — print every finding of the validator; echo the number of errors last.
count_errors() {
  node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    let errors = 0;
    for (const r of log.runs[0].results || []) {
      const level = r.level || "warning";
      if (level === "error") errors++;
      const args = (r.message && r.message.arguments) || [];
      console.error(`  ${level} ${r.ruleId}: ${args.join(" | ")}`);
    }
    console.log(errors);' "$1"
}

command -v node >/dev/null || fail "node is not installed"
command -v npm >/dev/null || fail "npm is not installed"
mkdir -p "$work"
sample=$work/sample.sarif
broken=$work/broken.sarif
rm -f "$sample"

PFLINT_SARIF_OUT=$sample "$unit_tests" --test-case="sarif: sample for the validator" >/dev/null ||
  fail "the unit test that writes the sample failed"
[[ -s "$sample" ]] || fail "no SARIF written to $sample"

if command -v flock >/dev/null; then
  mkdir -p "$cache"
  exec 9>"$cache/.lock"
  flock 9
fi
install_validator

# The control: a region starting at line 0 and a result without a message.
node -e '
  const fs = require("fs");
  const log = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const r = log.runs[0].results.find(x => x.locations);
  r.locations[0].physicalLocation.region.startLine = 0;
  delete r.message;
  fs.writeFileSync(process.argv[2], JSON.stringify(log));' "$sample" "$broken"
validate "$broken" "$work/broken.result.sarif"
broken_errors=$(count_errors "$work/broken.result.sarif" 2>/dev/null)
((broken_errors >= 2)) || fail "the validator accepted a broken log ($broken_errors errors); it is not validating"

validate "$sample" "$work/sample.result.sarif"
echo "validator findings for $sample:"
errors=$(count_errors "$work/sample.result.sarif")
if ((errors != 0)); then
  cat "$work/sample.result.sarif.txt" >&2
  fail "$errors SARIF validation errors"
fi
echo "PASS: $sample is valid SARIF 2.1.0 (multitool $version; broken control rejected with $broken_errors errors)"
