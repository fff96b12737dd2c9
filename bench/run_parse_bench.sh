#!/usr/bin/env bash
# Parse benchmark (issue: foundation): 10 MB synthetic main.cf, throughput on
# one core and peak RSS, against the targets ≥ 200 MB/s and
# RSS ≤ 4 × input + 8 MB. Needs a Release build: BUILD defaults to build/release.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build/release}
mkdir -p bench/out
python3 bench/gen_main_cf.py bench/out/main-10mb.cf 10
taskset -c 0 "$BUILD/bench/parse_bench" bench/out/main-10mb.cf 20 | tee bench/out/parse.txt
awk '/input_bytes/ {b=$2} /peak_rss_kb/ {r=$2} /mb_per_s/ {s=$2}
     END { limit = (4*b + 8*1024*1024)/1024;
           printf "throughput %.0f MB/s (target >= 200): %s\n", s, (s >= 200 ? "met" : "MISSED");
           printf "peak RSS %d KiB, limit %d KiB (4 x input + 8 MiB): %s\n", r, limit, (r <= limit ? "met" : "MISSED") }' \
    bench/out/parse.txt
