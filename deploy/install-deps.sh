#!/usr/bin/env bash
# Installs the Debian 12 packages thaigraph builds, runs and tests with, when any is missing.
# usage: deploy/install-deps.sh [run|test|deploy|ci]
#   (default: test; deploy adds what deploy/test-deploy.sh drives: nginx, systemd-analyze,
#   promtool, Chromium; ci is everything)
set -euo pipefail

level=${1:-test}
packages=(build-essential meson ninja-build pkg-config libmicrohttpd-dev libjansson-dev
          libsqlite3-dev libxxhash-dev libicu-dev zlib1g-dev libsystemd-dev curl)
case "$level" in
    run) ;;
    test) packages+=(check libcurl4-openssl-dev sqlite3 wrk python3 python3-yaml python3-networkx) ;;
    deploy | ci) packages+=(check libcurl4-openssl-dev sqlite3 wrk python3 python3-yaml python3-networkx) ;;&
    deploy | ci) packages+=(nginx systemd prometheus chromium man-db util-linux) ;;&
    ci) packages+=(clang clang-format libclang-rt-14-dev) ;;
    deploy) ;;
    *) echo "usage: $0 [run|test|deploy|ci]" >&2; exit 2 ;;
esac

# The API checks run on Node; a machine that already has it (any source) keeps its own.
if [ "$level" != run ] && ! command -v npm >/dev/null; then
    packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
echo "installing: ${missing[*]}" >&2
# nginx and prometheus start their services when installed; the tests start their own on
# ephemeral ports, so package scripts may start nothing (policy-rc.d answers 101: not allowed).
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod 755 /usr/sbin/policy-rc.d
    trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
fi
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
