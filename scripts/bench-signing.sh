#!/usr/bin/env bash
# Signing benchmark (docs/bench-signing.md): a 50-page PDF signed RUNS times (default 10) with the
# kiosk's iText PAdES signer and with PDFBox + BouncyCastle CMS, key in a SoftHSM2 token made the
# same way as for the tests. Prints the medians and the ratio; pdfsig checks one output of each.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-10}"
export KIOSK_TEST_SERVICES="$root/target/bench-services"
# shellcheck source=test-services-lib.sh
source "$root/scripts/test-services-lib.sh"
trap kiosk_services_stop EXIT
rm -rf "$KIOSK_TEST_SERVICES"
mkdir -p "$KIOSK_TEST_SERVICES"
# shellcheck source=services/softhsm.sh
source "$root/scripts/services/softhsm.sh"
# Compiled in the reactor (no install: the local Maven repository may be shared with other work trees).
cp_file="$root/target/bench-signing.classpath"
mvn -B -q -ntp -pl bench -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
out="$root/target/bench-signing"
java -cp "$root/bench/target/classes:$(cat "$cp_file")" vn.motcua.kiosk.bench.SigningBench \
  "$KIOSK_TEST_SOFTHSM_LIB" kiosk-rsa "$runs" "$out"
for f in itext-signed.pdf pdfbox-signed.pdf; do
  echo "pdfsig $f: $(pdfsig "$out/$f" | grep -E 'Signature Validation|Total document' | sed 's/^ *- *//' | paste -sd ';' -)"
done
