#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/test-packages.txt that are missing.
# Idempotent (does nothing when all are present), non-interactive, as root or through sudo.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/test-packages.txt" | grep -v '^$')

missing=()
for p in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test packages: all ${#wanted[@]} present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test packages missing and no apt-get on this machine: ${missing[*]}" >&2
  exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "installing ${missing[*]} needs root or sudo" >&2
  exit 1
fi
echo "test packages: installing ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
