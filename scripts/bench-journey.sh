#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Issue 15's LLTP path timed on the kiosk's side (JourneyBench): the training kiosk with its own
# portal, SANE's test backend and the private CUPS (started here as the tests start them), Xvfb.
# Usage: scripts/bench-journey.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
# One reactor run (nothing installed into ~/.m2); bench's classpath is written last.
mvn -B -q -ntp -pl bench -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile="$root/target/bench-journey.cp"
cp="$root/bench/target/classes:$(cat "$root/target/bench-journey.cp")"
bash scripts/with-test-services.sh xvfb-run -a -s "-screen 0 1280x800x24" \
  java -cp "$cp" vn.motcua.kiosk.bench.JourneyBench "${1:-5}"
