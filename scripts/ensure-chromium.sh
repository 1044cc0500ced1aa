#!/usr/bin/env bash
# The browser tests drive a real Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium, installed
# with apt-get when it is missing (never a browser download of Playwright's own).
set -euo pipefail

if [ -n "${CHROMIUM_PATH:-}" ]; then
  [ -x "$CHROMIUM_PATH" ] || { echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
  exit 0
fi
[ -x /usr/bin/chromium ] && exit 0

if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Chromium (Debian's package) for the browser tests"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  [ -x /usr/bin/chromium ] && exit 0
fi
echo "The browser tests need Chromium: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH" >&2
exit 1
