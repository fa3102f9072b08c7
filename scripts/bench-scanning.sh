#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Scanning benchmark (issues 5 and 17): A4 200-dpi pages (20 grey text pages, colour pages with a
# seal over a signature, colour pages with an ID-card photocopy) → one PDF per set with the kiosk's
# pipeline, img2pdf, ImageMagick JPEG q75 + img2pdf and ImageMagick bilevel G4 + img2pdf, on the
# same page images, in one run; each PDF rendered by poppler and read by tesseract (vie).
# Needs Debian's img2pdf, imagemagick, poppler-utils, tesseract-ocr and tesseract-ocr-vie
# (installed here if missing and apt-get is allowed). "bench-scanning.sh colour" runs the colour sets only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
missing=()
for pkg in img2pdf imagemagick poppler-utils tesseract-ocr tesseract-ocr-vie; do
  dpkg-query -W -f='${Status}' "$pkg" 2> /dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "bench-scanning: installing ${missing[*]}" >&2
  apt-get install -y -q "${missing[@]}" > /dev/null
fi
# One reactor run (nothing installed into ~/.m2); bench's classpath is written last.
mvn -B -q -ntp -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/target/bench-scanning.cp"
java -Djava.awt.headless=true -cp "$root/bench/target/classes:$(cat "$root/target/bench-scanning.cp")" \
  vn.motcua.kiosk.bench.ScanningBench "$root/target/bench-scanning" "$@"
