#!/usr/bin/env bash
# Autosave latency per change (p50/p99) and the time to open the LLTP form (warm), under Xvfb.
# Usage: scripts/bench-forms.sh [saves]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp -f bench dependency:build-classpath -Dmdep.outputFile="$root/bench/target/classpath.txt"
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
xvfb-run -a -s "-screen 0 1280x800x24" java -cp "$cp" vn.motcua.kiosk.bench.FormBench "${1:-1000}"
