#!/usr/bin/env bash
# Installs Debian's chromium, the headless browser the dashboard's Playwright tests drive
# (Playwright cannot download its own browser here). Skips itself when it is already installed.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium setup: apt-get is missing; install Chromium so that /usr/bin/chromium exists." >&2
  exit 1
fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
