#!/usr/bin/env bash
# Installs Azurite (the Azure Storage emulator the AzureStorage provider's tests start on loopback),
# pinned by tools/azurite/package-lock.json. Skips itself when it is already installed.
set -euo pipefail
cd "$(dirname "$0")/../../tools/azurite"

if [ -x node_modules/.bin/azurite ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "azurite setup: npm is missing; install Node.js 20 with npm (Debian: apt-get install nodejs npm)." >&2
  exit 1
fi
npm ci --no-audit --no-fund
