#!/bin/sh
# Entry point of the image: the first argument names the process to run.
# Each branch ends in `exec`, so node replaces this shell and receives the signals
# that tini (PID 1) forwards.
set -eu

cd /app

usage() {
  cat <<'USAGE'
Commands:
  api                  HTTP API (default); listens on HOST:PORT (0.0.0.0:3000)
  matching-worker      consumes events and computes matches
  notification-worker  consumes events and sends notifications
  migrate              creates the DATABASE_URL database if missing, then applies migrations
  help                 this text
Anything else is run as given, e.g.
  node node_modules/typeorm/cli.js migration:show -d dist/libs/database/src/cli/data-source.js
USAGE
}

command="${1:-api}"
if [ "$#" -gt 0 ]; then
  shift
fi

case "$command" in
  api)
    exec node dist/apps/api/src/main.js "$@"
    ;;
  matching-worker)
    exec node dist/apps/matching-worker/src/main.js "$@"
    ;;
  notification-worker)
    # A larger young generation: building each email leaves much short-lived garbage, and with
    # the default a digest cost the worker a sixth more CPU, collecting it (bench/README.md).
    exec node --max-semi-space-size=16 dist/apps/notification-worker/src/main.js "$@"
    ;;
  migrate)
    node dist/libs/database/src/cli/create-database.js
    exec node node_modules/typeorm/cli.js migration:run -d dist/libs/database/src/cli/data-source.js "$@"
    ;;
  help | -h | --help)
    usage
    ;;
  *)
    exec "$command" "$@"
    ;;
esac
