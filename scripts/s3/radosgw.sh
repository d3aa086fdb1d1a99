#!/usr/bin/env bash
# A throwaway single-node Ceph (mon + memstore OSD + radosgw) serving S3 on 127.0.0.1, for tests:
#   radosgw.sh install | start DIR PORT ACCESS_KEY SECRET_KEY | stop DIR      (see README.md here)
# Everything (conf, keys, data, logs, sockets) lives in DIR; nothing touches /etc/ceph or /var/lib/ceph.
set -euo pipefail

die() { echo "radosgw.sh: $*" >&2; exit 1; }

install_ceph() { # apt-get update only if the plain install fails (stale or missing lists)
  local apt=(apt-get install -y -qq --no-install-recommends radosgw ceph-mon ceph-osd curl iproute2)
  command -v radosgw >/dev/null && command -v curl >/dev/null && command -v ss >/dev/null && return 0
  export DEBIAN_FRONTEND=noninteractive
  "${apt[@]}" >/dev/null || { apt-get update -qq && "${apt[@]}" >/dev/null; }
}

# TERM one process group, KILL it if still alive after ~5 s. A dead daemon may linger as a zombie
# until init reaps it, so only live (non-Z) members of its session count.
term_group() {
  local i
  kill -TERM -- "-$1" 2>/dev/null || return 0
  for ((i = 0; i < 50; i++)); do
    ps -o stat= -s "$1" | awk '!/^Z/ {f = 1} END {exit !f}' || return 0
    sleep 0.1
  done
  kill -KILL -- "-$1" 2>/dev/null || true
}

# Stop the process groups listed in $1/pids (mon, osd, rgw), skipping any whose leader no longer
# runs with $1's conf (PID reuse). One at a time in reverse order: rgw needs the OSD to shut down
# promptly, and the OSD needs the mon; otherwise each hangs ~5 s.
stop_dir() {
  local dir=$1 pgid cmd
  [[ -f $dir/pids ]] || return 0
  for pgid in $(tac "$dir/pids"); do
    cmd=$({ tr '\0' ' ' <"/proc/$pgid/cmdline"; } 2>/dev/null) || continue
    [[ $cmd == *"$dir/ceph.conf"* ]] && term_group "$pgid"
  done
  rm -f "$dir/pids"
}

fail() { # message, log file to tail. Stops the daemons but keeps DIR (its logs) for a look.
  echo "radosgw.sh: $1 (logs in $DIR/log)" >&2
  [[ -f ${2:-} ]] && { echo "--- tail of $2:" >&2; tail -n 30 "$2" >&2; }
  stop_dir "$DIR"; exit 1
}

# Start a daemon in the foreground (-f) of its own session, so its PID is also its process group.
spawn() { # name, command...
  local name=$1; shift
  setsid "$@" -f -c "$DIR/ceph.conf" >"$DIR/log/$name.out" 2>&1 </dev/null &
  echo $! >>"$DIR/pids"
}

start() {
  [[ $# -eq 4 ]] || die "usage: start DIR PORT ACCESS_KEY SECRET_KEY"
  DIR=$(realpath -m "$1"); local port=$2 ak=$3 sk=$4
  [[ $port =~ ^[0-9]+$ ]] && ((port > 0 && port < 65536)) || die "PORT must be a number in 1..65535"
  [[ $DIR != / && $DIR != "${HOME:-}" && $DIR != *[[:space:]]* ]] || die "refusing DIR='$DIR'"
  # Wipe a stale DIR, but only one that looks like ours, so a typo cannot delete real files.
  if [[ -d $DIR && -n $(ls -A "$DIR") ]]; then
    [[ -f $DIR/ceph.conf ]] || die "$DIR is not empty and has no ceph.conf; refusing to wipe it"
    stop_dir "$DIR"; rm -rf "$DIR"
  fi
  command -v radosgw >/dev/null && command -v ss >/dev/null || die "radosgw or ss missing; run: $0 install"
  [[ -z $(ss -ltnH "sport = :$port") ]] || die "port $port is already in use"
  mkdir -p "$DIR" && chmod 700 "$DIR" && mkdir "$DIR"/{mon,osd,log,run}

  # Messenger ports: mon on BASE, OSD in BASE+1..BASE+39. BASE is derived from PORT (so parallel
  # instances on different PORTs differ), kept below the ephemeral range 32768+, and moved on if taken.
  local base try
  for try in {0..20}; do
    base=$((10000 + ((port + try * 97) % 500) * 40))
    ((port < base || port > base + 39)) || continue
    ss -ltnH | awk -v lo=$base -v hi=$((base + 39)) '{sub(/.*:/, "", $4)} $4 >= lo && $4 <= hi {f = 1} END {exit !f}' || break
  done
  local mon="v2:127.0.0.1:$base" fsid; fsid=$(uuidgen)

  cat >"$DIR/ceph.conf" <<EOF
[global]
fsid = $fsid
mon host = [$mon]
public addr = 127.0.0.1
cluster addr = 127.0.0.1
ms bind msgr1 = false
ms bind port min = $((base + 1))
ms bind port max = $((base + 39))
keyring = $DIR/keyring
run dir = $DIR/run
admin socket = $DIR/run/\$name.asok
log file = $DIR/log/\$name.log
mon cluster log file = default=$DIR/log/\$channel.log cluster=$DIR/log/cluster.log
crash dir = $DIR/crash
pid file = $DIR/run/\$name.pid
mon data = $DIR/mon
osd data = $DIR/osd
osd objectstore = memstore
memstore device bytes = 4294967296
osd pool default size = 1
osd pool default min size = 1
mon allow pool size one = true
mon warn on pool no redundancy = false
# Commit mon changes (pool creations by rgw) at once rather than batching them for 1 s each.
paxos propose interval = 0.01
osd crush chooseleaf type = 0
# rgw creates ~7 pools; keep PGs few so one OSD stays under mon_max_pg_per_osd and peers fast.
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$port
rgw data = $DIR/rgw
rgw thread pool size = 32
EOF

  local conf=(-c "$DIR/ceph.conf")
  ceph-authtool --create-keyring "$DIR/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  ceph-authtool "$DIR/keyring" --gen-key -n client.admin --cap mon 'allow *' --cap osd 'allow *' --cap mgr 'allow *' >/dev/null
  chmod 600 "$DIR/keyring"
  monmaptool --create --addv a "[$mon]" --fsid "$fsid" "$DIR/monmap" >/dev/null
  ceph-mon "${conf[@]}" --mkfs -i a --monmap "$DIR/monmap" --keyring "$DIR/keyring" >"$DIR/log/mkfs.out" 2>&1 ||
    fail "ceph-mon --mkfs failed" "$DIR/log/mkfs.out"
  spawn mon ceph-mon -i a

  # Register the OSD (with its key) before mkfs: mkfs authenticates to the mon to fetch config.
  local osd_uuid osd_key id; osd_uuid=$(uuidgen); osd_key=$(ceph-authtool --gen-print-key)
  echo "{\"cephx_secret\": \"$osd_key\"}" >"$DIR/osd-new.json"
  id=$(timeout 60 ceph "${conf[@]}" osd new "$osd_uuid" -i "$DIR/osd-new.json" 2>"$DIR/log/osd-new.out") ||
    fail "ceph osd new failed (is the mon up?)" "$DIR/log/mon.a.log"
  ceph-authtool "$DIR/keyring" --add-key "$osd_key" -n "osd.$id" >/dev/null
  ceph-osd "${conf[@]}" -i "$id" --mkfs --osd-uuid "$osd_uuid" >"$DIR/log/mkfs.out" 2>&1 ||
    fail "ceph-osd --mkfs failed" "$DIR/log/mkfs.out"
  spawn osd ceph-osd -i "$id"

  ceph "${conf[@]}" auth get-or-create client.rgw.a mon 'allow rw' osd 'allow rwx' >>"$DIR/keyring" 2>"$DIR/log/auth.out" ||
    fail "creating the rgw key failed" "$DIR/log/auth.out"
  spawn rgw radosgw -n client.rgw.a

  # radosgw only listens once it has created its pools, i.e. once the OSD is up and peered.
  local deadline=$((SECONDS + 90))
  until curl -s -o /dev/null -m 2 "http://127.0.0.1:$port/"; do
    ((SECONDS < deadline)) || fail "radosgw did not answer on 127.0.0.1:$port within 90 s" "$DIR/log/client.rgw.a.log"
    for p in $(cat "$DIR/pids"); do kill -0 "$p" 2>/dev/null || fail "a daemon (pid $p) died" "$DIR/log/client.rgw.a.log"; done
    sleep 0.3
  done

  radosgw-admin "${conf[@]}" user create --uid handoff --display-name handoff \
    --access-key "$ak" --secret "$sk" >"$DIR/log/user.out" 2>&1 || fail "radosgw-admin user create failed" "$DIR/log/user.out"
  # Prove the keys authenticate: a SigV4-signed ListBuckets (curl's --aws-sigv4) must return 200.
  # curl 7.88 does not send x-amz-content-sha256 by itself, and radosgw rejects SigV4 without it.
  local code
  code=$(curl -s -o "$DIR/log/listbuckets.out" -w '%{http_code}' -m 10 --aws-sigv4 "aws:amz:us-east-1:s3" \
    --user "$ak:$sk" -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' "http://127.0.0.1:$port/")
  [[ $code == 200 ]] || fail "ListBuckets with the new keys answered $code" "$DIR/log/listbuckets.out"
  echo "radosgw ready on http://127.0.0.1:$port (dir $DIR, pids $(tr '\n' ' ' <"$DIR/pids"))"
}

case ${1:-} in
  install) install_ceph ;;
  start) shift; start "$@" ;;
  stop)
    [[ $# -eq 2 ]] || die "usage: stop DIR"
    DIR=$(realpath -m "$2")
    stop_dir "$DIR"
    [[ ! -d $DIR || -f $DIR/ceph.conf || -z $(ls -A "$DIR") ]] || die "$DIR does not look like ours; left in place"
    rm -rf "$DIR" ;;
  *) die "usage: $0 install | start DIR PORT ACCESS_KEY SECRET_KEY | stop DIR" ;;
esac
