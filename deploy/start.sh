#!/usr/bin/env bash
# From a fresh Debian 12 checkout to a running daemon: installs what is missing, builds,
# ingests seeds/ into graph.db and serves it on 127.0.0.1:8080 (override with LISTEN=ADDR:PORT).
set -euo pipefail
cd "$(dirname "$0")/.."

deploy/install-deps.sh run
[ -f build/build.ninja ] || meson setup build -Dtests=false -Dbench=false
ninja -C build thaigraph thaigraphd
build/thaigraph ingest --db graph.db seeds/
exec build/thaigraphd --db graph.db --listen "${LISTEN:-127.0.0.1:8080}"
