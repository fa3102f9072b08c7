#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Upload benchmark (issue 4 "Measured", docs/bench-upload.md): the kiosk's tus client against curl
# sending the same random file to the training portal on loopback (in-process, temp folder), then
# the bytes re-sent after a connection dropped mid-chunk.
# Usage: scripts/bench-upload.sh [size MiB, default 40, at most 50] [runs, default 7]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if ! command -v curl > /dev/null 2>&1; then
  echo "bench-upload: curl is not installed, and it is what the kiosk is measured against." >&2
  echo "bench-upload: install it first (Debian: apt-get install curl), then run this again." >&2
  exit 1
fi
# One reactor run (nothing installed into ~/.m2); bench's classpath is written last.
mvn -B -q -ntp -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/target/bench-upload.cp"
java -cp "$root/bench/target/classes:$(cat "$root/target/bench-upload.cp")" \
  vn.motcua.kiosk.bench.UploadBench "${1:-40}" "${2:-7}" "$root/target/bench-upload"
