#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, and runs every suite (unit, API, and
# the evaluations that read ../shared when it is there); then lints api/openapi.yaml, checks
# every response the API tests received against it, and runs the TypeScript client generated
# from it against a daemon. Ends with "N passed, N failed" lines.
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
record_dir=$(mktemp -d)
trap 'rm -rf "$record_dir"' EXIT
TG_RECORD_DIR=$record_dir meson test -C "$builddir" --print-errorlogs --num-processes 2 || status=$?

# check prints "NN%: Checks: N, Failures: F, Errors: E" per suite; add them up.
awk '/^[0-9]+%: Checks: / {
        gsub(",", ""); checks += $3; failed += $5 + $7
     }
     END { printf "check: %d passed, %d failed\n", checks - failed, failed }' \
    "$builddir/meson-logs/testlog.txt" | tee "$builddir/test-summary.txt"

# The spec tools come from npm, pinned by api/package-lock.json; reinstalled when it changes.
(
    cd api
    if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
        npm ci --no-audit --no-fund --loglevel=error
        cp package-lock.json node_modules/.installed-lock
    fi
    npx --no-install redocly lint --format stylish openapi.yaml
    node validate-responses.mjs "$record_dir"
) | tee -a "$builddir/test-summary.txt" || status=1
# The TypeScript client generated from the spec, compiled --strict and run against a daemon.
api/client/check.sh "$builddir" | tee -a "$builddir/test-summary.txt" || status=1
exit $status
