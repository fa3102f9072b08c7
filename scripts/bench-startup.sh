#!/usr/bin/env bash
# Start-up benchmark: cold start to the first rendered Welcome frame, median of N runs (default 7)
# under Xvfb. Usage: scripts/bench-startup.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp -f bench dependency:build-classpath -Dmdep.outputFile="$root/bench/target/classpath.txt"
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
xvfb-run -a -s "-screen 0 1280x800x24" java -cp "$cp" vn.motcua.kiosk.bench.StartupBench "${1:-7}"
