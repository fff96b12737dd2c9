#!/usr/bin/env bash
# `cmake --install` puts a working pflint binary under the prefix.
# Usage: test_install.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
BUILD=$1
SRC=$2
source "$SRC/tests/cli/lib.sh"
run cmake --install "$BUILD" --prefix "$TMP/prefix"
expect_rc 0 "cmake --install"
run "$TMP/prefix/bin/pflint" --version
expect_rc 0 "installed binary runs"
expect_grep out '^pflint ' "installed binary prints its version"
finish
