#!/usr/bin/env bash
# npm run bench: the share-link download path of the production build under load: the share page's
# Download form (POST /s/<token>/download with the file id and the app's Origin, answered with a
# 303 to a presigned GET), next to a bare node:http baseline doing the same checks, lookup, write
# and presign (baseline.mjs), measured in the same run. Fresh SQLite database in .data/bench. Presigning
# is local; the app only asks the store whether it is up (at most every 5 s), which the embedded dev
# S3 answers.
# Knobs: BENCH_RUNS (3), BENCH_DURATION (10s), BENCH_CONNECTIONS (50). Stops only what it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
work="$PWD/.data/bench"
app_port=3201 base_port=3202
runs="${BENCH_RUNS:-3}" duration="${BENCH_DURATION:-10s}" conns="${BENCH_CONNECTIONS:-50}"

# The load generator comes from Debian's packages; install it when we can (root), else say how.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  fi
  command -v wrk >/dev/null || { echo "bench: wrk is missing (Debian: apt-get install -y wrk)" >&2; exit 1; }
fi

# The app's whole configuration, set explicitly: Next.js would fill anything unset from .env files.
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export APP_URL="http://localhost:$app_port" DATABASE_URL="file:$work/handoff.db"
export AUTH_SECRET="bench-only-secret-not-for-production-0123456789" SIGNIN_ALLOWLIST='*'
export S3_ENDPOINT="http://127.0.0.1:9999" S3_REGION=us-east-1 S3_BUCKET=handoff-bench S3_FORCE_PATH_STYLE=true
export S3_ACCESS_KEY_ID=BENCHACCESSKEY000001 S3_SECRET_ACCESS_KEY=bench-secret-key-0000000000000000000001
export SMTP_URL="smtp://127.0.0.1:3209" MAIL_FROM="Handoff <bench@localhost>" DOWNLOAD_URL_TTL_SECONDS=60
export BASELINE_PORT="$base_port"
for file in .env.example .env .env.local .env.production .env.production.local; do
  [ -f "$file" ] || continue
  while IFS='=' read -r name _; do
    if [[ $name =~ ^[A-Z0-9_]+$ ]] && [ -z "${!name+x}" ]; then export "$name="; fi
  done < "$file"
done

for port in "$app_port" "$base_port" 9999; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "bench: port $port is already in use" >&2; exit 1; fi
done

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$work" && mkdir -p "$work"
echo "== database ($work/handoff.db)"
npx prisma migrate deploy > "$work/migrate.log" 2>&1 || { cat "$work/migrate.log"; exit 1; }
npx tsx scripts/bench/seed.ts > "$work/seed.json"
token=$(node -p 'require(process.argv[1]).token' "$work/seed.json")
share_id=$(node -p 'require(process.argv[1]).shareId' "$work/seed.json")
file_id=$(node -p 'require(process.argv[1]).fileId' "$work/seed.json")
echo "$token" > "$work/token"
# What the share page's Download button sends; wrk reads it from this script.
cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "file=$file_id"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Origin"] = "$APP_URL"
LUA

bash scripts/bench/build-if-stale.sh "$work"

echo "== starting the dev S3 on :9999, the app on :$app_port and the baseline on :$base_port"
setsid node scripts/dev-s3.mjs --port 9999 --dir "$work/s3" --bucket "$S3_BUCKET" --origin "$APP_URL" --access-key "$S3_ACCESS_KEY_ID" --secret-key "$S3_SECRET_ACCESS_KEY" > "$work/s3.log" 2>&1 &
pids+=($!)
setsid node scripts/server.mjs --hostname localhost --port "$app_port" > "$work/app.log" 2>&1 &
pids+=($!)
setsid node --import tsx scripts/bench/baseline.mjs > "$work/baseline.log" 2>&1 &
pids+=($!)

app_url="http://localhost:$app_port/s/$token/download"
base_url="http://127.0.0.1:$base_port/s/$token/download"
for name in app baseline; do
  url="$app_url"; [ $name = baseline ] && url="$base_url"
  for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Origin: $APP_URL" -d "file=$file_id" "$url" || true)
    [ "$code" = 303 ] && break
    sleep 0.5
  done
  location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -H "Origin: $APP_URL" -d "file=$file_id" "$url" || true)
  if [[ $location != "303 $S3_ENDPOINT/$S3_BUCKET/users/"* ]]; then
    echo "bench: $name does not answer 303 to a presigned URL (got: ${location:-nothing})" >&2
    tail -20 "$work/$name.log" >&2; exit 1
  fi
  echo "   $name: ${location:0:90}..."
done

granted() {
  node -e 'const D = require("better-sqlite3"); const db = new D(process.argv[1], { readonly: true });
    console.log(db.prepare("SELECT downloadCount FROM Share WHERE id = ?").pluck().get(process.argv[2]))' "$work/handoff.db" "$share_id"
}
wrk_version=$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2 || true)
commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git status --porcelain 2>/dev/null | grep -q . && echo +dirty || true)"
node -e 'const os = require("os"); const [tool, connections, duration, runs, commit] = process.argv.slice(1);
  console.log(JSON.stringify({ tool, connections: +connections, duration, runs: +runs, commit, node: process.version, cpus: os.cpus().length,
    startedAt: new Date().toISOString(), loadAvgBefore: os.loadavg().map((x) => +x.toFixed(2)) }))' \
  "$wrk_version -t1 --latency -s post.lua (no redirects followed)" "$conns" "$duration" "$runs" "$commit" > "$work/config.json"

echo "== warm-up (5s each)"
wrk -t1 -c"$conns" -d5s --timeout 10s -s "$work/post.lua" "$app_url" > /dev/null
wrk -t1 -c"$conns" -d5s --timeout 10s -s "$work/post.lua" "$base_url" > /dev/null

echo "== $runs x (app, baseline), $conns connections x $duration each"
for i in $(seq 1 "$runs"); do
  for name in app baseline; do
    url="$app_url"; [ $name = baseline ] && url="$base_url"
    before=$(granted)
    wrk -t1 -c"$conns" -d"$duration" --timeout 10s --latency -s "$work/post.lua" "$url" > "$work/$name-$i.wrk"
    sleep 1 # let in-flight requests finish before counting recorded downloads
    echo $(($(granted) - before)) > "$work/$name-$i.granted"
    echo "   run $i $name: $(grep -h 'Requests/sec' "$work/$name-$i.wrk" | tr -s ' ')"
  done
done

node scripts/bench/report.mjs "$work" "$runs"
