#!/usr/bin/env bash
# A throwaway ClamAV daemon on 127.0.0.1 for the virus-scanning tests:
#   clamd.sh install | start DIR PORT | stop DIR
# Debian's clamav-daemon ships no signatures and freshclam cannot reach its mirror here, so DIR
# gets a database made on the spot: one body signature for the EICAR test string (split below so
# this file itself is not flagged). Limits are small, so tests pass them with small files.
# Everything (config, database, log, pid) lives in DIR; the system's clamd is left alone.
set -euo pipefail

die() { echo "clamd.sh: $*" >&2; exit 1; }

clamd_bin() { command -v clamd || echo /usr/sbin/clamd; }

install_clamd() {
  local apt=(apt-get install -y -qq --no-install-recommends clamav-daemon)
  [[ -x $(clamd_bin) ]] && return 0
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" >/dev/null || { apt-get update -qq && "${apt[@]}" >/dev/null; }
}

start() {
  [[ $# -eq 2 ]] || die "usage: start DIR PORT"
  local dir port=$2 eicar pid
  dir=$(realpath -m "$1")
  [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "PORT must be a number in 1..65535"
  [[ -x $(clamd_bin) ]] || die "clamd is missing; run: $0 install"
  ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || { exec 3>&-; die "port $port is already in use"; }
  mkdir -p "$dir/db"
  eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR''-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
  printf 'HandoffEicar:0:*:%s\n' "$(printf '%s' "$eicar" | od -An -tx1 -v | tr -d ' \n')" >"$dir/db/test.ndb"
  cat >"$dir/clamd.conf" <<CONF
Foreground yes
TCPSocket $port
TCPAddr 127.0.0.1
DatabaseDirectory $dir/db
StreamMaxLength 4M
MaxFileSize 4M
MaxScanSize 16M
AlertExceedsMax yes
CONF
  setsid "$(clamd_bin)" -c "$dir/clamd.conf" >"$dir/clamd.log" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$dir/pid"
  for _ in $(seq 1 100); do
    if { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
      exec 3>&-
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  tail -20 "$dir/clamd.log" >&2
  stop "$dir"
  die "clamd did not start on 127.0.0.1:$port"
}

# Only the process group recorded in DIR/pid, and only while it still runs DIR's config.
stop() {
  local dir pid
  dir=$(realpath -m "$1")
  [[ -f $dir/pid ]] || return 0
  pid=$(cat "$dir/pid")
  if [[ $({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) == *"$dir/clamd.conf"* ]]; then
    kill -TERM -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pid"
}

case "${1:-}" in
  install) install_clamd ;;
  start) shift; start "$@" ;;
  stop) [[ $# -eq 2 ]] || die "usage: stop DIR"; stop "$2" ;;
  *) die "usage: $0 install | start DIR PORT | stop DIR" ;;
esac
