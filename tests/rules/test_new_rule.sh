#!/usr/bin/env bash
# tools/new_rule.py against a temporary copy of rules/: the scaffold it
# writes (header, designated RuleInfo, every doc section, empty check; it
# compiles), its sorted line in rules.def, the refusals (code or name in
# use, malformed code or name), and --check catching an unsorted list, a
# listed file that is missing and a rules/PF*.cpp that is not listed.
# Usage: test_new_rule.sh SOURCE_DIR CXX
set -euo pipefail
SRC=$1
CXX=$2
source "$SRC/tests/cli/lib.sh"
NEW="python3 $SRC/tools/new_rule.py"
ROOT="$TMP/root"
mkdir -p "$ROOT"
cp -r "$SRC/rules" "$ROOT/rules"
DEF="$ROOT/rules/rules.def"

run $NEW --root "$ROOT" --check
expect_rc 0 "--check on the repository's list"

run $NEW PF3034 some-rule-name --severity warning --summary "a summary of the new rule" --root "$ROOT"
expect_rc 0 "new rule PF3034"
FILE="$ROOT/rules/PF3034_some_rule_name.cpp"
cp "$FILE" "$TMP/out"
expect_grep out '^// PF3034 some-rule-name — a summary of the new rule\.$' "house header comment"
expect_grep out '^const lint::RuleInfo PF3034_info\{$' "RuleInfo definition"
expect_grep out '^    \.code = "PF3034",$' ".code"
expect_grep out '^    \.name = "some-rule-name",$' ".name"
expect_grep out '^    \.severity = lint::Severity::warning,$' ".severity"
expect_grep out '^    \.summary = "a summary of the new rule",$' ".summary"
expect_grep out '^    \.doc = R"md\(## What it flags$' ".doc starts with the first section"
for title in "Why it matters" "Problematic config" "Correct config" "Exceptions" "How to fix" "Fix"; do
  expect_grep out "^## $title\$" "doc section $title"
done
expect_grep out '^    \.fix = lint::FixClass::none,$' ".fix class, none until a fix is written"
expect_grep out '^void check_PF3034\(lint::CheckContext& context\) \{$' "empty check_PF3034"
cp "$DEF" "$TMP/out"
expect_grep out '^PFLINT_RULE\(PF3034, PF3034_some_rule_name\)$' "line added to rules.def"
grep -n '^PFLINT_RULE' "$DEF" | grep -A1 -B1 PF3034 | cut -d' ' -f1 > "$TMP/out"
printf 'PFLINT_RULE(PF3033,\nPFLINT_RULE(PF3034,\nPFLINT_RULE(PF4001,\n' > "$TMP/want"
sed -i 's/^[0-9]*://' "$TMP/out"
expect_same "$TMP/out" "$TMP/want" "PF3034 inserted between PF3033 and PF4001"
run $NEW --root "$ROOT" --check
expect_rc 0 "--check after adding PF3034"
run "$CXX" -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror -I "$SRC" -I "$SRC/src" "$FILE"
expect_rc 0 "the scaffold compiles"

run $NEW PF1000 first-rule --severity info --summary "first" --root "$ROOT"
expect_rc 0 "a code before every other"
grep '^PFLINT_RULE' "$DEF" | head -1 > "$TMP/out"
expect_grep out '^PFLINT_RULE\(PF1000, PF1000_first_rule\)$' "PF1000 is the first line"

cp "$DEF" "$TMP/def.before"
run $NEW PF3001 another-name --severity error --summary "x" --root "$ROOT"
expect_rc 1 "refuses a code in use"
expect_grep err 'PF3001 is already listed' "says the code is in use"
run $NEW PF3099 missing-equals --severity error --summary "x" --root "$ROOT"
expect_rc 1 "refuses a name in use"
expect_grep err 'missing-equals is already used by rules/PF1001_missing_equals.cpp' "says which rule has the name"
for code in PF301 PF30344 PF9001 PF0001 pf3035 XX3035; do
  run $NEW "$code" fresh-name --severity warning --summary "x" --root "$ROOT"
  expect_rc 1 "refuses the malformed code $code"
done
run $NEW PF3035 Bad_Name --severity warning --summary "x" --root "$ROOT"
expect_rc 1 "refuses a name that is not kebab-case"
run $NEW PF3035 fresh-name --severity fatal --summary "x" --root "$ROOT"
expect_rc 1 "refuses an unknown severity"
expect_same "$DEF" "$TMP/def.before" "refusals leave rules.def alone"
ls "$ROOT/rules" | grep -c '^PF3099\|^PF3035\|^PF9001' > "$TMP/out" || true
echo 0 > "$TMP/want"
expect_same "$TMP/out" "$TMP/want" "refusals write no rule file"

# --check: unsorted, missing file, unlisted file.
sed -i 's/^PFLINT_RULE(PF2001, PF2001_unknown_parameter)$/PFLINT_RULE(PF2001, PF2001_unknown_parameter)\nPFLINT_RULE(PF1009, PF1009_carriage_return)/' "$DEF"
sed -i '0,/^PFLINT_RULE(PF1009, PF1009_carriage_return)$/{//d}' "$DEF"
run $NEW --root "$ROOT" --check
expect_rc 1 "--check fails on an unsorted list"
expect_grep err 'PF1009 is not sorted after PF2001' "names the line out of order"
cp "$TMP/def.before" "$DEF"
echo 'PFLINT_RULE(PF5999, PF5999_no_such_rule)' >> "$DEF"
run $NEW --root "$ROOT" --check
expect_rc 1 "--check fails on a listed file that does not exist"
expect_grep err 'rules/PF5999_no_such_rule.cpp does not exist' "names the missing file"
cp "$TMP/def.before" "$DEF"
cp "$ROOT/rules/PF1001_missing_equals.cpp" "$ROOT/rules/PF1010_stray_rule.cpp"
run $NEW --root "$ROOT" --check
expect_rc 1 "--check fails on an unlisted rule file"
expect_grep err 'rules/PF1010_stray_rule.cpp is not listed' "names the unlisted file"
finish
