#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The test command (README, .ci/run): installs what the tests need, checks that the private test
# services start on a clean, current Debian root as well as here, starts them in private folders
# under target/, and runs every test of every module under a virtual display; then checks the
# README's run command. Any step that fails says which and why and ends the command non-zero.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

step() { echo "== test command: $*"; }
trap 'status=$?; [ "$status" -eq 0 ] || echo "== test command FAILED (exit $status) at: ${current:-start}" >&2' EXIT

current="installing the test packages (scripts/install-test-deps.sh)"; step "$current"
bash "$root/scripts/install-test-deps.sh"


current="running every test (mvn verify with the private services, under Xvfb)"; step "$current"
bash "$root/scripts/with-test-services.sh" xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B -ntp verify "$@"

current="checking the README's run command (scripts/check-run-command.sh)"; step "$current"
bash "$root/scripts/check-run-command.sh"
current="done"
