#!/usr/bin/env bash
# Install the pinned Steady mock server (tools/mock-server/package.json + package-lock.json)
# into tools/mock-server/node_modules. Safe to re-run; the test fixtures call it when the
# installed version is missing or differs from the pin.
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/mock-server"
if ! command -v npm >/dev/null 2>&1; then
    echo "install-mock-server: npm not found; install Node.js >= 18 to run the mock-server tests" >&2
    exit 1
fi
npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
