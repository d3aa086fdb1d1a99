#!/usr/bin/env bash
# npm run bench:upload: one file uploaded through the app's presigned multipart flow (what the
# browser does, from Node) and with plain @aws-sdk/client-s3 (defaults, and without checksums or
# payload signing), to the same radosgw, in rotating order,
# BENCH_RUNS (3) times each; prints both throughputs, their ratio and the bytes the app's server read.
# Knobs: BENCH_RUNS (3), BENCH_SIZE (1GiB; the file is .data/bench-upload/random-<size>.bin, kept),
# BENCH_PART_SIZE (16MiB) and BENCH_CONCURRENCY (4) for both uploaders, BENCH_SIGN_AHEAD=1 (an experiment:
# the app flow signs the next part during the current PUT, which the browser does not).
# Ports: app 3301, S3 7490. Stops only what it started.
set -euo pipefail
cd "$(dirname "$0")/../../.."
source scripts/use-node.sh
work="$PWD/.data/bench-upload"
app_port=3301 s3_port=7490
runs="${BENCH_RUNS:-3}" size="${BENCH_SIZE:-1GiB}"
bench_name=upload bench_what="app flow, SDK, SDK unsigned"

# The app's whole configuration, set explicitly: Next.js would fill anything unset from .env files.
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true
export APP_URL="http://localhost:$app_port" DATABASE_URL="file:$work/handoff.db"
export AUTH_SECRET="bench-only-secret-not-for-production-0123456789" SIGNIN_ALLOWLIST='*'
export S3_ENDPOINT="http://127.0.0.1:$s3_port" S3_REGION=us-east-1 S3_BUCKET=handoff-bench-upload S3_FORCE_PATH_STYLE=true
export S3_ACCESS_KEY_ID=BENCHUPLOADKEY000001 S3_SECRET_ACCESS_KEY=bench-upload-secret-00000000000000000001
export SMTP_URL="smtp://127.0.0.1:3309" MAIL_FROM="Handoff <bench@localhost>"
export MAX_UPLOAD_SIZE=2GiB STORAGE_QUOTA=100GB MULTIPART_THRESHOLD=64MiB
# The app's defaults; both uploaders use these (BENCH_PART_SIZE / BENCH_CONCURRENCY to try others).
export MULTIPART_PART_SIZE="${BENCH_PART_SIZE:-16MiB}" UPLOAD_CONCURRENCY="${BENCH_CONCURRENCY:-4}"
export UPLOAD_URL_TTL_SECONDS=600 DOWNLOAD_URL_TTL_SECONDS=60 PENDING_UPLOAD_MAX_AGE_SECONDS=3600
source scripts/bench/upload-stack.sh
