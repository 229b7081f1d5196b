#!/usr/bin/env bash
# Installs the system libraries Brief builds against (Debian/Ubuntu), only those that are missing:
# ICU 72 (libicu-dev), Snowball stemmers (libstemmer-dev) and CLD2 language identification (libcld2-dev).
set -euo pipefail
packages=(libicu-dev libstemmer-dev libcld2-dev)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "bootstrap: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
