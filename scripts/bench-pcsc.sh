#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# PC/SC benchmark: how soon a card inserted / removed in the private pcscd's virtual reader reaches
# the token watcher (ROUNDS rounds, default 10), and how long starting the watcher takes when no
# pcscd answers. Needs root (the private pcscd runs in its own mount namespace).
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
cp_file="$root/target/bench-pcsc.classpath"
mvn -B -q -ntp -pl bench -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
cp="$root/bench/target/classes:$(cat "$cp_file")"
java -cp "$cp" vn.motcua.kiosk.bench.PcscBench "$rounds" "$KIOSK_TEST_VICC" "$KIOSK_TEST_PCSC_READER"
for _ in 1 2 3; do
  PCSCLITE_CSOCK_NAME="$KIOSK_TEST_SERVICES/no-pcscd-here.comm" java -cp "$cp" vn.motcua.kiosk.bench.PcscBench no-pcscd
done
