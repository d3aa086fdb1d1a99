#!/usr/bin/env bash
# npm run bench:cli: one file uploaded with `handoff upload` (the CLI, its defaults: 4 parts at a
# time, the server's part size) and with `aws s3 cp` (Debian's awscli, its defaults) to the same
# radosgw, in alternating order, BENCH_RUNS (3) times each; prints both times, the ratio of the
# medians, and the bytes the app's server read during each CLI run (it must stay under 1 MB: the
# file's bytes go straight to the bucket).
# Knobs: BENCH_RUNS (3), BENCH_SIZE (1GiB; the file is .data/bench-cli/random-<size>.bin, kept),
# BENCH_PART_SIZE (16MiB, the app's default part size).
# Ports: app 3311, S3 7492. Stops only what it started.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/use-node.sh
work="$PWD/.data/bench-cli"
app_port=3311 s3_port=7492
runs="${BENCH_RUNS:-3}" size="${BENCH_SIZE:-1GiB}"
command -v aws > /dev/null || { echo "bench:cli: needs aws (Debian: apt-get install awscli)" >&2; exit 1; }

# The app's whole configuration, set explicitly: Next.js would fill anything unset from .env files.
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export APP_URL="http://localhost:$app_port" DATABASE_URL="file:$work/handoff.db"
export AUTH_SECRET="bench-only-secret-not-for-production-0123456789" SIGNIN_ALLOWLIST='*'
export S3_ENDPOINT="http://127.0.0.1:$s3_port" S3_REGION=us-east-1 S3_BUCKET=handoff-bench-cli S3_FORCE_PATH_STYLE=true
export S3_ACCESS_KEY_ID=BENCHCLIKEY000000001 S3_SECRET_ACCESS_KEY=bench-cli-secret-000000000000000000001
export SMTP_URL="smtp://127.0.0.1:3319" MAIL_FROM="Handoff <bench@localhost>"
export MAX_UPLOAD_SIZE=2GiB STORAGE_QUOTA=100GB MULTIPART_THRESHOLD=64MiB MULTIPART_PART_SIZE="${BENCH_PART_SIZE:-16MiB}"
export UPLOAD_URL_TTL_SECONDS=600 DOWNLOAD_URL_TTL_SECONDS=60 PENDING_UPLOAD_MAX_AGE_SECONDS=3600
for file in .env.example .env .env.local .env.production .env.production.local; do
  [ -f "$file" ] || continue
  while IFS='=' read -r name _; do
    if [[ $name =~ ^[A-Z0-9_]+$ ]] && [ -z "${!name+x}" ]; then export "$name="; fi
  done < "$file"
done

if (exec 3<>"/dev/tcp/127.0.0.1/$app_port") 2>/dev/null; then echo "bench:cli: port $app_port is already in use" >&2; exit 1; fi

pids=() rgw_started=""
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -z "$rgw_started" ] || bash scripts/s3/radosgw.sh stop "$work/rgw" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work"
rm -f "$work"/handoff.db* "$work"/*.log "$work/seed.json" "$work/result.json"

# The test file: random bytes, written once per size and kept.
bytes=$(node -e 'const U = { b: 1, kb: 1e3, mb: 1e6, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };
  const m = /^(\d+(?:\.\d+)?)([a-z]*)$/i.exec(process.argv[1]); const u = m && U[(m[2] || "b").toLowerCase()];
  if (!u) { console.error("BENCH_SIZE: not a size: " + process.argv[1]); process.exit(1); } console.log(Math.floor(m[1] * u))' "$size")
export BENCH_FILE="$work/random-$size.bin"
if [ "$(stat -c %s "$BENCH_FILE" 2>/dev/null || echo 0)" != "$bytes" ]; then
  echo "== writing $bytes random bytes to $BENCH_FILE"
  head -c "$bytes" /dev/urandom > "$BENCH_FILE.tmp" && mv "$BENCH_FILE.tmp" "$BENCH_FILE"
fi
cat "$BENCH_FILE" > /dev/null # into the page cache, so neither side pays for the first read

echo "== radosgw on 127.0.0.1:$s3_port"
bash scripts/s3/radosgw.sh install
rgw_started=1
bash scripts/s3/radosgw.sh start "$work/rgw" "$s3_port" "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY"
npm run --silent bucket:setup

echo "== database ($work/handoff.db)"
npx prisma migrate deploy > "$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }
npx tsx scripts/bench/cli/seed.ts > "$work/seed.json"

bash scripts/bench/build-if-stale.sh "$work"

echo "== starting the app on :$app_port"
setsid node scripts/server.mjs --hostname localhost --port "$app_port" > "$work/app.log" 2>&1 &
pids+=($!)
export BENCH_APP_SID=$! BENCH_WORK="$work" BENCH_RUNS="$runs" BENCH_RGW_DIR="$work/rgw"
for _ in $(seq 1 120); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL/signin" || true)
  [ "$code" = 200 ] && break
  kill -0 "$BENCH_APP_SID" 2>/dev/null || { echo "bench:cli: the app exited" >&2; tail -20 "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
[ "$code" = 200 ] || { echo "bench:cli: the app did not answer GET /signin with 200 (got $code)" >&2; tail -20 "$work/app.log" >&2; exit 1; }

echo "== $runs x (handoff upload, aws s3 cp), alternating"
node scripts/bench/cli/bench.mjs
