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
bench_name=cli bench_what="handoff upload, aws s3 cp"
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
source scripts/bench/upload-stack.sh
