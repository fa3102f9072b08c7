#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Start-up benchmark of the Debian package's kiosk: cold start to the first Welcome frame, median
# of N runs (default 7) under Xvfb, started through the installed launcher with the package's own
# runtime and the AppCDS archive made at build time. The package's tree (installers/linux/
# build-deb.sh, in target/deb/stage) is mounted where it installs, in a private mount namespace
# (the archive is valid only there), so nothing is installed on this machine. Also prints the
# installed size by part. Then the floor: a JavaFX program showing one label (bench FirstFrameFloor)
# on the package's runtime and JavaFX jars, with its own AppCDS archive — the kiosk cannot start
# faster than that on the same machine. Needs root. Usage: scripts/bench-installed.sh [runs]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs="${1:-7}"
[ "$(id -u)" -eq 0 ] || exec sudo -E bash "$0" "$@"
bash installers/linux/build-deb.sh > /dev/null
lib="$root/target/deb/stage/usr/lib/mot-cua-kiosk"
echo "installed size: $(du -sm --exclude=DEBIAN "$root/target/deb/stage" | cut -f1) MB — runtime $(du -sm "$lib/runtime" | cut -f1) MB, jars $(du -cm "$lib"/lib/*.jar | tail -1 | cut -f1) MB, AppCDS archive $(du -sm "$lib/lib/kiosk.jsa" | cut -f1) MB, natives $(du -sm "$lib/lib/native" | cut -f1) MB"
mvn -B -q -ntp install -DskipTests
mvn -B -q -ntp -f bench dependency:build-classpath -Dmdep.outputFile="$root/bench/target/classpath.txt"
cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
mkdir -p /usr/lib/mot-cua-kiosk
unshare --mount --propagation private bash -euc '
  mount --bind "$1" /usr/lib/mot-cua-kiosk
  xvfb-run -a -s "-screen 0 1280x800x24" java -Dkiosk.bench.launcher=/usr/lib/mot-cua-kiosk/bin/mot-cua-kiosk \
    -cp "$2" vn.motcua.kiosk.bench.StartupBench "$3"
  xvfb-run -a -s "-screen 0 1280x800x24" java -Dkiosk.bench.floor=/usr/lib/mot-cua-kiosk/runtime/bin/java \
    -Dkiosk.bench.floorLib=/usr/lib/mot-cua-kiosk/lib -cp "$2" vn.motcua.kiosk.bench.StartupBench "$3"
' bench "$lib" "$cp" "$runs"
