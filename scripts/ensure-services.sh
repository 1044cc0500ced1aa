#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on this machine, starting whichever is down (Redis is optional).
# On a machine without them, says how to get them (docker/compose.yaml, or the system's packages).
set -euo pipefail

pg_host=127.0.0.1
pg_port=5432
redis_host=127.0.0.1
redis_port=6379

postgres_up() { pg_isready -q -h "$pg_host" -p "$pg_port" 2>/dev/null; }
redis_up() { [ "$(redis-cli -h "$redis_host" -p "$redis_port" ping 2>/dev/null)" = "PONG" ]; }

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 1 60); do
    if $check; then return 0; fi
    sleep 0.5
  done
  echo "$what did not come up" >&2
  return 1
}

if ! postgres_up; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    wait_for PostgreSQL postgres_up
  else
    echo "PostgreSQL is not running on $pg_host:$pg_port. Start it (docker compose -f docker/compose.yaml up -d postgres) or install it." >&2
    exit 1
  fi
fi

if ! redis_up; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "Starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$redis_port" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_for Redis redis_up
  else
    # Redis is optional: without REDIS_URL the queues live in PostgreSQL (QUEUE_BACKEND=postgres).
    echo "Redis is not running on $redis_host:$redis_port and redis-server is not installed: the queues will live in PostgreSQL." >&2
  fi
fi
