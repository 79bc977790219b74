#!/usr/bin/env bash
# The container image's build steps, as one script so that CI runs exactly what the Dockerfile
# runs (Docker itself cannot run on the CI machines).
#
#   container-build.sh build OUT [CORPUS]  build stage: compile a release, install it under OUT,
#                                          build the graph from CORPUS (default seeds/) into
#                                          OUT/var/lib/thaigraph/graph.db, and list the Debian
#                                          packages whose shared libraries the binaries need
#   container-build.sh runtime ROOT        runtime stage: install those packages, add the
#                                          unprivileged user thaigraph
#   container-build.sh check OUT           what CI asserts of the runtime stage: only the two
#                                          binaries, their man pages and the graph, linked only
#                                          against shared libraries the package list provides,
#                                          and the graph served by a user that is not root
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
list=usr/local/share/thaigraph/runtime-packages.txt

build() {
    local out=$1 corpus=${2:-$src/seeds}
    "$src/deploy/install-deps.sh" run
    local builddir
    builddir=$(mktemp -d)
    meson setup "$builddir" "$src" --buildtype=release --prefix=/usr/local -Dtests=false \
        -Dbench=false >/dev/null
    ninja -C "$builddir" thaigraph thaigraphd
    DESTDIR=$out meson install -C "$builddir" --no-rebuild --quiet
    # The graph is made once, here; containers only ever load it.
    mkdir -p "$out/var/lib/thaigraph"
    "$out/usr/local/bin/thaigraph" ingest --db "$out/var/lib/thaigraph/graph.db" "$corpus"
    # Ingest's lock file (issue 11) guards writers that run at once; none ever runs in the image.
    rm -f "$out/var/lib/thaigraph/.graph.db.lock"
    chmod 0644 "$out/var/lib/thaigraph/graph.db"
    # The packages that provide every shared library the binaries load.
    mkdir -p "$(dirname "$out/$list")"
    ldd "$out/usr/local/bin/thaigraph" "$out/usr/local/bin/thaigraphd" |
        awk '$2 == "=>" && $3 ~ /^\// { print $3 }' | sort -u |
        while read -r lib; do
            dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib"
        done | cut -d: -f1 | sort -u >"$out/$list"
    rm -rf "$builddir"
}

runtime() {
    local root=$1
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2046 # one package name a line
    apt-get install -y -qq --no-install-recommends $(cat "$root/$list")
    rm -rf /var/lib/apt/lists/*
    id thaigraph >/dev/null 2>&1 ||
        useradd --system --no-create-home --home-dir /var/lib/thaigraph --shell /usr/sbin/nologin \
            thaigraph
}

check() {
    local out=$1 failed=0
    fail() { echo "container: $*" >&2; failed=1; }
    # Nothing but the binaries, their man pages, the package list and the graph.
    local unexpected
    unexpected=$(cd "$out" && find . -type f | sort | grep -vxE \
        '\./usr/local/bin/thaigraphd?|\./usr/local/share/man/man[18]/thaigraphd?\.[18]|\./'"$list"'|\./var/lib/thaigraph/graph\.db' || true)
    [ -z "$unexpected" ] || fail "unexpected files in the image: $unexpected"
    # Every library resolves, from a package on the list, and none is a development package.
    for bin in thaigraph thaigraphd; do
        ldd "$out/usr/local/bin/$bin" >/dev/null 2>&1 || fail "$bin is not dynamically linked"
        ldd "$out/usr/local/bin/$bin" | grep "not found" && fail "$bin: unresolved libraries"
    done
    grep -E -- '-dev$|^(gcc|meson|ninja-build|build-essential)' "$out/$list" &&
        fail "build packages in the runtime list"
    # The graph serves, read-only, to a user that is not root.
    local user=nobody port_file
    port_file=$(mktemp)
    chmod 0644 "$port_file"
    setpriv --reuid="$user" --regid=nogroup --clear-groups \
        "$out/usr/local/bin/thaigraphd" --db "$out/var/lib/thaigraph/graph.db" \
        --listen 127.0.0.1:0 --threads 1 >"$port_file" 2>/dev/null &
    local pid=$! port="" i
    for i in $(seq 100); do
        port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$port_file")
        [ -n "$port" ] && break
        sleep 0.1
    done
    if [ -z "$port" ]; then
        fail "thaigraphd did not start as $user"
    else
        curl -fsS "http://127.0.0.1:$port/healthz" | grep -q '"status":"ok"' ||
            fail "/healthz did not answer"
        [ "$(ps -o user= -p "$pid")" = "$user" ] || fail "the daemon does not run as $user"
    fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$port_file"
    return $failed
}

case "${1:-}" in
    build) shift; build "$@" ;;
    runtime) shift; runtime "$@" ;;
    check) shift; check "$@" ;;
    *) echo "usage: $0 build OUT [CORPUS] | runtime ROOT | check OUT" >&2; exit 2 ;;
esac
