#!/usr/bin/env bash
# Installs libgomp (GNU OpenMP), which LightGBM's native library needs to score ML.NET LightGbm models
# (Debian package libgomp1). Skips itself when the library is already present.
set -euo pipefail

if ldconfig -p 2>/dev/null | grep -q 'libgomp\.so\.1'; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "libgomp setup: libgomp.so.1 is missing and apt-get is not available; install your system's libgomp (GNU OpenMP runtime)." >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libgomp1
