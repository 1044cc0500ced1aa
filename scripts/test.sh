#!/usr/bin/env bash
# The test command: Chromium there, dependencies installed, built, then every unit, medium,
# end-to-end and browser test. The tests use the machine's PostgreSQL and Redis when they answer,
# and otherwise an embedded PostgreSQL of the run's own with the queues in it.
# Extra arguments go to jest (e.g. `npm test -- test/redis-outage`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-chromium.sh
bash scripts/install.sh
mkdir -p .data
rm -f .data/jest-results.json

status=0
node --experimental-vm-modules node_modules/jest/bin/jest.js --json --outputFile=.data/jest-results.json "$@" || status=$?

node -e '
  const fs = require("node:fs");
  const file = ".data/jest-results.json";
  if (!fs.existsSync(file)) { console.log("0 passed, 1 failed"); process.exit(0); }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  const failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
  console.log(`${r.numPassedTests} passed, ${failed} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
'
exit "$status"
