#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Scanning benchmark (issue 5 "Measured"): 20 A4 200-dpi grey pages → one PDF with the kiosk's
# pipeline, img2pdf and ImageMagick + img2pdf, on the same page images, in one run.
# Needs Debian's img2pdf and imagemagick (installed here if missing and apt-get is allowed).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if ! command -v img2pdf > /dev/null 2>&1 || [ ! -x /usr/bin/convert ]; then
  echo "bench-scanning: installing img2pdf and imagemagick" >&2
  apt-get install -y -q img2pdf imagemagick > /dev/null
fi
# One reactor run (nothing installed into ~/.m2); bench's classpath is written last.
mvn -B -q -ntp -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/target/bench-scanning.cp"
java -Djava.awt.headless=true -cp "$root/bench/target/classes:$(cat "$root/target/bench-scanning.cp")" \
  vn.motcua.kiosk.bench.ScanningBench "$root/target/bench-scanning"
