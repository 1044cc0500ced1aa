#!/usr/bin/env bash
# The whole product on this machine: services, install, build, database and migrations, the web,
# the API, both workers and the demo data. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-services.sh
bash scripts/install.sh

export LOG_FORMAT="${LOG_FORMAT:-pretty}"
export NODE_ENV="${NODE_ENV:-development}"
npm run --silent db:create
npm run --silent migration:run >/dev/null
echo "Migrations applied"

pids=()
stop() {
  trap - INT TERM EXIT
  echo "Stopping..."
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM EXIT

# Without an SMTP server of your own, email goes to a local catcher you read in the browser.
mail_line=""
if [ -z "${SMTP_URL:-}" ]; then
  node dist/apps/mail-catcher/src/main.js "${MAIL_CATCHER_SMTP_PORT:-1025}" "${MAIL_CATCHER_PORT:-1080}" & pids+=($!)
  export SMTP_URL="smtp://127.0.0.1:${MAIL_CATCHER_SMTP_PORT:-1025}"
  mail_line="  Email          http://127.0.0.1:${MAIL_CATCHER_PORT:-1080}   (every email the product sent)"
fi

node dist/apps/api/src/main.js & pids+=($!)
node dist/apps/matching-worker/src/main.js & pids+=($!)
node dist/apps/notification-worker/src/main.js & pids+=($!)
export API_URL="${API_URL:-http://${HOST:-127.0.0.1}:${PORT:-3000}}"
node dist/apps/web/src/main.js & pids+=($!)

# Waits up to 30 s for a URL to answer 2xx.
answers() {
  for _ in $(seq 1 60); do
    if curl -fs "$1" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  return 1
}
port="${PORT:-3000}"
host="${HOST:-127.0.0.1}"
web="http://${WEB_HOST:-127.0.0.1}:${WEB_PORT:-8080}"
answers "http://$host:$port/api/health" || { echo "The API did not become healthy" >&2; exit 1; }
answers "$web/cookies" || { echo "The web did not start" >&2; exit 1; }

node dist/apps/api/src/demo/seed-demo.js

cat <<MSG

>>> Teaching Partnership Marketplace is running: open $web <<<

  Web            $web   (sign in with a demo account above)
  API            http://$host:$port/api
  OpenAPI docs   http://$host:$port/api/docs   (JSON: /api/docs-json)
  Health         http://$host:$port/api/health
  Workers        matching-worker, notification-worker (logs below)
${mail_line}
Press Ctrl-C to stop.

MSG
wait -n "${pids[@]}"
