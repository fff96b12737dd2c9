#!/usr/bin/env bash
# run_editor.sh EDITOR PFLINT SOURCE_DIR — run one real editor headless
# against `pflint lsp` on a copy of tests/lsp/fixtures/basic. The editor
# must be installed (scripts/setup.sh --with-tests installs them): a missing
# editor fails the test, it is not skipped.
set -u
editor=$1 pflint=$2 src=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/tests/lsp/fixtures/basic" "$work/etc"
export PFLINT=$pflint PFLINT_FIXTURE=$work/etc PFLINT_RESULT=$work/result PFLINT_EDITORS=$src/editors
here=$src/tests/lsp/editors
case $editor in
  nvim)
    command -v nvim >/dev/null || { echo "FAIL: nvim is not installed (apt-get install neovim)"; exit 1; }
    timeout 60 nvim --headless --clean -c "luafile $here/nvim_smoke.lua" >"$work/log" 2>&1 ;;
  emacs)
    command -v emacs >/dev/null || { echo "FAIL: emacs is not installed (apt-get install emacs-nox elpa-eglot)"; exit 1; }
    timeout 60 emacs --batch -q -l "$here/eglot_smoke.el" >"$work/log" 2>&1 ;;
  vim)
    [ -d /usr/share/vim-ale ] || [ -d /usr/share/vim/addons/pack/dist-bundle/start/ale ] || \
      { echo "FAIL: vim-ale is not installed (apt-get install vim-ale)"; exit 1; }
    timeout 60 vim -N -u NONE -i NONE -es -S "$here/ale_smoke.vim" </dev/null >"$work/log" 2>&1 ;;
  node)
    # What VS Code does, on the npm packages vscode-languageclient 9 uses,
    # installed once into a cache (as the SARIF validator test does).
    command -v npm >/dev/null || { echo "FAIL: npm is not installed"; exit 1; }
    cache=${PFLINT_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pflint-lsp-node}
    if [ ! -f "$cache/node_modules/vscode-languageserver-protocol/package.json" ]; then
      mkdir -p "$cache"
      npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
        vscode-jsonrpc@8.2.0 vscode-languageserver-protocol@3.17.5 >"$work/log" 2>&1 || \
        { echo "FAIL: npm could not install vscode-jsonrpc / vscode-languageserver-protocol"; cat "$work/log"; exit 1; }
    fi
    timeout 60 node "$here/node_client.mjs" "$pflint" "$work/etc" "$cache/node_modules" >"$work/log" 2>&1
    status=$?
    cat "$work/log"
    exit $status ;;
  *) echo "unknown editor $editor"; exit 2 ;;
esac
status=$?
if [ -f "$work/result" ] && [ "$(cat "$work/result")" = ok ] && [ $status -eq 0 ]; then
  echo "ok: $editor drove pflint lsp: diagnostics, hover, code action applied, finding gone"
  exit 0
fi
echo "FAIL: $editor (exit $status)"
cat "$work/result" 2>/dev/null
cat "$work/log"
exit 1
