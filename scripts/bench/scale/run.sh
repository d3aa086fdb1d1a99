#!/usr/bin/env bash
# npm run bench:scale: big accounts on the production build. Seeds (seed.ts) a 100,000-file account
# and a 1,000-file one laid out alike, plus a folder share of 10,000 files, into SQLite and into
# PostgreSQL (a throwaway cluster), then for each database starts the app and times (bench.mjs) the
# files page (root, a folder, every sort both ways, page 50, a search with 1,000 hits) for both
# accounts and the share page, printing median and p95 and the big account's ratio to the small.
# Targets (issue 12): p95 under 100 ms and within 1.5x of the small account for the files pages,
# search p95 under 50 ms, the share page under 150 ms and 200 kB of HTML. Each database's result
# goes to .data/bench-scale/result-<db>.json.
# Knobs: BENCH_RUNS (20), BENCH_FILES (100000), BENCH_DATABASES ("sqlite postgresql"),
# ports BENCH_APP_PORT (3331), BENCH_S3_PORT (3332), BENCH_PG_PORT (3335), BENCH_SMTP_PORT (3339;
# nothing listens, no mail is sent here). Stops only what it started, also on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/use-node.sh
work="$PWD/.data/bench-scale"
app_port="${BENCH_APP_PORT:-3331}" s3_port="${BENCH_S3_PORT:-3332}" pg_port="${BENCH_PG_PORT:-3335}" smtp_port="${BENCH_SMTP_PORT:-3339}"
databases="${BENCH_DATABASES:-sqlite postgresql}"
export BENCH_RUNS="${BENCH_RUNS:-20}" BENCH_FILES="${BENCH_FILES:-100000}" BENCH_WORK="$work"

if [[ $databases == *postgresql* ]]; then
  if [ "$(id -u)" = 0 ]; then bash scripts/postgres.sh install; fi
  command -v psql >/dev/null || { echo "bench:scale: PostgreSQL is missing (bash scripts/postgres.sh install, as root)" >&2; exit 1; }
fi

# The app's whole configuration, set explicitly: Next.js would fill anything unset from .env files.
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export APP_URL="http://localhost:$app_port"
export AUTH_SECRET="bench-only-secret-not-for-production-0123456789" SIGNIN_ALLOWLIST='*'
export S3_ENDPOINT="http://127.0.0.1:$s3_port" S3_REGION=us-east-1 S3_BUCKET=handoff-bench-scale S3_FORCE_PATH_STYLE=true
export S3_ACCESS_KEY_ID=BENCHSCALEKEY0000001 S3_SECRET_ACCESS_KEY=bench-scale-secret-key-00000000000000001
export SMTP_URL="smtp://127.0.0.1:$smtp_port" MAIL_FROM="Handoff <bench@localhost>"
source scripts/bench/app.sh
blank_env_files

for port in "$app_port" "$s3_port" "$pg_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "bench:scale: port $port is already in use" >&2; exit 1; fi
done
if [ -f "$work/pg/data/postmaster.pid" ]; then
  echo "bench:scale: a PostgreSQL from an earlier run may still run in $work/pg (bash scripts/postgres.sh stop $work/pg)" >&2; exit 1
fi

pids=() pg_started="" app_pid=""
cleanup() {
  for pid in "${pids[@]}" $app_pid; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pg_started" ]; then bash scripts/postgres.sh stop "$work/pg" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$work" && mkdir -p "$work"
bash scripts/bench/build-if-stale.sh "$work"

echo "== the dev S3 on :$s3_port"
setsid node scripts/dev-s3.mjs --port "$s3_port" --dir "$work/s3" --bucket "$S3_BUCKET" --origin "$APP_URL" \
  --access-key "$S3_ACCESS_KEY_ID" --secret-key "$S3_SECRET_ACCESS_KEY" > "$work/s3.log" 2>&1 &
pids+=($!)

for database in $databases; do
  case "$database" in
    sqlite) export DATABASE_URL="file:$work/handoff.db" ;;
    postgresql)
      pg_started=yes
      bash scripts/postgres.sh start "$work/pg" "$pg_port"
      DATABASE_URL="$(bash scripts/postgres.sh url "$pg_port")"
      export DATABASE_URL
      ;;
    *) echo "bench:scale: BENCH_DATABASES: unknown database $database" >&2; exit 2 ;;
  esac
  echo "== $database: migrate, seed $BENCH_FILES + 1,000 files"
  npx prisma migrate deploy > "$work/migrate-$database.log" 2>&1 || { cat "$work/migrate-$database.log"; exit 1; }
  npx tsx scripts/bench/scale/seed.ts > "$work/seed-$database.json"

  echo "== $database: starting the app on :$app_port"
  start_app "$work/app-$database.log"
  wait_for_app bench:scale "$work/app-$database.log" 240
  # What the server does once at start (filling keys, statistics) is not what is measured.
  sleep "${BENCH_SETTLE_SECONDS:-5}"

  BENCH_DB="$database" node scripts/bench/scale/bench.mjs
  kill -TERM -- "-$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
done
