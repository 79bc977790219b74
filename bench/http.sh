#!/usr/bin/env bash
# HTTP throughput of thaigraphd against a minimal libmicrohttpd server (bench/fixed_server.c)
# that answers with a fixed body of the same size, both started here and loaded by wrk in the
# same run; prints requests/s for each and their ratio per route.
#
# usage: bench/http.sh [BUILDDIR] [CORPUS...]
#   CORPUS defaults to ../shared/corpus/thaigov-v2/part-00.jsonl.gz, or seeds/ without ../shared.
#   DURATION (seconds per run, default 10), THREADS (server threads, default 2),
#   CONNECTIONS (wrk connections, default 32) tune it.
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
shift || true
corpus=("$@")
if [ ${#corpus[@]} -eq 0 ]; then
    if [ -f ../shared/corpus/thaigov-v2/part-00.jsonl.gz ]; then
        corpus=(../shared/corpus/thaigov-v2/part-00.jsonl.gz)
    else
        echo "bench/http.sh: ../shared is absent; measuring on seeds/ instead" >&2
        corpus=(seeds)
    fi
fi
command -v wrk >/dev/null || { echo "bench/http.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }
duration=${DURATION:-10}
threads=${THREADS:-2}
connections=${CONNECTIONS:-32}

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$builddir/thaigraph" ingest --db "$work/graph.db" "${corpus[@]}" 2>/dev/null

# Starts a server in the background; once it announces itself, its base URL is in $url.
start() {
    local out=$work/$1.out
    shift
    "$@" >"$out" 2>"$out.log" &
    pids+=($!)
    for _ in $(seq 1 600); do
        if grep -q "listening on" "$out"; then
            url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$out")
            return
        fi
        sleep 0.1
    done
    echo "bench/http.sh: $* did not start" >&2
    exit 1
}

requests_per_second() {
    wrk -t 2 -c "$connections" -d "${duration}s" "$1" | awk '/Requests\/sec/ {print $2}'
}

start thaigraphd "$builddir/thaigraphd" --db "$work/graph.db" --listen 127.0.0.1:0 \
    --threads "$threads"
thaigraph_url=$url
first_id() {
    curl -s "$thaigraph_url$1" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4
}
document=$(first_id "/v1/documents?limit=1")
organisation=$(first_id "/v1/organisations?limit=1")

# Searches are answered afresh every time (never from the response memo): a common word
# (ความร่วมมือ, "cooperation") and a frequent title (นายกรัฐมนตรี, "prime minister"), percent-encoded.
cooperation=%E0%B8%84%E0%B8%A7%E0%B8%B2%E0%B8%A1%E0%B8%A3%E0%B9%88%E0%B8%A7%E0%B8%A1%E0%B8%A1%E0%B8%B7%E0%B8%AD
prime_minister=%E0%B8%99%E0%B8%B2%E0%B8%A2%E0%B8%81%E0%B8%A3%E0%B8%B1%E0%B8%90%E0%B8%A1%E0%B8%99%E0%B8%95%E0%B8%A3%E0%B8%B5

printf '%-28s %12s %12s %8s\n' route thaigraphd baseline ratio
for route in "/v1/organisations/$organisation" "/v1/documents/$document" \
    "/v1/documents?limit=20" "/healthz" "/v1/search?q=$cooperation" \
    "/v1/search?q=$prime_minister"; do
    curl -s "$thaigraph_url$route" >"$work/body"
    start "fixed$RANDOM" "$builddir/bench/fixed_server" "$work/body" "$threads"
    ours=$(requests_per_second "$thaigraph_url$route")
    theirs=$(requests_per_second "$url$route")
    kill "${pids[-1]}"
    printf '%-28s %12.0f %12.0f %8.2f   (%s bytes)\n' "${route:0:28}" "$ours" "$theirs" \
        "$(echo "$ours / $theirs" | bc -l)" "$(stat -c %s "$work/body")"
done
