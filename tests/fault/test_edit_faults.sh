#!/usr/bin/env bash
# Fault tests of every file writer: pflint postconf -e/-X/-#/-Me/-MX/-F/-P/-PX,
# check --fix and check --output, each run with one fault injected by
# fault_shim.cpp (LD_PRELOAD) at each step of the atomic replace: the
# temporary file not creatable (and, for real, a directory the user cannot
# write), write ENOSPC / short then ENOSPC, fchmod EPERM, fsync EIO, close
# EIO, rename EXDEV / EACCES, and another program changing the file between
# the read and the rename. After each: the file byte-identical (or holding
# only the other program's change), no temporary file left, a message naming
# the file, a non-zero exit. Also: a short write alone still writes the whole
# file, a symlinked main.cf, and two concurrent edit loops losing nothing.
# Usage: test_edit_faults.sh PFLINT SHIM SOURCE_DIR
set -euo pipefail
PFLINT=$1
SHIM=$2
SRC=$3
source "$SRC/tests/cli/lib.sh"
chmod 755 "$TMP"  # the unprivileged run below must reach its directory
# The shim comes before an ASan runtime in the library list (asan preset).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

main_cf='# relay host
relayhost = [smtp.example.net]:587
smtp_tls_security_level = may
smtp_use_tls = yes
'
master_cf='smtp      inet  n       -       y       -       -       smtpd
pickup    unix  n       -       y       60      1       pickup
'
# mkconf DIR - main.cf (mode 640, one safe fix: PF3001), master.cf, an old report.
mkconf() {
  rm -rf "$1"
  mkdir -p "$1"
  printf '%s' "$main_cf" > "$1/main.cf"
  printf '%s' "$master_cf" > "$1/master.cf"
  [[ $1 == */postconf-PX ]] && printf '  -o smtpd_tls_security_level=may\n' >> "$1/master.cf"
  printf 'old report\n' > "$1/report.txt"
  chmod 640 "$1/main.cf"
}
expect_files() {  # expect_files DIR "NAMES" DESCRIPTION - exactly these entries, no temporary file
  checks=$((checks + 1))
  local got
  got=$(ls -A "$1" | tr '\n' ' ')
  if [[ "$got" != "$2 " ]]; then
    echo "FAIL: $3: $1 holds '$got', expected '$2 '"
    failures=$((failures + 1))
  fi
}
expect_nonzero() {
  checks=$((checks + 1))
  if [[ "$rc" == 0 ]]; then
    echo "FAIL: $1: exit status 0 after a fault"
    failures=$((failures + 1))
  fi
}

# The writers: NAME, the file each one rewrites, the command (DIR stands for the config dir).
writers=(
  "postconf-e|main.cf|postconf -c DIR -e relayhost=[other.example]"
  "postconf-X|main.cf|postconf -c DIR -X smtp_use_tls"
  "postconf-#|main.cf|postconf -c DIR -# smtp_use_tls"
  "postconf-Me|master.cf|postconf -c DIR -Me smtp/inet=smtp_inet_n_-_n_-_-_smtpd"
  "postconf-MX|master.cf|postconf -c DIR -MX pickup/unix"
  "postconf-M#|master.cf|postconf -c DIR -M# pickup/unix"
  "postconf-F|master.cf|postconf -c DIR -F pickup/unix/process_limit=2"
  "postconf-P|master.cf|postconf -c DIR -P smtp/inet/smtpd_tls_security_level=may"
  "postconf-PX|master.cf|postconf -c DIR -PX smtp/inet/smtpd_tls_security_level"
  "check-fix|main.cf|check --fail-on never --fix DIR"
  "check-output|report.txt|check --fail-on never --output DIR/report.txt DIR"
)
# The faults at each step of the replace, and what the message must say.
faults=(
  "mkostemp:1:EACCES|Permission denied"
  "write:1:ENOSPC|No space left on device"
  "write:1:short,write:2:ENOSPC|No space left on device"
  "fchmod:1:EPERM|Operation not permitted"
  "fsync:1:EIO|Input/output error"
  "rename:1:EXDEV|Invalid cross-device link"
  "rename:1:EACCES|Permission denied"
)

# run_writer DIR CMD - the command with DIR filled in; "_" in -Me stands for a blank.
run_writer() {
  local dir=$1 cmd=$2 args=() word
  for word in $cmd; do
    word=${word//DIR/$dir}
    [[ $word == *=smtp_inet_* ]] && word=${word//_/ }
    args+=("$word")
  done
  run env LD_PRELOAD="$SHIM" PFLINT_FAULT="${PFLINT_FAULT:-}" PFLINT_FAULT_TOUCH="${PFLINT_FAULT_TOUCH:-}" \
    "$PFLINT" "${args[@]}"
}

for w in "${writers[@]}"; do
  IFS='|' read -r name file cmd <<<"$w"
  D="$TMP/$name"
  # Without a fault the writer does change the file (so the faults below are real).
  mkconf "$D"
  PFLINT_FAULT= run_writer "$D" "$cmd"
  expect_rc 0 "$name without a fault"
  checks=$((checks + 1))
  mkconf "$TMP/pristine"
  if cmp -s "$TMP/pristine/$file" "$D/$file"; then
    echo "FAIL: $name: wrote nothing without a fault"; failures=$((failures + 1))
  fi
  # A short write alone is no failure: the rest is written.
  mkconf "$D"
  PFLINT_FAULT=write:1:short run_writer "$D" "$cmd"
  cp -p "$D/$file" "$TMP/short.out"
  mkconf "$D"
  PFLINT_FAULT= run_writer "$D" "$cmd"
  expect_same "$TMP/short.out" "$D/$file" "$name: a short write still writes the whole file"

  for f in "${faults[@]}"; do
    IFS='|' read -r spec text <<<"$f"
    mkconf "$D"
    cp -p "$D/$file" "$TMP/orig"
    PFLINT_FAULT=$spec run_writer "$D" "$cmd"
    expect_nonzero "$name $spec"
    expect_same "$D/$file" "$TMP/orig" "$name $spec: $file byte-identical"
    expect_files "$D" "main.cf master.cf report.txt" "$name $spec: no temporary file"
    expect_grep err "cannot update $D/$file \\(left as it was\\): .*$text" "$name $spec: message names $file"
  done
  # Another program appends to the file while pflint writes its temporary file.
  mkconf "$D"
  cp -p "$D/$file" "$TMP/orig"
  printf 'touched = yes\n' >> "$TMP/orig"
  PFLINT_FAULT=fsync:1:touch PFLINT_FAULT_TOUCH="$D/$file" run_writer "$D" "$cmd"
  if [[ $name == check-output ]]; then
    expect_rc 0 "check-output: a report is not an edit; it replaces the file"
  else
    expect_nonzero "$name: changed between read and rename"
    expect_same "$D/$file" "$TMP/orig" "$name: the other program's change is kept, ours not written"
    expect_files "$D" "main.cf master.cf report.txt" "$name touched: no temporary file"
    expect_grep err "cannot update $D/$file \\(left as it was\\): another program changed it" "$name: says so"
  fi
done

# close(2) failing on the temporary file (NFS reports write errors there).
D="$TMP/close"
mkconf "$D"
cp -p "$D/main.cf" "$TMP/orig"
PFLINT_FAULT=close:1:EIO run_writer "$D" "postconf -c DIR -e relayhost=x"
expect_nonzero "close EIO"
expect_same "$D/main.cf" "$TMP/orig" "close EIO: main.cf byte-identical"
expect_files "$D" "main.cf master.cf report.txt" "close EIO: no temporary file"
expect_grep err "cannot update $D/main.cf \\(left as it was\\): close .*Input/output error" "close EIO: message"

# A directory the user cannot write, for real (as root: run as nobody).
D="$TMP/ro"
mkconf "$D"
chmod 666 "$D/main.cf"
cp -p "$D/main.cf" "$TMP/orig"
if [[ $(id -u) == 0 ]]; then
  run setpriv --reuid=65534 --regid=65534 --clear-groups "$PFLINT" postconf -c "$D" -e relayhost=x
else
  chmod 555 "$D"
  run "$PFLINT" postconf -c "$D" -e relayhost=x
  chmod 755 "$D"
fi
expect_nonzero "directory not writable"
expect_same "$D/main.cf" "$TMP/orig" "directory not writable: main.cf byte-identical"
expect_files "$D" "main.cf master.cf report.txt" "directory not writable: no temporary file"
expect_grep err "cannot update $D/main.cf \\(left as it was\\): create a temporary file in $D: Permission denied" \
  "directory not writable: message"

# main.cf a symbolic link: a fault leaves link and file alone; success edits the file, keeps the link.
D="$TMP/link"
rm -rf "$D" "$TMP/real"
mkconf "$TMP/real"
mkdir -p "$D"
ln -s ../real/main.cf "$D/main.cf"
cp -p "$TMP/real/main.cf" "$TMP/orig"
PFLINT_FAULT=rename:1:EIO run_writer "$D" "postconf -c DIR -e relayhost=x" || true
PFLINT_FAULT=fsync:1:EIO run_writer "$D" "postconf -c DIR -e relayhost=x"
expect_nonzero "symlink fsync EIO"
expect_same "$TMP/real/main.cf" "$TMP/orig" "symlink fsync EIO: the linked file byte-identical"
expect_files "$TMP/real" "main.cf master.cf report.txt" "symlink fsync EIO: no temporary file next to the file"
expect_files "$D" "main.cf" "symlink fsync EIO: no temporary file next to the link"
expect_grep err "cannot update $D/main.cf \\(left as it was\\): fsync $TMP/real/.main.cf.pflint-" "symlink: message"
run "$PFLINT" postconf -c "$D" -e relayhost=x
expect_rc 0 "symlink: edit"
checks=$((checks + 1))
if [[ ! -L "$D/main.cf" ]] || ! grep -qx 'relayhost = x' "$TMP/real/main.cf"; then
  echo "FAIL: symlink: the link is kept and the file it names edited"; failures=$((failures + 1))
fi

# Two edit loops at once on one main.cf: the lock serialises them, nothing is lost.
D="$TMP/concurrent"
mkconf "$D"
loop() {  # loop PREFIX - 25 edits, each adding one parameter; status 1 if any failed
  local i status=0
  for i in $(seq 1 25); do "$PFLINT" postconf -c "$D" -e "$1_$i=$i" 2>>"$TMP/concurrent.err" || status=1; done
  return $status
}
set +e
loop alpha & pa=$!
loop beta & pb=$!
wait $pa; ra=$?
wait $pb; rb=$?
set -e
checks=$((checks + 1))
n=$(grep -cE '^(alpha|beta)_[0-9]+ = ' "$D/main.cf" || true)
if [[ $ra != 0 || $rb != 0 || $n != 50 ]]; then
  echo "FAIL: concurrent edits: statuses $ra $rb, $n of 50 parameters kept"; cat "$TMP/concurrent.err"
  failures=$((failures + 1))
fi
expect_files "$D" "main.cf master.cf report.txt" "concurrent edits: no temporary file"

finish
