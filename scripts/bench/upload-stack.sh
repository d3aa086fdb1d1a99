#!/usr/bin/env bash
# The stack of the upload benches (bench:upload, bench:cli), sourced by their run.sh after they set
# bench_name, bench_what, work, app_port, s3_port, runs, size and the app's whole configuration: blanks
# what .env files would add, writes the random test file once per size, starts radosgw, migrates and
# seeds the database (scripts/bench/<name>/seed.ts), builds if stale, starts the app and runs
# scripts/bench/<name>/bench.mjs. Stops only what it started.
source scripts/bench/app.sh
blank_env_files

if (exec 3<>"/dev/tcp/127.0.0.1/$app_port") 2>/dev/null; then echo "bench:$bench_name: port $app_port is already in use" >&2; exit 1; fi

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
npx tsx scripts/bench/$bench_name/seed.ts > "$work/seed.json"

bash scripts/bench/build-if-stale.sh "$work"

echo "== starting the app on :$app_port"
start_app "$work/app.log"
pids+=("$app_pid")
export BENCH_APP_SID=$app_pid BENCH_WORK="$work" BENCH_RUNS="$runs" BENCH_RGW_DIR="$work/rgw"
wait_for_app "bench:$bench_name" "$work/app.log" 120

echo "== $runs x ($bench_what), alternating"
node scripts/bench/$bench_name/bench.mjs
