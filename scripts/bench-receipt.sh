#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Receipt benchmark: PDF generation (warm median) and "In" → job accepted by CUPS, against the same
# private CUPS server the tests use; then rasterises one receipt per layout into docs/screenshots/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export KIOSK_TEST_SERVICES="$root/target/bench-services"
# shellcheck source=test-services-lib.sh
source "$root/scripts/test-services-lib.sh"
trap kiosk_services_stop EXIT
rm -rf "$KIOSK_TEST_SERVICES"
mkdir -p "$KIOSK_TEST_SERVICES"
# shellcheck source=services/cups.sh
source "$root/scripts/services/cups.sh"

# One reactor run (nothing installed into ~/.m2); bench's classpath is written last.
mvn -B -q -ntp -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/target/bench-receipt.cp"
out="$root/target/bench-receipt"
java -Djava.awt.headless=true -cp "$root/bench/target/classes:$(cat "$root/target/bench-receipt.cp")" \
  vn.motcua.kiosk.bench.ReceiptBench KioskPDF "$out"

mkdir -p "$root/docs/screenshots"
pdftoppm -r 150 -singlefile -png "$out/receipt-a5.pdf" "$root/docs/screenshots/receipt-a5"
pdftoppm -r 203 -singlefile -png "$out/receipt-80mm.pdf" "$root/docs/screenshots/receipt-80mm"
echo "screenshots: docs/screenshots/receipt-a5.png docs/screenshots/receipt-80mm.png"
