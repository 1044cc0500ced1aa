#!/usr/bin/env bash
# Builds the project and runs the event pipeline benchmark against the machine's PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm ci
fi
npm run build
node dist/bench/pipeline/main.js
