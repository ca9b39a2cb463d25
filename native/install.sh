#!/usr/bin/env bash
# Installs the pinned onnxruntime-node package (only for its libonnxruntime.so.1) into native/node_modules.
# Called by src/Scoring/OnnxRuntimeNative.targets when the library is absent. Safe to run concurrently:
# each caller installs into its own temp dir and renames it into place; the first rename wins and the
# others discard their copy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1"
[ -f "$lib" ] && exit 0

if ! command -v npm >/dev/null 2>&1; then
  echo "error OBATCH001: npm is not installed, so ONNX Runtime cannot be fetched. Install Node.js/npm, or set OBATCH_ORT_LIBRARY to an existing libonnxruntime.so.1." >&2
  exit 1
fi

tmp="$(mktemp -d "$here/.install.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$tmp/"
(cd "$tmp" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
[ -f "$tmp/node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1" ] || {
  echo "error OBATCH002: npm ci finished but libonnxruntime.so.1 is missing from onnxruntime-node." >&2
  exit 1
}
# mv of a directory onto a missing path is atomic; if another build got there first, keep theirs.
mv -T "$tmp/node_modules" "$here/node_modules" 2>/dev/null || true
[ -f "$lib" ] || { echo "error OBATCH003: $here/node_modules exists but lacks libonnxruntime.so.1; delete that folder and build again." >&2; exit 1; }
