#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Chip benchmark (issue 16): a synthetic CCCD on the private pcscd's virtual reader, read by the
# kiosk's own reader ROUNDS times (default 10): the read split into exchanges before and under
# secure messaging, and the time from the card on the reader to a filled applicant screen.
# Needs root (the private pcscd runs in its own mount namespace) and the test packages.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
rounds="${1:-10}"
export KIOSK_TEST_SERVICES="$root/target/bench-services"
# shellcheck source=test-services-lib.sh
source "$root/scripts/test-services-lib.sh"
trap kiosk_services_stop EXIT
rm -rf "$KIOSK_TEST_SERVICES"
mkdir -p "$KIOSK_TEST_SERVICES"
# shellcheck source=services/pcsc.sh
source "$root/scripts/services/pcsc.sh"
cp_file="$root/target/bench-chip.classpath"
mvn -B -q -ntp -pl app -am test-compile
mvn -B -q -ntp -pl app dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test
cp="$root/app/target/test-classes:$root/app/target/classes:$(cat "$cp_file")"
xvfb-run -a -s "-screen 0 1920x1200x24" java -cp "$cp" vn.motcua.kiosk.identity.chip.ChipBench "$rounds"
