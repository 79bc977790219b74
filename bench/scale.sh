#!/usr/bin/env bash
# bench/scale.sh: how thaigraph grows with the corpus (issue 10). For each size (part-00, parts
# 00-03, all 8 parts of ../shared/corpus/thaigov-v2) it measures, in one run:
#   ingest wall time and MB/s of text, file size (SQLite pages + snapshot image);
#   thaigraphd start-up (exec to the first 200 on /healthz), VmRSS, VmHWM and anonymous RSS;
#   cold (first, not memoised) and warm (memoised) /v1/search latency over HTTP for the 50
#   queries of bench/queries.txt, median and p95, and tg_graph_search's in process, next to
#   Xapian (the same tokens, BM25) and SQLite FTS5 trigram over the same texts, in process
#   (bench_peers), with per-query hits and the ratios Xapian cold / thaigraph cold;
#   RSS in steady state after those requests, then a SIGHUP reload: its time (from the daemon's
#   log), its peak RSS (VmHWM reset before), and requests failed while it ran;
#   at the largest size, adding 100 articles (new ids) to the database: ingest wall time.
# It prints a table at the end. Outside CI: minutes at part-00, a long while at all 8 parts.
# Heavy runs belong under the bench lock: flock /work/bench.lock bash bench/scale.sh build-rel
#
# usage: bench/scale.sh [BUILD_DIR] [SIZES]   (default build-rel and "1 4 8" parts)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-rel}
sizes=${2:-1 4 8}
shared=${TG_SHARED_DIR:-../shared}
corpus=$shared/corpus/thaigov-v2
if [ ! -f "$corpus/part-00.jsonl.gz" ]; then
    echo "bench/scale.sh: skipped: $corpus not found (needs ../shared)"
    exit 0
fi
for bin in thaigraph thaigraphd bench/bench_peers; do
    [ -x "$build/$bin" ] || { echo "bench/scale.sh: $build/$bin missing (meson setup $build -Dbuildtype=release; needs libxapian-dev)" >&2; exit 1; }
done
work=$(mktemp -d "${TMPDIR:-/tmp}/tg-scale-XXXXXX")
daemon=
cleanup() {
    [ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
mapfile -t queries < bench/queries.txt

now() { date +%s.%N; }
status_kb() { awk -v f="$2:" '$1 == f { print $2 }' "/proc/$1/status"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }
# median and p95 of the numbers on stdin
stats() { sort -g | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.95 + 0.999)]; printf "%.2f %.2f\n", m, p }'; }

start_daemon() {
    local t0; t0=$(now)
    # An ephemeral port: a fixed one may belong to another daemon on a shared machine, and the
    # run would then measure that one.
    "$build/thaigraphd" --db "$1" --listen 127.0.0.1:0 --threads 2 >"$work/daemon.log" 2>&1 &
    daemon=$!
    port=
    until [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
        kill -0 "$daemon" 2>/dev/null || { echo "bench/scale.sh: thaigraphd exited:" >&2; cat "$work/daemon.log" >&2; exit 1; }
        port=$(sed -n 's|^listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/daemon.log")
        sleep 0.002
    done
    startup=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
}

search_ms() { # one request, its total time in ms
    curl -s -o /dev/null -w '%{time_total}\n' -G "http://127.0.0.1:$port/v1/search" \
        --data-urlencode "q=$1" | awk '{ printf "%.3f\n", $1 * 1000 }'
}

rows=()
for parts in $sizes; do
    inputs=()
    for ((p = 0; p < parts; p++)); do inputs+=("$corpus/part-0$p.jsonl.gz"); done
    db=$work/graph-$parts.db
    echo "== $parts part(s): ingest" >&2
    t0=$(now)
    "$build/thaigraph" ingest --db "$db" "${inputs[@]}" 2>"$work/ingest.log"
    ingest_s=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
    echo "-- ingest of $parts part(s): $(tail -n 1 "$work/ingest.log")"
    text_mb=$(sqlite3 "$db" "SELECT sum(length(CAST(text AS BLOB))) / 1e6 FROM documents")
    docs=$(sqlite3 "$db" "SELECT count(*) FROM documents")
    file_mb=$(du -m --apparent-size "$db" | cut -f1)
    image_mb=$(sqlite3 "$db" "SELECT value / 1e6 FROM meta WHERE key = 'snapshot_bytes'")

    echo "== $parts part(s): start-up and search" >&2
    start_daemon "$db"
    rss=$(status_kb "$daemon" VmRSS); hwm=$(status_kb "$daemon" VmHWM); anon=$(status_kb "$daemon" RssAnon)
    : >"$work/cold"; : >"$work/warm"
    for q in "${queries[@]}"; do search_ms "$q" >>"$work/cold"; done
    for q in "${queries[@]}"; do search_ms "$q" >>"$work/warm"; done
    for id in $(curl -s "http://127.0.0.1:$port/v1/organisations?limit=20" | grep -o '"id":"org_[0-9a-f]*"' | cut -d'"' -f4); do
        curl -s -o /dev/null "http://127.0.0.1:$port/v1/organisations/$id"
    done
    steady=$(status_kb "$daemon" VmRSS); steady_anon=$(status_kb "$daemon" RssAnon)

    echo "== $parts part(s): reload" >&2
    echo 5 >"/proc/$daemon/clear_refs" # VmHWM from here on
    failed=0; served=0
    kill -HUP "$daemon"
    until grep -q "reloaded\|reload failed" "$work/daemon.log"; do
        code=$(curl -s -o /dev/null -w '%{http_code}' -G "http://127.0.0.1:$port/v1/search" --data-urlencode "q=รัฐบาล")
        served=$((served + 1)); [ "$code" = 200 ] || failed=$((failed + 1))
    done
    reload_s=$(grep -o "reloaded .* in [0-9.]* s" "$work/daemon.log" | awk '{ print $(NF - 1) }')
    peak=$(status_kb "$daemon" VmHWM)
    kill "$daemon"; wait "$daemon" 2>/dev/null || true; daemon=

    echo "== $parts part(s): peers" >&2
    "$build/bench/bench_peers" --db "$db" --queries bench/queries.txt --work "$work" >"$work/peers-$parts.tsv"
    paste "$work/cold" <(grep -v '^#' "$work/peers-$parts.tsv" | tail -n +2) >"$work/joined-$parts.tsv"
    echo "-- per query at $parts part(s): hits thaigraph/Xapian/FTS5; cold ms thaigraphd over HTTP, tg_graph_search in process, Xapian, FTS5; ratios Xapian/thaigraph (HTTP, in process)"
    awk -F'\t' '{ printf "  %-28s %6d %6d %6d   %7.2f %7.2f %7.2f %7.2f   %6.2fx %6.2fx\n", $2, $3, $4, $5, $1, $10, $6, $8, $6 / ($1 > 0 ? $1 : 1e-9), $6 / ($10 > 0 ? $10 : 1e-9) }' "$work/joined-$parts.tsv"
    same_hits=$(awk -F'\t' '$3 == $4 { n++ } END { print n + 0 }' "$work/joined-$parts.tsv")
    read -r cold_med cold_p95 < <(stats <"$work/cold")
    read -r warm_med warm_p95 < <(stats <"$work/warm")
    read -r x_med x_p95 < <(cut -f6 "$work/joined-$parts.tsv" | stats)
    read -r xw_med xw_p95 < <(cut -f7 "$work/joined-$parts.tsv" | stats)
    read -r f_med f_p95 < <(cut -f8 "$work/joined-$parts.tsv" | stats)
    read -r fw_med fw_p95 < <(cut -f9 "$work/joined-$parts.tsv" | stats)
    read -r t_med t_p95 < <(cut -f10 "$work/joined-$parts.tsv" | stats)
    read -r tw_med tw_p95 < <(cut -f11 "$work/joined-$parts.tsv" | stats)

    added="-"
    if [ "$parts" = "$(echo "$sizes" | awk '{ print $NF }')" ]; then
        echo "== $parts part(s): adding 100 articles" >&2
        # zcat stops on a closed pipe once head has its lines; that is no failure.
        { zcat "$corpus/part-00.jsonl.gz" || true; } | head -n 100 |
            sed 's/"id": *"\([^"]*\)"/"id":"\1-added"/' >"$work/added.jsonl"
        t0=$(now)
        "$build/thaigraph" ingest --db "$db" "$work/added.jsonl" 2>>"$work/ingest.log"
        added=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
    fi
    rows+=("$parts $docs $text_mb $ingest_s $file_mb $image_mb $startup $(mb "$rss") $(mb "$hwm") $(mb "$anon") $(mb "$steady") $(mb "$steady_anon") $reload_s $(mb "$peak") $failed/$served $cold_med $cold_p95 $warm_med $warm_p95 $x_med $x_p95 $xw_med $f_med $f_p95 $fw_med $same_hits $added $t_med $t_p95 $tw_med")
    echo "-- row for $parts part(s) (fields in the order of the table below): ${rows[-1]}"
    [ "$added" = - ] || echo "-- adding 100 articles: $(tail -n 1 "$work/ingest.log")"
    rm -f "$db"
done

echo
echo "thaigraph scale ($(date -u +%F), $(nproc) cores; MB are 10^6 bytes for text and files, MiB for memory)"
printf '%-28s' "parts"; for r in "${rows[@]}"; do printf '%14s' "$(echo "$r" | cut -d' ' -f1)"; done; echo
labels=("documents" "text MB" "ingest s" "file MB" "  of it image MB" "start-up s" "RSS after start" "VmHWM after start" "anonymous after start" "RSS steady" "anonymous steady" "reload s" "reload peak RSS" "failed/requests in reload" "cold ms median" "cold ms p95" "warm ms median" "warm ms p95" "Xapian cold median" "Xapian cold p95" "Xapian warm median" "FTS5 cold median" "FTS5 cold p95" "FTS5 warm median" "queries with Xapian's hits" "add 100 articles s" "in-process cold median" "in-process cold p95" "in-process warm median")
for i in "${!labels[@]}"; do
    printf '%-28s' "${labels[$i]}"
    for r in "${rows[@]}"; do printf '%14s' "$(echo "$r" | cut -d' ' -f$((i + 2)))"; done
    echo
done
printf '%-28s' "ingest MB/s"; for r in "${rows[@]}"; do set -- $r; printf '%14s' "$(awk -v t="$3" -v s="$4" 'BEGIN { printf "%.2f", t / s }')"; done; echo
printf '%-28s' "RSS steady / text"; for r in "${rows[@]}"; do set -- $r; printf '%14s' "$(awk -v m="${11}" -v t="$3" 'BEGIN { printf "%.2f", m * 1.048576 / t }')"; done; echo
printf '%-28s' "anonymous / text"; for r in "${rows[@]}"; do set -- $r; printf '%14s' "$(awk -v m="${12}" -v t="$3" 'BEGIN { printf "%.2f", m * 1.048576 / t }')"; done; echo
printf '%-28s' "reload peak / steady"; for r in "${rows[@]}"; do set -- $r; printf '%14s' "$(awk -v p="${14}" -v s="${11}" 'BEGIN { printf "%.2f", p / s }')"; done; echo
printf '%-28s' "Xapian / thaigraphd (cold)"; for r in "${rows[@]}"; do set -- $r; printf '%14s' "$(awk -v x="${20}" -v t="${16}" 'BEGIN { printf "%.2fx", x / t }')"; done; echo
printf '%-28s' "Xapian / in-process (cold)"; for r in "${rows[@]}"; do set -- $r; printf '%14s' "$(awk -v x="${20}" -v t="${28}" 'BEGIN { printf "%.2fx", x / t }')"; done; echo
printf '%-28s' "FTS5 / thaigraphd (cold)"; for r in "${rows[@]}"; do set -- $r; printf '%14s' "$(awk -v f="${23}" -v t="${16}" 'BEGIN { printf "%.2fx", f / t }')"; done; echo
