#!/usr/bin/env bash
# The README's one command as a user meets it: `npm start` in a copy of this checkout (its files
# as a clone has them, no .env, no build, no database), with nothing in its environment but PATH,
# HOME and the ports to use, so it makes its own .env from .env.example, builds and serves the
# production build with the embedded dev S3 and mail catcher. Then the journey (e2e/journey.spec.ts)
# runs against it, its log must hold no secret (test/start/log-has-no-secrets.mjs), and after
# SIGTERM nothing it started may be left. Run by scripts/test.sh (`npm test -- start`).
set -euo pipefail
cd "$(dirname "$0")/../.."
checkout="$PWD"
work="$checkout/.data/test/start"
log="$work/start.log"
base="${START_PORT:-$((${E2E_PORT:-3100} + 50))}"
app_port=$base s3_port=$((base + 1)) smtp_port=$((base + 2)) inbox_port=$((base + 3))

rm -rf "$work" && mkdir -p "$work"
# Outside the checkout: inside it, Next would take the checkout's lockfile for the project's root.
copy="$(mktemp -d "${TMPDIR:-/tmp}/handoff-start.XXXXXX")"
mkdir -p "$copy/.data"
# Tracked and new (not ignored) files with their mtimes. node_modules is hard-linked: `npm ci`
# here would take minutes and test npm rather than Handoff. So is the Node 24 that use-node.sh
# installed, so that start.mjs finds it when it runs itself again on an older system Node.
git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$copy"
copy_tree() { cp -al "$1" "$2" 2>/dev/null || cp -a "$1" "$2"; } # hard links where on one file system
copy_tree node_modules "$copy/"
if [ -d .data/node ]; then copy_tree .data/node "$copy/.data/"; fi
# The system's PATH, without the Node 24 that scripts/use-node.sh put first.
user_path="$(tr ':' '\n' <<< "$PATH" | grep -v '/\.data/node/' | paste -sd:)"

echo "== npm start in a fresh copy (app on $app_port, dev S3 on $s3_port, SMTP on $smtp_port, inbox on $inbox_port)"
(cd "$copy" && exec env -i PATH="$user_path" HOME="$HOME" \
  APP_URL="http://localhost:$app_port" S3_ENDPOINT="http://127.0.0.1:$s3_port" \
  SMTP_URL="smtp://127.0.0.1:$smtp_port" MAIL_CATCHER_HTTP_PORT="$inbox_port" \
  setsid npm start > "$log" 2>&1) &
start_pid=$!

leftovers() { # processes whose working folder is the copy: everything npm start ran
  for proc in /proc/[0-9]*; do
    [[ "$(readlink "$proc/cwd" 2>/dev/null)" == "$copy"* ]] && echo "${proc#/proc/}"
  done
  return 0
}
stop() { # npm may exit before start.mjs has stopped what it started: wait for all of it
  kill -TERM -- "-$start_pid" 2>/dev/null || true
  for _ in $(seq 1 400); do
    if ! kill -0 "$start_pid" 2>/dev/null && [ -z "$(leftovers)" ]; then break; fi
    sleep 0.1
  done
}
cleanup() {
  stop
  for pid in $(leftovers); do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$copy"
}
trap cleanup EXIT

# The first start installs nothing here but builds: minutes on a loaded machine.
for _ in $(seq 1 900); do
  grep -q 'Handoff is running' "$log" && break
  kill -0 "$start_pid" 2>/dev/null || { echo "npm start exited before it was ready:"; tail -40 "$log"; exit 1; }
  sleep 1
done
grep -q 'Handoff is running' "$log" || { echo "npm start was not ready within 15 minutes:"; tail -40 "$log"; exit 1; }
grep -q 'building for production' "$log" || { echo "npm start did not build a fresh copy:"; tail -40 "$log"; exit 1; }

echo "== the journey against npm start"
E2E_EXTERNAL_SERVER=1 E2E_PORT="$app_port" MAIL_API_URL="http://127.0.0.1:$inbox_port" \
  S3_ENDPOINT="http://127.0.0.1:$s3_port" SMTP_URL="smtp://127.0.0.1:$smtp_port" \
  DATABASE_URL="file:$copy/.data/handoff.db" \
  npx playwright test e2e/journey.spec.ts --reporter=list --output "$work/results"

echo "== no secret in its log"
node test/start/log-has-no-secrets.mjs "$log" "http://127.0.0.1:$inbox_port"

echo "== SIGTERM stops everything it started"
stop
if kill -0 "$start_pid" 2>/dev/null; then echo "npm start still runs 40 s after SIGTERM"; exit 1; fi
left="$(leftovers)"
if [ -n "$left" ]; then echo "still running 40 s after SIGTERM:"; ps -o pid,args -p "${left//$'\n'/,}"; exit 1; fi
for address in "localhost/$app_port" "127.0.0.1/$s3_port" "127.0.0.1/$smtp_port" "127.0.0.1/$inbox_port"; do
  if (exec 3<>"/dev/tcp/$address") 2>/dev/null; then echo "$address still answers after npm start stopped"; exit 1; fi
done
echo "npm start: production build served, journey passed, log clean, stopped cleanly"
