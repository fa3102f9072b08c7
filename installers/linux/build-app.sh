#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Builds the kiosk as it is installed: target/mot-cua-kiosk/lib (its jars) and bin/mot-cua-kiosk
# (the launcher). jpackage will wrap this folder with a runtime into .deb/.msi (installers/README.md).
# Usage: installers/linux/build-app.sh [output folder]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/target/mot-cua-kiosk}"
cd "$root"
mvn -B -q -ntp -pl app -am install -DskipTests
rm -rf "$out"
mkdir -p "$out/lib" "$out/bin"
mvn -B -q -ntp -f app/pom.xml dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out/lib"
# The main jar only: kiosk-app-*-tests.jar (sample pages for the bench) is not part of the kiosk.
find app/target -maxdepth 1 -name 'kiosk-app-*.jar' ! -name '*-tests.jar' -exec cp {} "$out/lib/" \;
cp installers/linux/mot-cua-kiosk "$out/bin/"
echo "$out"
