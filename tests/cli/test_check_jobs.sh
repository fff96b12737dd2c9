#!/usr/bin/env bash
# CLI tests of `pflint check -j N`: on a generated repository of many configs
# (bench/gen_config_repo.py) plus templates and a missing path, the report in
# every format, stderr and the exit status are the same, byte for byte, with
# -j 1, -j 2, -j 7 and the default.
# Usage: test_check_jobs.sh PFLINT SOURCE_DIR
set -euo pipefail
PFLINT=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"

python3 "$SRC/bench/gen_config_repo.py" "$TMP/repo" 300 7 > /dev/null
mkdir -p "$TMP/repo/tpl" "$TMP/repo/zz"
printf 'myhostname = {{ hostname }}\n' > "$TMP/repo/tpl/main.cf"
printf 'smtp_connect_timeout = 30q\nbad line\n' > "$TMP/repo/zz/main.cf"

for format in text gcc json sarif github; do
  run "$PFLINT" check -j 1 --format "$format" "$TMP/repo" "$TMP/missing"
  cp "$TMP/out" "$TMP/one.out"; cp "$TMP/err" "$TMP/one.err"; one_rc=$rc
  checks=$((checks + 1))
  if [[ $(wc -c < "$TMP/one.out") -lt 30000 ]]; then echo "FAIL: $format: too little output to compare"; failures=$((failures + 1)); fi
  for jobs in 2 7 default; do
    if [[ $jobs == default ]]; then run "$PFLINT" check --format "$format" "$TMP/repo" "$TMP/missing"
    else run "$PFLINT" check -j "$jobs" --format "$format" "$TMP/repo" "$TMP/missing"; fi
    expect_rc "$one_rc" "$format -j $jobs: exit status of -j 1"
    expect_same "$TMP/out" "$TMP/one.out" "$format -j $jobs: report of -j 1"
    expect_same "$TMP/err" "$TMP/one.err" "$format -j $jobs: stderr of -j 1"
  done
done

run "$PFLINT" check -j 0 "$TMP/repo"
expect_rc 2 "-j 0 is a usage error"
finish
