#!/usr/bin/env bash
# npm run bench: the share-link download path of the production build under load: the share page's
# Download form (POST /s/<token>/download?file=<id> with the app's Origin, answered with a
# 303 to a presigned GET). Five cases, measured in the same run and interleaved run by run (ceiling,
# baseline, sqlite, pg, pg2; then again), so that drift on a shared machine hits all of them alike:
#   ceiling   the same build's constant route (app/s/[token]/download/ceiling, switched on by
#             BENCH_CEILING_ROUTE, a 404 anywhere else): the same dynamic segment, off proxy.ts like
#             the real route, answering a fixed 303 and doing nothing else. What Next.js alone
#             allows on this machine: the headline is each case's ratio to it;
#   baseline  a bare node:http server doing the same checks, lookup, write and presign on SQLite
#             (baseline.mjs): what the work costs with no framework;
#   sqlite    the app, one instance, on SQLite (.data/bench/handoff.db);
#   pg        the app, one instance, on PostgreSQL (a throwaway cluster in .data/bench/pg);
#   pg2       the app, two instances on two ports, same PostgreSQL, same store. The load is split
#             by running two wrk at once, each with half the connections on one instance; their
#             req/s are summed and the worse p50 and p99 kept. A round-robin proxy in front would
#             be one more process in the path, competing for the same two cores as everything else.
# The same share is seeded in both databases. Presigning is local; the app only asks the store
# whether it is up (at most every 5 s), which the embedded dev S3 answers.
# Knobs: BENCH_RUNS (3), BENCH_DURATION (10s), BENCH_CONNECTIONS (50); ports BENCH_APP_PORT (3201),
# BENCH_BASELINE_PORT (3202), BENCH_PG_APP_PORTS ("3203 3204"), BENCH_PG_PORT (3205),
# BENCH_S3_PORT (9999), BENCH_SMTP_PORT (3209; nothing listens, no mail is sent on this path).
# BENCH_CPU_PROF=<dir>: the SQLite instance and the first PostgreSQL one write V8 CPU profiles there
# when they stop (sqlite.cpuprofile, pg.cpuprofile: where the time goes). Every run also records the
# CPU time the case's servers and PostgreSQL's processes used, per request (the report's CPU columns).
# Stops only what it started, also on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/use-node.sh
work="$PWD/.data/bench"
app_port="${BENCH_APP_PORT:-3201}" base_port="${BENCH_BASELINE_PORT:-3202}" pg_port="${BENCH_PG_PORT:-3205}"
read -r pg_app_port pg_app2_port <<< "${BENCH_PG_APP_PORTS:-3203 3204}"
s3_port="${BENCH_S3_PORT:-9999}" smtp_port="${BENCH_SMTP_PORT:-3209}"
runs="${BENCH_RUNS:-3}" duration="${BENCH_DURATION:-10s}" conns="${BENCH_CONNECTIONS:-50}"
cases=(ceiling baseline sqlite pg pg2)

# The load generator comes from Debian's packages, PostgreSQL too; install them when we can (root), else say how.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  fi
  command -v wrk >/dev/null || { echo "bench: wrk is missing (Debian: apt-get install -y wrk)" >&2; exit 1; }
fi
if [ "$(id -u)" = 0 ]; then bash scripts/postgres.sh install; fi
command -v psql >/dev/null || { echo "bench: PostgreSQL is missing (bash scripts/postgres.sh install, as root)" >&2; exit 1; }

# The app's whole configuration, set explicitly: Next.js would fill anything unset from .env files.
# APP_URL is the one public address every instance serves behind (the Origin the form sends).
sqlite_url="file:$work/handoff.db" pg_url=$(bash scripts/postgres.sh url "$pg_port")
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export APP_URL="http://localhost:$app_port" DATABASE_URL="$sqlite_url"
export AUTH_SECRET="bench-only-secret-not-for-production-0123456789" SIGNIN_ALLOWLIST='*' BENCH_CEILING_ROUTE=true
export S3_ENDPOINT="http://127.0.0.1:$s3_port" S3_REGION=us-east-1 S3_BUCKET=handoff-bench S3_FORCE_PATH_STYLE=true
export S3_ACCESS_KEY_ID=BENCHACCESSKEY000001 S3_SECRET_ACCESS_KEY=bench-secret-key-0000000000000000000001
export SMTP_URL="smtp://127.0.0.1:$smtp_port" MAIL_FROM="Handoff <bench@localhost>" DOWNLOAD_URL_TTL_SECONDS=60
export BASELINE_PORT="$base_port"
source scripts/bench/app.sh
blank_env_files

for port in "$app_port" "$base_port" "$pg_app_port" "$pg_app2_port" "$pg_port" "$s3_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "bench: port $port is already in use" >&2; exit 1; fi
done
if [ -f "$work/pg/data/postmaster.pid" ]; then
  echo "bench: a PostgreSQL from an earlier run may still run in $work/pg (bash scripts/postgres.sh stop $work/pg)" >&2; exit 1
fi

pids=() pg_started=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pg_started" ]; then bash scripts/postgres.sh stop "$work/pg" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$work" && mkdir -p "$work"
echo "== databases: SQLite ($work/handoff.db), PostgreSQL (:$pg_port, $work/pg)"
pg_started=yes
# Durable, as a real server runs: every download's commit waits for its flush to disk (the tests'
# clusters skip it), as SQLite's are (synchronous=FULL, its default, also in WAL mode).
bash scripts/postgres.sh start "$work/pg" "$pg_port" durable
for url in "$sqlite_url" "$pg_url"; do
  DATABASE_URL="$url" npx prisma migrate deploy >> "$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }
done
npx tsx scripts/bench/seed.ts "$sqlite_url" "$pg_url" > "$work/seed.json"
token=$(node -p 'require(process.argv[1]).token' "$work/seed.json")
share_id=$(node -p 'require(process.argv[1]).shareId' "$work/seed.json")
file_id=$(node -p 'require(process.argv[1]).fileId' "$work/seed.json")
[[ $share_id =~ ^[a-z0-9]+$ ]] || { echo "bench: unexpected share id" >&2; exit 1; }
# What the share page's Download button sends (the file id is in the address, the form has no
# fields); wrk reads it from this script.
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = ""
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$APP_URL"
LUA

bash scripts/bench/build-if-stale.sh "$work"

echo "== starting the dev S3 on :$s3_port, the baseline on :$base_port, the app on :$app_port (SQLite) and :$pg_app_port, :$pg_app2_port (PostgreSQL)"
declare -A pid_of=()
start() { # NAME COMMAND...: a server in its own process group, logging to NAME.log
  local name=$1; shift
  setsid "$@" > "$work/$name.log" 2>&1 &
  pids+=($!) && pid_of[$name]=$!
}
profile() { [ -z "${BENCH_CPU_PROF:-}" ] || echo "--cpu-prof --cpu-prof-dir $BENCH_CPU_PROF --cpu-prof-name $1.cpuprofile"; }
start s3 node scripts/dev-s3.mjs --port "$s3_port" --dir "$work/s3" --bucket "$S3_BUCKET" --origin "$APP_URL" --access-key "$S3_ACCESS_KEY_ID" --secret-key "$S3_SECRET_ACCESS_KEY"
start baseline node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON scripts/bench/baseline.mjs
# shellcheck disable=SC2046 # profile's words are meant to split (BENCH_CPU_PROF has no spaces)
start sqlite node $(profile sqlite) scripts/server.mjs --hostname localhost --port "$app_port"
# shellcheck disable=SC2046
DATABASE_URL="$pg_url" start pg node $(profile pg) scripts/server.mjs --hostname localhost --port "$pg_app_port"
DATABASE_URL="$pg_url" start pg-2 node scripts/server.mjs --hostname localhost --port "$pg_app2_port"

declare -A url=(
  [ceiling]="http://localhost:$app_port/s/$token/download/ceiling?file=$file_id"
  [baseline]="http://127.0.0.1:$base_port/s/$token/download?file=$file_id"
  [sqlite]="http://localhost:$app_port/s/$token/download?file=$file_id"
  [pg]="http://localhost:$pg_app_port/s/$token/download?file=$file_id"
  [pg-2]="http://localhost:$pg_app2_port/s/$token/download?file=$file_id"
)
code=""
for _ in $(seq 1 120); do
  code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Origin: $APP_URL" -d "" "${url[ceiling]}" || true)
  [ "$code" = "303 $APP_URL/ceiling" ] && break
  sleep 0.5
done
[ "$code" = "303 $APP_URL/ceiling" ] || { echo "bench: the ceiling route does not answer its 303 (got: ${code:-nothing})" >&2; exit 1; }
echo "   ceiling: $code"
for name in baseline sqlite pg pg-2; do
  for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: $APP_URL" -d "" "${url[$name]}" || true)
    [ "$code" = 303 ] && break
    sleep 0.5
  done
  location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Origin: $APP_URL" -d "" "${url[$name]}" || true)
  if [[ $location != "303 $S3_ENDPOINT/$S3_BUCKET/users/"* ]]; then
    echo "bench: $name does not answer 303 to a presigned URL (got: ${location:-nothing})" >&2
    tail -20 "$work/$name.log" >&2; exit 1
  fi
  echo "   $name: ${location:0:90}..."
done

# Downloads the case's database has recorded for the share: every 303 must be one of them.
granted() {
  if [ "$1" = ceiling ]; then
    echo 0 # records nothing: report.mjs counts only its non-3xx answers
  elif [[ $1 == pg* ]]; then
    psql "$pg_url" -qAt -c "SELECT \"downloadCount\" FROM \"Share\" WHERE id = '$share_id'"
  else
    node -e 'const D = require("better-sqlite3"); const db = new D(process.argv[1], { readonly: true });
      console.log(db.prepare("SELECT downloadCount FROM Share WHERE id = ?").pluck().get(process.argv[2]))' "$work/handoff.db" "$share_id"
  fi
}
# CPU time used so far (clock ticks, all threads) by the case's servers, then by PostgreSQL's
# processes (the postmaster and its backends): what each request costs, whatever else the machine runs.
ticks() {
  local pid total=0
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
cpu() { # CASE: "<app ticks> <postgres ticks>"
  local app postmaster
  case $1 in
    ceiling | sqlite) app=(${pid_of[sqlite]}) ;;
    baseline) app=(${pid_of[baseline]}) ;;
    pg) app=(${pid_of[pg]}) ;;
    pg2) app=(${pid_of[pg]} ${pid_of[pg-2]}) ;;
  esac
  postmaster=$(head -1 "$work/pg/data/postmaster.pid")
  echo "$(ticks "${app[@]}") $(ticks "$postmaster" $(pgrep -P "$postmaster"))"
}
load() { # CASE DURATION OUT_PREFIX [--latency]: wrk on the case's instance(s); pg2 splits the connections over both
  local name=$1 time=$2 out=$3 a b; shift 3
  local wrk=(wrk -t1 -d"$time" --timeout 10s -s "$work/post.lua" "$@")
  if [ "$name" = pg2 ]; then
    "${wrk[@]}" -c$((conns / 2)) "${url[pg]}" > "$out.a.wrk" & a=$!
    "${wrk[@]}" -c$((conns - conns / 2)) "${url[pg-2]}" > "$out.b.wrk" & b=$!
    wait "$a" "$b"
  else
    "${wrk[@]}" -c"$conns" "${url[$name]}" > "$out.wrk"
  fi
}

wrk_version=$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2 || true)
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git status --porcelain 2>/dev/null | grep -q . && echo +dirty || true)"
node -e 'const os = require("os"); const [tool, connections, duration, runs, commit] = process.argv.slice(1);
  console.log(JSON.stringify({ tool, connections: +connections, duration, runs: +runs, commit, node: process.version, cpus: os.cpus().length,
    startedAt: new Date().toISOString(), loadAvgBefore: os.loadavg().map((x) => +x.toFixed(2)) }))' \
  "$wrk_version -t1 --latency -s post.lua (no redirects followed; pg2: two at once)" "$conns" "$duration" "$runs" "$commit" > "$work/config.json"

echo "== warm-up (5s each)"
for name in "${cases[@]}"; do load "$name" 5s "$work/warmup-$name"; done

echo "== $runs x (${cases[*]}), $conns connections x $duration each"
for i in $(seq 1 "$runs"); do
  for name in "${cases[@]}"; do
    before=$(granted "$name") cpu_before=$(cpu "$name")
    load "$name" "$duration" "$work/$name-$i" --latency
    sleep 1 # let in-flight requests finish before counting recorded downloads
    echo $(($(granted "$name") - before)) > "$work/$name-$i.granted"
    read -r app_after pg_after <<< "$(cpu "$name")" && read -r app_before pg_before <<< "$cpu_before"
    echo "$((app_after - app_before)) $((pg_after - pg_before)) $(getconf CLK_TCK)" > "$work/$name-$i.cpu"
    echo "   run $i $name: $(grep -h 'Requests/sec' "$work/$name-$i"*.wrk | tr -s ' ' | paste -sd+)"
  done
done

node scripts/bench/report.mjs "$work" "$runs"
