#!/usr/bin/env bash
# The benchmarks (bench/README.md): services up, dependencies installed, built, then each one in turn.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-services.sh
# The web benchmark weighs the first visit in a real Chromium, as the browser tests do.
bash scripts/ensure-chromium.sh
# Benchmarks measure the production set-up: this machine's PostgreSQL, and the queues in its Redis
# when it runs and no setting says otherwise. QUEUE_BACKEND=postgres npm run bench measures the
# queues in PostgreSQL.
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/tpm}"
if [ -z "${REDIS_URL:-}" ] && [ -z "${QUEUE_BACKEND:-}" ] && [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; then
  export REDIS_URL=redis://127.0.0.1:6379
fi
# Installs from the lockfile when node_modules is missing or stale (npm ci rejects this lockfile here), then builds.
bash scripts/install.sh
# On the Node.js the product ships on (Node 24 LTS, as docker/Dockerfile), whatever the machine has:
# the runtime changes the figures (Node 20's AsyncLocalStorage puts a hook on every promise).
# BENCH_NODE=machine keeps the machine's; BENCH_NODE=N takes the registry's Node N.
if [ "${BENCH_NODE:-24}" != machine ]; then
  PATH="$(bash scripts/ensure-node.sh "${BENCH_NODE:-24}"):$PATH"
  export PATH
fi
# Each benchmark prints its aims as lines holding "(aim: ...)"; they are gathered at the end.
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "Node.js $(node --version); load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$log"
status=0
for bench in pipeline api matching digest web; do
  echo
  node "dist/bench/$bench/main.js" | tee -a "$log" || status=1
done
echo
echo "Every aim, from this run (load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)):"
grep -F '(aim:' "$log" | sed 's/^ */  /'
exit "$status"
