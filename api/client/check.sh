#!/usr/bin/env bash
# The TypeScript client (issue 12): types generated from api/openapi.yaml with openapi-typescript,
# compiled with tsc --strict, then run against a daemon serving the seeds.
# usage: api/client/check.sh BUILD_DIR   (run from the project root, after npm ci in api/)
set -euo pipefail
builddir=$1
root=$(pwd)
cd api
npx --no-install openapi-typescript openapi.yaml --output client/generated/thaigraph.d.ts >/dev/null
npx --no-install tsc -p client/tsconfig.json
work=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
"$root/$builddir/thaigraph" ingest --db "$work/seeds.db" "$root/seeds" 2>/dev/null
"$root/$builddir/thaigraphd" --db "$work/seeds.db" --listen 127.0.0.1:0 >"$work/out" 2>"$work/err" &
pid=$!
for _ in $(seq 100); do
    url=$(grep -o 'http://[0-9.:]*' "$work/out" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "thaigraphd did not start: $(cat "$work/err")" >&2; exit 1; }
node client/dist/smoke.js "$url"
