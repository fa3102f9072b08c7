#!/usr/bin/env bash
# Takes the README's screenshots from the real kiosk window under Xvfb into docs/screenshots/.
# "scripts/screenshots.sh welcome-interrupted" takes only that step's shots (Welcome after a crash, five sizes).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp -f bench dependency:build-classpath -Dmdep.outputFile="$root/bench/target/classpath.txt"
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
xvfb-run -a -s "-screen 0 1920x1920x24" java -cp "$cp" vn.motcua.kiosk.bench.ScreenshotTour "$root/docs/screenshots" "$@"
