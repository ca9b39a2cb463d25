#!/usr/bin/env bash
# Runs every test of the solution on this machine. Installs what the tests need first
# (each step skips itself when the thing is already there), then builds once and tests.
set -euo pipefail
cd "$(dirname "$0")/.."

for setup in scripts/setup.d/*.sh; do
  [ -e "$setup" ] && bash "$setup"
done

dotnet build OrleansBatch.sln -c Release -nologo -v quiet
log=$(mktemp)
set +e
dotnet test OrleansBatch.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line over all test projects: "Tests: N passed, N failed, N skipped".
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  f += $(i+1) + 0
         if ($i == "Passed:")  p += $(i+1) + 0
         if ($i == "Skipped:") s += $(i+1) + 0
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
