#!/bin/bash
# NAME
#   simulate_bench — `pflint simulate --all-levels` over the whole catalog
#   (target <= 1 s wall on 2 cores), and time per handshake against
#   posttls-finger's whole-process time on the same --serve server (target
#   <= 0.5x), side by side in one run.
# USAGE
#   bench/simulate_bench.sh [PFLINT] [RUNS]   (PFLINT default build/release/src/cli/pflint)
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
pflint=${1:-$here/build/release/src/cli/pflint}
runs=${2:-5}
ptf=$(command -v posttls-finger || echo /usr/sbin/posttls-finger)
work=$(mktemp -d)
trap 'kill $serve_pid 2>/dev/null; wait $serve_pid 2>/dev/null; rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

# 1. --all-levels over the whole catalog
times=()
for _ in $(seq "$runs"); do
  t0=$(now); "$pflint" simulate -c "$here/tests/sim/fixtures/plain" --all-levels >"$work/all.txt"; t1=$(now)
  times+=("$(echo "$t1 - $t0" | bc -l)")
done
cells=$(sed -n 's/^\([0-9]*\) simulated deliveries.*/\1/p' "$work/all.txt")
all=$(printf '%s\n' "${times[@]}" | median)
handshake_ms=$(echo "$all * 1000 / $cells" | bc -l)

# 2. the same server for posttls-finger and pflint --connect
mkdir -p "$work/ptf"; echo "compatibility_level = 3.6" >"$work/ptf/main.cf"; touch -d '1 hour ago' "$work/ptf/main.cf"
"$pflint" simulate --serve trusted-mx --port 0 --pki-dir "$work/pki" --serve-seconds 120 >"$work/serve.txt" &
serve_pid=$!
for _ in $(seq 50); do grep -q serving "$work/serve.txt" && break; sleep 0.1; done
port=$(sed -n 's/.*127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/serve.txt")
mkdir -p "$work/cfg"
printf 'compatibility_level = 3.6\nsmtp_tls_security_level = secure\nsmtp_tls_CAfile = %s\n' "$work/pki/ca.pem" >"$work/cfg/main.cf"
ptf_t=(); con_t=()
for _ in $(seq "$runs"); do
  t0=$(now); MAIL_CONFIG=$work/ptf "$ptf" -c -l secure -F "$work/pki/ca.pem" "[127.0.0.1]:$port" example.com .example.com >/dev/null; t1=$(now)
  ptf_t+=("$(echo "($t1 - $t0) * 1000" | bc -l)")
  t0=$(now); "$pflint" simulate -c "$work/cfg" --connect "127.0.0.1:$port" --destination example.com --mx-host mail.example.com >/dev/null; t1=$(now)
  con_t+=("$(echo "($t1 - $t0) * 1000" | bc -l)")
done
ptf_ms=$(printf '%s\n' "${ptf_t[@]}" | median)
con_ms=$(printf '%s\n' "${con_t[@]}" | median)

printf '%-58s %10s\n' "measure (median of $runs runs, $(nproc) CPUs)" "value"
printf '%-58s %9.3f s  (target <= 1 s)\n' "--all-levels, $cells cells (real handshakes)" "$all"
printf '%-58s %8.2f ms\n' "pflint time per simulated delivery (in-process)" "$handshake_ms"
printf '%-58s %8.2f ms\n' "posttls-finger whole process, -l secure, same server" "$ptf_ms"
printf '%-58s %8.2f ms\n' "pflint simulate --connect whole process, secure, same server" "$con_ms"
printf '%-58s %9.3f x  (target <= 0.5)\n' "ratio: pflint per handshake / posttls-finger" "$(echo "$handshake_ms / $ptf_ms" | bc -l)"
