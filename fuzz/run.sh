#!/usr/bin/env bash
# run.sh — run one libFuzzer target with the project's limits, seeds and dictionary.
#
# Usage: fuzz/run.sh BINARY SHARED_CORPUS [libFuzzer options...]
#   BINARY         build/asan/fuzz/fuzz_check_main, ...
#   SHARED_CORPUS  the ../shared/corpus folder to start from too (main, master,
#                  policy), or "-" for none; used when ../shared (or
#                  $PFLINT_SHARED_DIR) is present.
# The seeds are fuzz/seeds/<target>/ (read, never written). New inputs go to
# $PFLINT_FUZZ_CORPUS/<target> when that is set (a campaign keeps them),
# otherwise to a temporary folder removed at the end (CI's short run).
# The memory bound of every run is stated here, once: -rss_limit_mb and
# -malloc_limit_mb below (a single allocation above the second, or a resident
# size above the first, is a finding). -timeout: one input taking longer is a hang.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="$1"
shared="$2"
shift 2
target="$(basename "$binary")"

limits=(-rss_limit_mb=2048 -malloc_limit_mb=512 -timeout=10)
# The targets' own output (postconf's views and warnings) goes to /dev/null;
# libFuzzer's, the sanitizers' and fuzz::fail()'s messages do not.
quiet=(-close_fd_mask=3)

if [[ -n "${PFLINT_FUZZ_CORPUS:-}" ]]; then
  work="$PFLINT_FUZZ_CORPUS/$target"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi

dirs=("$work" "$here/seeds/$target")
shared_dir="${PFLINT_SHARED_DIR:-$here/../../shared}"
if [[ "$shared" != "-" && -d "$shared_dir/corpus/$shared" ]]; then
  dirs+=("$shared_dir/corpus/$shared")
fi

"$binary" "${limits[@]}" "${quiet[@]}" -dict="$here/pflint.dict" "$@" "${dirs[@]}"
