# lib.sh — tiny assertion helpers for the CLI test scripts (sourced).
# Each script runs commands, compares results, and exits 1 if any check failed.
failures=0
checks=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run CMD... — run a command, keep stdout/stderr/status in $TMP/out,err,$rc.
run() {
  set +e
  "$@" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  set -e
}
expect_rc() {
  checks=$((checks + 1))
  if [[ "$rc" != "$1" ]]; then
    echo "FAIL: $2: exit status $rc, expected $1"; sed 's/^/  stderr: /' "$TMP/err" | head -20
    failures=$((failures + 1))
  fi
}
expect_grep() {  # expect_grep FILE(out|err) REGEX DESCRIPTION
  checks=$((checks + 1))
  if ! grep -Eq -- "$2" "$TMP/$1"; then
    echo "FAIL: $3: /$2/ not found in $1"; sed "s/^/  $1: /" "$TMP/$1" | head -20
    failures=$((failures + 1))
  fi
}
expect_same() {  # expect_same FILE1 FILE2 DESCRIPTION
  checks=$((checks + 1))
  if ! cmp -s "$1" "$2"; then
    echo "FAIL: $3: $1 and $2 differ"; diff <(od -c "$1" | head -40) <(od -c "$2" | head -40) | head -20
    failures=$((failures + 1))
  fi
}
finish() {
  echo "$((checks - failures)) passed, $failures failed"
  [[ $failures -eq 0 ]]
}
