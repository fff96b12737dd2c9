#!/usr/bin/env bash
# setup.sh — install the Debian packages pflint needs to build and test.
#
# Idempotent: when every package is already installed it does nothing (no
# apt-get update, no network). Postfix is installed non-interactively with the
# debconf answer "No configuration", so no /etc/postfix/main.cf is written.
# Usage: scripts/setup.sh [--with-tests]
set -euo pipefail

build_pkgs=(cmake ninja-build g++ tao-pegtl-dev libfmt-dev doctest-dev rapidjson-dev
            libssl-dev libcli11-dev libtomlplusplus-dev)
test_pkgs=(postfix openssl python3 hyperfine clang libclang-rt-14-dev
           neovim emacs-nox elpa-eglot vim vim-ale)

want=("${build_pkgs[@]}")
[[ "${1:-}" == "--with-tests" ]] && want+=("${test_pkgs[@]}")

missing=()
# The SARIF validator test needs npm; a machine may have it outside Debian's
# packages (e.g. NodeSource's nodejs bundles it), so look for the command.
if [[ "${1:-}" == "--with-tests" ]] && ! command -v npm >/dev/null 2>&1; then
  missing+=(npm)
fi
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all packages present"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "setup: missing packages: ${missing[*]}; run as root (or install them yourself)" >&2
  exit 2
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
