#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Runs the README's run command (under Xvfb) and checks that the kiosk draws its Welcome frame and
# starts its embedded training portal; then stops it. Called by scripts/test-all.sh after the tests,
# so a change that breaks the command (a module's exec that blocks, a wrong argument) fails CI.
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
log="$root/target/run-command.log"
data="$(mktemp -d)"
mkdir -p "$root/target"
# The README command, with a private data folder and the first-frame report, in a process group of
# its own so that everything it started (Xvfb, Maven, the kiosk, a blocking exec) goes at the end.
setsid xvfb-run -a -s "-screen 0 1280x800x24" \
  mvn -q -B -ntp -pl app -am compile exec:exec -Dkiosk.args="--windowed --report-first-frame --data $data" > "$log" 2>&1 &
runner=$!
ok=1
for _ in $(seq 1 240); do
  if grep -q FIRST_FRAME "$log" && grep -q "training portal started" "$log"; then ok=0; break; fi
  kill -0 "$runner" 2> /dev/null || break
  sleep 0.5
done
kill -TERM -- "-$runner" 2> /dev/null
sleep 2
kill -KILL -- "-$runner" 2> /dev/null
wait "$runner" 2> /dev/null
rm -rf "$data"
if [ "$ok" -ne 0 ]; then
  echo "check-run-command: the README's run command did not show Welcome with its training portal; its output:" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
echo "check-run-command: the README's run command shows Welcome and starts the training portal"
