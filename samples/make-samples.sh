#!/usr/bin/env bash
# Regenerates the sample models, data and reference predictions under samples/.
# Uses Debian's system Python (/usr/bin/python3) with python3-sklearn, python3-onnx and python3-xgboost;
# installs them with apt-get only when they are missing. The output is deterministic.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python=/usr/bin/python3

if ! "$python" -c 'import sklearn, onnx, xgboost' 2>/dev/null; then
  echo "installing python3-sklearn python3-onnx python3-xgboost" >&2
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update
  $sudo_cmd apt-get install -y --no-install-recommends python3-sklearn python3-onnx python3-xgboost
fi

"$python" "$here/make_samples.py"
