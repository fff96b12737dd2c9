#!/usr/bin/env bash
# CLI tests of `pflint diff`: two directories, a Git repository made here
# with two commits (--git REV..REV and --git REV against the working tree),
# the three formats, --fail-on-weaken, usage and Git errors, and that
# nothing is checked out or written.
# Usage: test_diff.sh PFLINT SOURCE_DIR
set -euo pipefail
PFLINT=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"

# --- two directories ---------------------------------------------------------
cp -r "$SRC/examples/basic" "$TMP/old"
cp -r "$SRC/examples/basic" "$TMP/new"
run "$PFLINT" diff "$TMP/old" "$TMP/new"
expect_rc 0 "identical directories"
expect_grep out '^0 of 1 config changed, 0 weaken TLS$' "nothing changed"

sed -i 's/^smtp_tls_security_level = dane$/smtp_tls_security_level = may/' "$TMP/new/main.cf"
run "$PFLINT" diff "$TMP/old" "$TMP/new"
expect_rc 0 "a weakening without --fail-on-weaken"
expect_grep out '^  service smtp/unix$' "service block"
expect_grep out '^    level +dane  \[.*/old/main\.cf:12, smtp_tls_security_level\]$' "old level with origin"
expect_grep out '^      → +may  \[.*/new/main\.cf:12, smtp_tls_security_level\]$' "new level with origin"
expect_grep out 'WEAKENS: level lowered: dane → may \(loses peer authentication\)' "weakening named"
run "$PFLINT" diff --fail-on-weaken "$TMP/old" "$TMP/new"
expect_rc 1 "--fail-on-weaken"
run "$PFLINT" diff --fail-on-weaken "$TMP/new" "$TMP/old"
expect_rc 0 "raising the level is no weakening"

run "$PFLINT" diff --format json "$TMP/old" "$TMP/new"
expect_rc 0 "--format json"
cp "$TMP/out" "$TMP/diff.json"
python3 - "$TMP/diff.json" <<'PY' > "$TMP/out" 2>&1 && rc=0 || rc=$?
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == 1 and d["weakens"] is True, d
c = d["configs"][0]
assert set(c) == {"name", "old_dir", "new_dir", "weakens", "scopes", "findings"}, c.keys()
s = c["scopes"][0]
assert s["service"] == "smtp/unix" and s["destination"] is None and s["presence"] == "both", s
ch = next(x for x in s["changes"] if x["item"] == "level")
assert ch["old"]["value"] == "dane" and ch["new"]["value"] == "may", ch
assert ch["old"]["origin"].endswith("old/main.cf:12, smtp_tls_security_level"), ch
assert ch["weakening"].startswith("level lowered"), ch
assert {"added", "resolved"} == set(c["findings"]), c["findings"]
print("ok")
PY
expect_rc 0 "JSON shape (docs/diff-json.md)"
expect_grep out '^ok$' "JSON checked"

run "$PFLINT" diff --format markdown "$TMP/old" "$TMP/new"
expect_rc 0 "--format markdown"
expect_grep out '^## pflint diff `.*/old` → `.*/new`$' "markdown title"
expect_grep out '^\| scope \| setting \| old \| new \| \|$' "markdown table header"
expect_grep out '^\| service smtp/unix \| level \| `dane` <sub>.*</sub> \| `may` <sub>.*</sub> \| \*\*weakens\*\*: level lowered' "markdown row"

run "$PFLINT" diff "$TMP/old"
expect_rc 2 "one directory without --git"
run "$PFLINT" diff "$TMP/old" "$TMP/nonexistent"
expect_rc 2 "missing directory"
expect_grep err 'nonexistent: No such file or directory' "missing directory named"

# --- a Git repository with two commits ---------------------------------------
REPO="$TMP/repo"
mkdir -p "$REPO/relay" "$REPO/edge"
git -C "$REPO" init -q
git -C "$REPO" config user.name "pflint test"
git -C "$REPO" config user.email "test@example.invalid"
git -C "$REPO" config commit.gpgsign false
cp "$SRC/examples/basic/"* "$REPO/relay/"
cat > "$REPO/edge/main.cf" <<'CF'
compatibility_level = 3.6
smtp_tls_security_level = encrypt
CF
printf 'smtp      unix  -       -       y       -       -       smtp\n' > "$REPO/edge/master.cf"
git -C "$REPO" add -A
git -C "$REPO" commit -qm one
# Second commit: the relay/unix -o override weakened and a policy-table entry removed.
sed -i 's/^  -o smtp_tls_security_level=verify$/  -o smtp_tls_security_level=may/' "$REPO/relay/master.cf"
sed -i '/^partner\.example/d' "$REPO/relay/tls_policy"
git -C "$REPO" commit -qam two
HEAD_BEFORE=$(git -C "$REPO" rev-parse HEAD)

run "$PFLINT" diff --git HEAD~1..HEAD "$REPO"
expect_rc 0 "--git REV..REV"
expect_grep out '^pflint diff HEAD~1 → HEAD$' "revisions as labels"
expect_grep out '^config relay$' "the changed config, by its directory"
expect_grep out '^    level +verify  \[.*relay/master\.cf:[0-9]+ \(-o of relay/unix\), smtp_tls_security_level\]$' "-o origin in the old revision"
expect_grep out 'WEAKENS: level lowered: verify → may' "-o weakening"
expect_grep out '^  smtp/unix → partner\.example$' "removed table entry: destination still compared"
expect_grep out 'WEAKENS: falls back from the policy entry for partner\.example to the global level' "fallback named"
expect_grep out '^1 of 2 configs changed, 1 weakens TLS$' "edge unchanged"
run "$PFLINT" diff --git HEAD~1..HEAD --fail-on-weaken --format json "$REPO/edge"
expect_rc 0 "an unchanged path: no weakening"
expect_grep out '"skipped_unchanged": 1' "the unchanged config is checked once"

# Working tree as the new side: a weakening not yet committed.
sed -i 's/^smtp_tls_security_level = encrypt$/smtp_tls_security_level = may/' "$REPO/edge/main.cf"
(cd "$REPO" && "$PFLINT" diff --git HEAD --fail-on-weaken edge) >"$TMP/out" 2>"$TMP/err" && rc=0 || rc=$?
expect_rc 1 "--git REV against the working tree, from inside the repository"
expect_grep out '^pflint diff HEAD → working tree$' "working tree label"
expect_grep out 'level lowered: encrypt → may' "uncommitted weakening"
git -C "$REPO" checkout -q -- edge/main.cf

checks=$((checks + 1))
if [[ -n "$(git -C "$REPO" status --porcelain)" || "$(git -C "$REPO" rev-parse HEAD)" != "$HEAD_BEFORE" ]]; then
  echo "FAIL: diff --git changed the repository"; git -C "$REPO" status --porcelain | head
  failures=$((failures + 1))
fi

run "$PFLINT" diff --git no-such-rev..HEAD "$REPO"
expect_rc 2 "unknown revision"
expect_grep err '^pflint: error: .*no-such-rev' "git's message"
run "$PFLINT" diff --git HEAD "$TMP/old"
expect_rc 2 "not a repository"

finish
