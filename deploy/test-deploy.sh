#!/usr/bin/env bash
# The deployment tests, with the real programs on loopback: nginx -t, systemd-analyze verify
# and security on the shipped unit, man --warnings on the installed man pages, promtool on
# /metrics, the container build script and its runtime check, and (node --test) nginx in front
# of two replicas, the container files, and the explorer in Chromium. Needs a build in
# $BUILDDIR (default build/, as deploy/test.sh leaves it). Ends with an "N passed, N failed"
# line for the shell checks; node's runner prints its own.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
builddir=$(cd "${BUILDDIR:-build}" && pwd)
export BUILDDIR=$builddir

deploy/install-deps.sh deploy
ninja -C "$builddir" thaigraph thaigraphd >/dev/null

scratch=$(mktemp -d)
# The container check runs the staged daemon as nobody, who must reach it.
chmod 0755 "$scratch"
daemon=""
cleanup() {
    [ -n "$daemon" ] && kill "$daemon" 2>/dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT

passed=0 failed=0
check() {
    local name=$1
    shift
    local started=$SECONDS
    if "$@" >"$scratch/out" 2>&1; then
        passed=$((passed + 1))
        echo "ok   $name ($((SECONDS - started)) s)"
    else
        failed=$((failed + 1))
        echo "FAIL $name"
        sed 's/^/     /' "$scratch/out"
    fi
}

# The shipped nginx.conf as it is: its upstream names are compose's, resolved here to loopback
# in a mount namespace of this check's own.
nginx_t() {
    local dir=$scratch/nginx-t
    mkdir -p "$dir"
    printf '127.0.0.1 localhost thaigraphd-1 thaigraphd-2\n' >"$dir/hosts"
    cat >"$dir/main.conf" <<CONF
pid $dir/nginx.pid;
error_log $dir/error.log;
events {}
http { proxy_temp_path $dir/proxy; client_body_temp_path $dir/body; include $root/deploy/nginx.conf; }
CONF
    unshare --mount sh -c "mount --bind '$dir/hosts' /etc/hosts &&
        mkdir -p /var/cache/nginx && nginx -t -p '$dir' -c '$dir/main.conf'"
}

# meson install into a staging root, then verify the unit with those files where the unit
# expects them (bind-mounted over /usr/local in a mount namespace: the machine is untouched).
install_staged() {
    DESTDIR=$scratch/stage meson install -C "$builddir" --no-rebuild --quiet --tags runtime,man
    test -x "$scratch/stage/usr/local/bin/thaigraphd"
}
systemd_verify() {
    local prefix
    prefix=$(meson introspect "$builddir" --buildoptions |
        node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).find(o=>o.name==="prefix").value))')
    [ "$prefix" = /usr/local ] || { echo "build prefix is $prefix, the unit expects /usr/local"; return 1; }
    unshare --mount sh -c "mount --bind '$scratch/stage/usr/local' /usr/local &&
        MANPATH=/usr/local/share/man systemd-analyze verify '$root/deploy/thaigraphd.service'"
}
systemd_security() {
    local score
    systemd-analyze security --offline=yes "$root/deploy/thaigraphd.service" >"$scratch/security"
    score=$(sed -n 's/.*Overall exposure level for thaigraphd.service: \([0-9.]*\).*/\1/p' \
        "$scratch/security")
    echo "systemd-analyze security: $score"
    awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }'
}
man_pages() {
    local page
    for page in man1/thaigraph.1 man8/thaigraphd.8; do
        test -f "$scratch/stage/usr/local/share/man/$page" || { echo "$page not installed"; return 1; }
        # man prints groff's warnings on stderr; any is a failure.
        LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l "$scratch/stage/usr/local/share/man/$page" \
            2>"$scratch/man-warnings" >/dev/null
        if [ -s "$scratch/man-warnings" ]; then cat "$scratch/man-warnings"; return 1; fi
    done
}
help_and_version() {
    local bin
    for bin in thaigraph thaigraphd; do
        "$builddir/$bin" --version | grep -qx "$bin [0-9][0-9.]*"
        "$builddir/$bin" --help | grep -q "^usage: $bin"
    done
}
promtool_metrics() {
    "$builddir/thaigraph" ingest --db "$scratch/seeds.db" seeds/ 2>/dev/null
    "$builddir/thaigraphd" --db "$scratch/seeds.db" --listen 127.0.0.1:0 --threads 1 \
        >"$scratch/port" 2>/dev/null &
    daemon=$!
    local port="" i
    for i in $(seq 100); do
        port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$scratch/port")
        [ -n "$port" ] && break
        sleep 0.1
    done
    curl -fsS "http://127.0.0.1:$port/v1/documents" >/dev/null
    curl -fsS "http://127.0.0.1:$port/nowhere" >/dev/null 2>&1 || true
    kill -HUP "$daemon"
    sleep 0.5
    curl -fsS "http://127.0.0.1:$port/metrics" >"$scratch/metrics"
    kill "$daemon"
    wait "$daemon" || true
    daemon=""
    grep -q '^thaigraph_build_info{version=' "$scratch/metrics"
    grep -q '^thaigraph_reloads_total{result="success"} 1$' "$scratch/metrics"
    promtool check metrics <"$scratch/metrics"
}
container() {
    deploy/container-build.sh build "$scratch/image" &&
        deploy/container-build.sh check "$scratch/image"
}

check "nginx -t on deploy/nginx.conf" nginx_t
check "meson install (binaries, man pages)" install_staged
check "systemd-analyze verify deploy/thaigraphd.service" systemd_verify
check "systemd-analyze security: at most 2.0" systemd_security
cat "$scratch/out"
check "man --warnings on the installed man pages" man_pages
check "--help and --version on both binaries" help_and_version
check "promtool check metrics on /metrics" promtool_metrics
check "container-build.sh build and check (the Dockerfile's steps)" container
echo "deploy checks: $passed passed, $failed failed"

# Node tests: nginx with two replicas, the container files, the explorer in Chromium.
status=0
(
    cd deploy/tests
    if ! cmp -s package-lock.json node_modules/.installed-lock 2>/dev/null; then
        npm ci --no-audit --no-fund --loglevel=error
        cp package-lock.json node_modules/.installed-lock
    fi
    node --test --test-reporter=spec --test-concurrency=1 \
        nginx.test.mjs container.test.mjs readme.test.mjs explorer.test.mjs
) || status=1
[ "$failed" -eq 0 ] || status=1
exit $status
