#!/usr/bin/env bash
# The whole suite (npm test): unit and integration tests (vitest) and the end-to-end journey
# (Playwright on a production build), all against real local services started here:
# Ceph radosgw for S3, the SMTP catcher, ClamAV's clamd (scripts/clamd.sh), and a fresh database.
# It runs twice, in two lanes: on SQLite, then on PostgreSQL (a fresh cluster on 127.0.0.1,
# scripts/postgres.sh). Stops only what it started.
# `npm test -- vitest [files]` or `npm test -- e2e [playwright args]` runs one half;
# TEST_DATABASE=sqlite|postgresql|both chooses the lanes (default: both for the whole suite,
# sqlite for one half).
# `npm test -- start` runs only the check of `npm start` itself (test/start/run.sh); the whole
# suite runs it last.
set -euo pipefail
only="${1:-all}"
[ $# -gt 0 ] && shift
cd "$(dirname "$0")/.."
# Node 24 where the system Node is older than 22 (installed once into .data/node).
source scripts/use-node.sh
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
# The SDK warns on every process that releases after January 2027 need Node 22; noise in test logs.
export AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true

work="$PWD/.data/test"
rgw_port="${RGW_PORT:-7480}"
# Between clamd (+10) and the extra app instances the e2e specs start (+20 and up).
pg_port="${TEST_PG_PORT:-$(( ${E2E_PORT:-3100} + 15 ))}"
smtp_port="${TEST_SMTP_PORT:-2525}"
mail_http_port="${TEST_MAIL_HTTP_PORT:-8025}"

export E2E_PORT="${E2E_PORT:-3100}"
# A second app server, with virus scanning on, for the scanning journey; and its clamd.
export E2E_SCAN_PORT="${E2E_SCAN_PORT:-$((E2E_PORT + 1))}"
clamd_port="${TEST_CLAMD_PORT:-$((E2E_PORT + 10))}"
export TEST_CLAMAV_URL="tcp://127.0.0.1:$clamd_port"
export APP_URL="http://localhost:$E2E_PORT"
export AUTH_SECRET="test-only-secret-not-for-production-0123456789"
export SIGNIN_ALLOWLIST="@handoff.test"
export DATABASE_URL="file:$work/handoff.db"
export S3_ENDPOINT="http://127.0.0.1:$rgw_port" S3_REGION="us-east-1" S3_BUCKET="handoff-test" S3_FORCE_PATH_STYLE="true"
export S3_ACCESS_KEY_ID="HANDOFFTEST0000000001" S3_SECRET_ACCESS_KEY="handoff-test-secret-key-0000000000000001"
export SMTP_URL="smtp://127.0.0.1:$smtp_port" MAIL_API_URL="http://127.0.0.1:$mail_http_port"
export MAX_UPLOAD_SIZE="20MB"
# Small parts so multipart tests move little data (5 MiB is the smallest part S3 accepts).
export MULTIPART_THRESHOLD="8MB" MULTIPART_PART_SIZE="5MiB"
# Next.js reads .env for anything unset: pin every documented variable (empty means unset) so a
# developer's own .env never leaks into the suite.
while IFS='=' read -r name _; do
  if [[ $name =~ ^[A-Z0-9_]+$ ]] && [ -z "${!name+x}" ]; then export "$name="; fi
done < .env.example

# `npm start` as a user runs it: a fresh copy, its own .env and services, the journey against it.
if [ "$only" = start ]; then exec bash test/start/run.sh; fi

case "${TEST_DATABASE:-$([ "$only" = all ] && echo both || echo sqlite)}" in
  sqlite) lanes=(sqlite) ;;
  postgresql) lanes=(postgresql) ;;
  both) lanes=(sqlite postgresql) ;;
  *) echo "TEST_DATABASE must be sqlite, postgresql or both"; exit 2 ;;
esac

mail_pid=""
cleanup() {
  [ -n "$mail_pid" ] && kill -TERM -- "-$mail_pid" 2>/dev/null || true
  bash scripts/postgres.sh stop "$work/pg" >/dev/null 2>&1 || true
  bash scripts/s3/radosgw.sh stop "$work/rgw" >/dev/null 2>&1 || true
  bash scripts/clamd.sh stop "$work/clamd" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [ "$only" = all ]; then
  echo "== type check, lint, format"
  npm run --silent check
fi

rm -rf "$work" && mkdir -p "$work"
bash scripts/s3/radosgw.sh install
bash scripts/clamd.sh install
[[ " ${lanes[*]} " == *" postgresql "* ]] && bash scripts/postgres.sh install

echo "== starting radosgw on 127.0.0.1:$rgw_port, the mail catcher, and clamd on 127.0.0.1:$clamd_port"
bash scripts/clamd.sh start "$work/clamd" "$clamd_port"
bash scripts/s3/radosgw.sh start "$work/rgw" "$rgw_port" "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY" > "$work/rgw.log" 2>&1 &
rgw_start=$!
setsid node scripts/mail-catcher.mjs --smtp-port "$smtp_port" --http-port "$mail_http_port" --dir "$work/mail" > "$work/mail.log" 2>&1 &
mail_pid=$!

if [[ " ${lanes[*]} " == *" postgresql "* ]]; then
  echo "== starting PostgreSQL on 127.0.0.1:$pg_port"
  bash scripts/postgres.sh start "$work/pg" "$pg_port"
fi

echo "== production build (while radosgw starts; one build serves both databases)"
npm run --silent db:generate > "$work/build.log" 2>&1 && npx next build >> "$work/build.log" 2>&1 || { tail -50 "$work/build.log"; exit 1; }

if ! wait "$rgw_start"; then
  echo "radosgw did not start:"; tail -40 "$work/rgw.log"; exit 1
fi
npm run --silent bucket:setup -- "http://localhost:$E2E_SCAN_PORT"

for lane in "${lanes[@]}"; do
  if [ "$lane" = postgresql ]; then
    export DATABASE_URL="$(bash scripts/postgres.sh url "$pg_port")"
  else
    export DATABASE_URL="file:$work/handoff.db"
  fi
  echo "== [$lane] database"
  npx prisma migrate deploy
  if [ "$only" != e2e ]; then
    echo "== [$lane] unit and integration tests"
    if [ "$only" = vitest ]; then npx vitest run "$@"; else npx vitest run; fi
  fi
  if [ "$only" != vitest ]; then
    echo "== [$lane] end-to-end tests"
    npx playwright test "$@"
  fi
done
if [ "$only" = all ]; then
  echo "== npm start (test/start/run.sh)"
  bash test/start/run.sh
fi
