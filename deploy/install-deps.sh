#!/usr/bin/env bash
# Installs the Debian 12 packages thaigraph builds, runs and tests with, when any is missing.
# usage: deploy/install-deps.sh [run|test|ci]   (default: test; each level includes the ones before)
set -euo pipefail

level=${1:-test}
packages=(build-essential meson ninja-build pkg-config libmicrohttpd-dev libjansson-dev
          libsqlite3-dev libicu-dev zlib1g-dev libsystemd-dev curl)
case "$level" in
    run) ;;
    test) packages+=(check libcurl4-openssl-dev sqlite3) ;;
    ci) packages+=(check libcurl4-openssl-dev sqlite3 clang clang-format libclang-rt-14-dev) ;;
    *) echo "usage: $0 [run|test|ci]" >&2; exit 2 ;;
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
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
