#!/usr/bin/env bash
# npm run bench:sources: a storage source with 10,000 objects under one prefix (written by the
# bucket's own client, PutObject in parallel, into radosgw's memstore), listed through the real
# production server's API (GET /api/v1/sources/{id}/objects, 100 entries a page): the first page
# and the 50th, BENCH_RUNS (20) times each, alternating. Prints the median and p95 of each, timed
# by a client on loopback from request to last byte of the answer (so: the server's time plus
# loopback, no network). Walking the cursors to reach page 50 is setup and is not timed.
# Acceptance (issue 11): each under 300 ms.
# Knobs: BENCH_RUNS (20), BENCH_OBJECTS (10000), BENCH_APP_PORT (3321), BENCH_S3_PORT (7494).
# Stops only what it started.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/use-node.sh
work="$PWD/.data/bench-sources"
app_port="${BENCH_APP_PORT:-3321}" s3_port="${BENCH_S3_PORT:-7494}"
# The shared stack writes a test file for the upload benches: this one lists, so one byte does.
runs="${BENCH_RUNS:-20}" size=1b
bench_name=sources bench_what="page 1, page 50 of a 10,000-object prefix"
export BENCH_OBJECTS="${BENCH_OBJECTS:-10000}" BENCH_SOURCE_BUCKET=acme-reports

# The app's whole configuration, set explicitly: Next.js would fill anything unset from .env files.
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export APP_URL="http://localhost:$app_port" DATABASE_URL="file:$work/handoff.db"
export AUTH_SECRET="bench-only-secret-not-for-production-0123456789" SIGNIN_ALLOWLIST='*'
export S3_ENDPOINT="http://127.0.0.1:$s3_port" S3_REGION=us-east-1 S3_BUCKET=handoff-bench-sources S3_FORCE_PATH_STYLE=true
export S3_ACCESS_KEY_ID=BENCHSRCKEY000000001 S3_SECRET_ACCESS_KEY=bench-sources-secret-0000000000000001
export SMTP_URL="smtp://127.0.0.1:3329" MAIL_FROM="Handoff <bench@localhost>"
# One token makes every request here: the per-token rate limit must not be what is measured.
export API_REQUESTS_PER_MINUTE=1000000
source scripts/bench/upload-stack.sh
