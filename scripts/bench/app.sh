# The app under a bench, sourced by scripts/bench/run.sh, scripts/bench/scale/run.sh and
# scripts/bench/upload-stack.sh after they set the app's whole configuration, APP_URL and app_port.

# Every setting a .env file names that the bench left unset is set, empty: Next.js would otherwise
# fill it from the file, and the bench would measure a configuration it did not choose.
blank_env_files() {
  local file name
  for file in .env.example .env .env.local .env.production .env.production.local; do
    [ -f "$file" ] || continue
    while IFS='=' read -r name _; do
      if [[ $name =~ ^[A-Z0-9_]+$ ]] && [ -z "${!name+x}" ]; then export "$name="; fi
    done < "$file"
  done
}

# start_app LOG: the production server on app_port, in a process group of its own (kill -- -$app_pid
# stops it and its children); sets app_pid.
start_app() {
  setsid node scripts/server.mjs --hostname localhost --port "$app_port" > "$1" 2>&1 &
  app_pid=$!
}

# wait_for_app NAME LOG TRIES: returns once GET /signin answers 200, polling every half second at
# most TRIES times; exits (with the log's last lines) when the app dies or never answers.
wait_for_app() {
  local name=$1 log=$2 tries=$3 code=""
  for _ in $(seq 1 "$tries"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL/signin" || true)
    [ "$code" = 200 ] && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "$name: the app exited" >&2; tail -20 "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name: the app did not answer GET /signin with 200 (got $code)" >&2
  tail -20 "$log" >&2
  exit 1
}
