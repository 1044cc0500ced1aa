#!/usr/bin/env bash
# Installs the locked dependencies when they are missing or older than the lockfile, then builds.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install` rather than `npm ci`: npm 11 refuses this lockfile in `ci` because the registry
  # serves no other-platform builds of optional native packages; with an existing lockfile,
  # `install` installs exactly the locked versions. CI checks that it leaves the lockfile as it was.
  npm install --no-audit --no-fund
fi
npm run --silent build
