#!/usr/bin/env bash
# The whole product on this machine: install, build, database and migrations, the web, the API,
# both workers and the demo data. Ctrl-C stops everything. Needs nothing but Node.js: without
# DATABASE_URL it runs an embedded PostgreSQL with its data in .data/postgres, and without REDIS_URL
# the queues live in PostgreSQL too.
#
# Under a supervisor: SIGTERM, SIGINT or SIGHUP (to npm or to this script), or npm dying, stops
# every process started here within seconds, and the script then dies of that signal. When one of
# the processes dies on its own, the others are stopped and the script exits 1, naming it. Started
# while a port it needs is taken, it says which (and the setting that moves it) and exits 1 at once.
set -euo pipefail
cd "$(dirname "$0")/.."

mail_catcher=false
if [ -z "${SMTP_URL:-}" ]; then mail_catcher=true; fi
embedded_database=false
if [ -z "${DATABASE_URL:-}" ]; then embedded_database=true; fi

# Of its arguments, each "SETTING host port", prints those whose port cannot be listened on.
taken_ports() {
  node -e '
    const net = require("node:net");
    const taken = ([, host, port]) => new Promise((resolve) => {
      const server = net.createServer().once("error", () => resolve(true));
      server.listen(Number(port), host, () => server.close(() => resolve(false)));
    });
    const wanted = process.argv.slice(1).map((arg) => arg.split(" "));
    Promise.all(wanted.map(taken)).then((answers) => wanted.filter((_, i) => answers[i]).forEach((w) => console.log(w.join(" "))));
  ' "$@"
}
wanted_ports=("PORT ${HOST:-127.0.0.1} ${PORT:-3000}" "WEB_PORT ${WEB_HOST:-127.0.0.1} ${WEB_PORT:-8080}")
for metrics in API_METRICS_PORT:9464 WEB_METRICS_PORT:9465 MATCHING_WORKER_METRICS_PORT:9466 NOTIFICATION_WORKER_METRICS_PORT:9467; do
  setting=${metrics%%:*}
  port=${!setting:-${metrics#*:}}
  if [ "$port" != 0 ]; then wanted_ports+=("$setting ${METRICS_HOST:-127.0.0.1} $port"); fi
done
if $embedded_database; then
  wanted_ports+=("EMBEDDED_DATABASE_PORT 127.0.0.1 ${EMBEDDED_DATABASE_PORT:-5439}")
fi
if $mail_catcher; then
  wanted_ports+=("MAIL_CATCHER_SMTP_PORT 127.0.0.1 ${MAIL_CATCHER_SMTP_PORT:-1025}" "MAIL_CATCHER_PORT 127.0.0.1 ${MAIL_CATCHER_PORT:-1080}")
fi
taken="$(taken_ports "${wanted_ports[@]}")"
if [ -n "$taken" ]; then
  while read -r setting host port; do
    echo "Port $port on $host is taken (is the product already running?): set $setting to use another." >&2
  done <<<"$taken"
  exit 1
fi

declare -A names=() # of the processes that make up the product, by pid
step=""             # the start-up command running now
npm_watch=""        # the loop that notices npm is gone
database_group=""   # the embedded database, stopped after the processes that use it

# Runs a command in the background in a process group of its own (job control on while it forks):
# stopping the group stops whatever the command started too, and the terminal's Ctrl-C reaches
# this script alone, which stops them all and waits for them.
in_own_group() {
  set -m
  "$@" </dev/null &
  set +m
}

# A start-up command, waited for in the background: a signal interrupts `wait`, not a command in
# the foreground, so stopping does not wait for a build or the demo data to finish.
run_step() {
  in_own_group "$@"
  step=$!
  wait "$step"
  step=""
}

# One of the product's processes, to watch until it stops.
run_process() {
  local name=$1
  shift
  in_own_group "$@"
  names[$!]=$name
}

# When one of the processes has died on its own: says which, and exits 1 (stopping the rest on exit).
stop_if_one_died() {
  local pid dead=()
  for pid in "${!names[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then dead+=("${names[$pid]} (pid $pid)"); fi
  done
  if [ ${#dead[@]} -gt 0 ]; then
    echo "Stopped on its own: ${dead[*]}; stopping the rest" >&2
    exit 1
  fi
}

groups_alive() {
  local group
  for group in "$@"; do if kill -0 -- "-$group" 2>/dev/null; then echo "$group"; fi; done
}

# SIGTERM to these process groups; after 10 s, SIGKILL to whatever is left of them.
stop_groups() {
  [ $# -gt 0 ] || return 0
  kill -TERM -- "${@/#/-}" 2>/dev/null || true
  for _ in $(seq 1 100); do
    [ -n "$(groups_alive "$@")" ] || break
    sleep 0.1
  done
  local group
  for group in $(groups_alive "$@"); do
    echo "${names[$group]:-$group} still running after 10 s: killed" >&2 || true
    kill -KILL -- "-$group" 2>/dev/null || true
  done
}

# Stops every process group started here; the embedded database last, as the others may still use it.
stop_all() {
  # npm forwards the terminal's Ctrl-C that this script also gets: the second must not cut this
  # short, nor a terminal or pipe gone away (so messages may fail too).
  trap '' INT TERM HUP PIPE
  local groups=(${step:+"$step"} ${npm_watch:+"$npm_watch"}) group
  for group in "${!names[@]}"; do
    if [ "$group" != "$database_group" ]; then groups+=("$group"); fi
  done
  [ ${#groups[@]} -gt 0 ] || [ -n "$database_group" ] || return 0
  echo "Stopping..." || true
  stop_groups "${groups[@]}"
  stop_groups ${database_group:+"$database_group"}
  wait 2>/dev/null || true
  step=""
  npm_watch=""
  database_group=""
  names=()
}

# Dies of the signal it got once everything is stopped, so that npm and a supervisor see why.
on_signal() {
  stop_all
  trap - "$1" EXIT
  kill -"$1" $$
}
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP
trap stop_all EXIT

# npm dies of a SIGHUP without passing it on: once npm, this script's parent, is gone, this loop
# hangs the script up in its place.
watch_npm() {
  while [ "$(ps -o ppid= -p $$ | tr -d ' ')" = "$PPID" ]; do sleep 1; done
  echo "npm, which started this script, is gone" >&2
  kill -HUP $$
}
if [ -n "${npm_lifecycle_event:-}" ]; then
  in_own_group watch_npm
  npm_watch=$!
fi

run_step bash scripts/install.sh

export LOG_FORMAT="${LOG_FORMAT:-pretty}"
export NODE_ENV="${NODE_ENV:-development}"

# Whether something accepts connections on host port.
listening() {
  node -e '
    const socket = require("node:net").connect(Number(process.argv[2]), process.argv[1]);
    socket.once("connect", () => process.exit(0)).once("error", () => process.exit(1));
  ' "$1" "$2"
}

if $embedded_database; then
  database_line="embedded PostgreSQL 18 in ${EMBEDDED_DATABASE_DIR:-.data/postgres}"
  run_process database node dist/libs/database/src/cli/embedded-database.js start
  database_group=$!
  for _ in $(seq 1 240); do
    stop_if_one_died
    if listening 127.0.0.1 "${EMBEDDED_DATABASE_PORT:-5439}"; then break; fi
    sleep 0.25
  done
  export DATABASE_URL="postgres://postgres@127.0.0.1:${EMBEDDED_DATABASE_PORT:-5439}/tpm"
else
  database_line="PostgreSQL at $(node -e 'const u = new URL(process.argv[1]); console.log(u.host + u.pathname)' "$DATABASE_URL")"
fi
if [ "${QUEUE_BACKEND:-}" = redis ] || { [ -z "${QUEUE_BACKEND:-}" ] && [ -n "${REDIS_URL:-}" ]; }; then
  queues_line="Redis"
else
  queues_line="PostgreSQL"
fi
echo "database: $database_line; queues: $queues_line"
run_step npm run --silent db:create
run_step npm run --silent migration:run >/dev/null
echo "Migrations applied"

# Without an SMTP server of your own, email goes to a local catcher you read in the browser.
mail_line=""
if $mail_catcher; then
  run_process mail-catcher node dist/apps/mail-catcher/src/main.js "${MAIL_CATCHER_SMTP_PORT:-1025}" "${MAIL_CATCHER_PORT:-1080}"
  export SMTP_URL="smtp://127.0.0.1:${MAIL_CATCHER_SMTP_PORT:-1025}"
  mail_line="  Email          http://127.0.0.1:${MAIL_CATCHER_PORT:-1080}   (every email the product sent)"
fi

run_process api node dist/apps/api/src/main.js
run_process matching-worker node dist/apps/matching-worker/src/main.js
run_process notification-worker node --max-semi-space-size=16 dist/apps/notification-worker/src/main.js  # as docker/entrypoint.sh
export API_URL="${API_URL:-http://${HOST:-127.0.0.1}:${PORT:-3000}}"
run_process web node dist/apps/web/src/main.js

# Waits up to 120 s for a URL to answer 2xx, while every process is still running.
answers() {
  for _ in $(seq 1 240); do
    stop_if_one_died
    if curl -fs --max-time 2 "$1" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}
port="${PORT:-3000}"
host="${HOST:-127.0.0.1}"
web="http://${WEB_HOST:-127.0.0.1}:${WEB_PORT:-8080}"
answers "http://$host:$port/api/health" || { echo "The API did not become healthy" >&2; exit 1; }
answers "$web/cookies" || { echo "The web did not start" >&2; exit 1; }

run_step node dist/apps/api/src/demo/seed-demo.js

cat <<MSG

>>> Teaching Partnership Marketplace is running: open $web <<<

  Web            $web   (sign in with a demo account above)
  API            http://$host:$port/api
  OpenAPI docs   http://$host:$port/api/docs   (JSON: /api/docs-json)
  Health         http://$host:$port/api/health
  Workers        matching-worker, notification-worker (logs below)
  Metrics        http://${METRICS_HOST:-127.0.0.1}:${API_METRICS_PORT:-9464}/metrics (API; web :${WEB_METRICS_PORT:-9465}, workers :${MATCHING_WORKER_METRICS_PORT:-9466} and :${NOTIFICATION_WORKER_METRICS_PORT:-9467})
${mail_line}
Press Ctrl-C to stop.

MSG
# Checks every second that every process runs (`wait -n` misses one that died just before it is
# called); a signal's trap interrupts `wait` at once.
while true; do
  stop_if_one_died
  sleep 1 &
  wait $!
done
