#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs every suite (unit, API, and
# the evaluations that read ../shared when it is there). Ends with an "N passed, N failed" line
# counting individual check cases.
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh test
builddir=${BUILDDIR:-build}
if [ -f "$builddir/build.ninja" ]; then
    meson configure "$builddir" -Dtests=true >/dev/null
else
    meson setup "$builddir" -Dtests=true
fi
ninja -C "$builddir"
status=0
meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?

# check prints "NN%: Checks: N, Failures: F, Errors: E" per suite; add them up.
awk '/^[0-9]+%: Checks: / {
        gsub(",", ""); checks += $3; failed += $5 + $7
     }
     END { printf "check: %d passed, %d failed\n", checks - failed, failed }' \
    "$builddir/meson-logs/testlog.txt"
exit $status
