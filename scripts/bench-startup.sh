#!/usr/bin/env bash
# Start-up benchmark: cold start to the first rendered Welcome frame, median of N runs (default 7)
# under Xvfb, twice: (1) the plain JVM with the kiosk's flags (kiosk.jvm.flags in the root pom, as
# the README's run command uses them); (2) the kiosk as installed — installers/linux/build-app.sh,
# started through its launcher (flags + AppCDS archive, written by a first untimed start).
# Usage: scripts/bench-startup.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-7}"
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp -f bench dependency:build-classpath -Dmdep.outputFile="$root/bench/target/classpath.txt"
flags="$(grep -o '<kiosk.jvm.flags>[^<]*' pom.xml | cut -d'>' -f2)"
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
xvfb-run -a -s "-screen 0 1280x800x24" java -Dkiosk.bench.jvm="$flags" -cp "$cp" vn.motcua.kiosk.bench.StartupBench "$runs"
app="$root/target/mot-cua-kiosk"
bash installers/linux/build-app.sh "$app" > /dev/null
xvfb-run -a -s "-screen 0 1280x800x24" java -Dkiosk.bench.launcher="$app/bin/mot-cua-kiosk" -cp "$cp" \
  vn.motcua.kiosk.bench.StartupBench "$runs"
