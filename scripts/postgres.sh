#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on 127.0.0.1 for the tests and benchmarks:
#   postgres.sh install | start DIR PORT [durable] | stop DIR | url PORT
# `start` makes a fresh cluster in DIR (initdb, trust auth on loopback, fsync off: test data
# only, unless `durable`: then every commit is flushed to disk as on a real server, for the
# benchmarks of paths that commit; ICU's en-US collation by default, like most real servers, so code that relies on byte
# order must say COLLATE "C"), starts it and creates the database `handoff`. `url` prints its DATABASE_URL. As root,
# the server runs as the `postgres` user (PostgreSQL refuses to run as root). The system's own
# clusters are left alone, and installing does not create one.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n $dir ]] && echo "$dir" || command -v initdb | xargs -r dirname
}

install_postgres() {
  [[ -n $(bin_dir) ]] && return 0
  export DEBIAN_FRONTEND=noninteractive
  # Debian's package would create and start a cluster of its own on port 5432; we want none.
  mkdir -p /etc/postgresql-common
  grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf ||
    echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
  local apt=(apt-get install -y -qq --no-install-recommends postgresql)
  "${apt[@]}" >/dev/null || { apt-get update -qq && "${apt[@]}" >/dev/null; }
}

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  [[ $# -eq 2 || ${3:-} == durable ]] || die "usage: start DIR PORT [durable]"
  local dir port=$2 bin durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [[ ${3:-} == durable ]] && durability="" # PostgreSQL's own defaults: fsync, synchronous_commit, full_page_writes on
  dir=$(realpath -m "$1")
  [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "PORT must be a number in 1..65535"
  bin=$(bin_dir)
  [[ -n $bin ]] || die "PostgreSQL is missing; run: $0 install"
  ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || { exec 3>&-; die "port $port is already in use"; }
  rm -rf "$dir" && mkdir -p "$dir"
  [[ $(id -u) -eq 0 ]] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $durability -c max_connections=200" start >/dev/null ||
    { tail -20 "$dir/server.log" >&2; die "PostgreSQL did not start on 127.0.0.1:$port"; }
  "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -qAt -c 'CREATE DATABASE handoff' >/dev/null
}

stop() {
  [[ $# -eq 1 ]] || die "usage: stop DIR"
  local dir
  dir=$(realpath -m "$1")
  [[ -f $dir/data/postmaster.pid ]] || return 0
  as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

case "${1:-}" in
  install) install_postgres ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  url) echo "postgresql://postgres@127.0.0.1:${2:?usage: url PORT}/handoff" ;;
  *) die "usage: $0 install | start DIR PORT [durable] | stop DIR | url PORT" ;;
esac
