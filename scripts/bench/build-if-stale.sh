#!/usr/bin/env bash
# Rebuilds .next only when a source is newer than the last build (the build is shared with
# npm test and the other bench). Another `next build` writing this checkout's .next right now is
# waited for (builds in other checkouts on the same machine are not).
# Usage: bash scripts/bench/build-if-stale.sh LOG_DIR
set -euo pipefail
log_dir="$1"
building_here() {
  local pid
  for pid in $(pgrep -f 'next build'); do [ "$(readlink "/proc/$pid/cwd")" = "$PWD" ] && return 0; done
  return 1
}
for _ in $(seq 1 600); do building_here || break; sleep 1; done
stale=""
if [ ! -f .next/BUILD_ID ]; then
  stale="no build yet"
else
  stale=$(find app lib components public prisma proxy.ts instrumentation.ts next.config.js postcss.config.mjs \
    tsconfig.json package.json package-lock.json -newer .next/BUILD_ID -type f -print -quit 2>/dev/null || true)
fi
if [ -n "$stale" ]; then
  echo "== next build ($stale)"
  npx next build > "$log_dir/build.log" 2>&1 || { tail -40 "$log_dir/build.log"; exit 1; }
else
  echo "== next build is up to date"
fi
