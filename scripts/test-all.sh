#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The test command (README, .ci/run): installs what the tests need; starts the private test services
# on a fresh, current Debian root (in the background, while the tests run); starts them here in
# private folders and runs every test of every module under a virtual display; then checks the
# README's run command; then builds the Debian package and tests it on a clean Debian root booted
# with systemd (installers/linux/test-install.sh; its root is made while the tests run).
# A step that fails says which and why, and the command ends non-zero.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p "$root/target"

current="start"
trap 'status=$?; [ "$status" -eq 0 ] || echo "== test command FAILED (exit $status) at: $current" >&2' EXIT
step() { current="$*"; echo "== test command: $current"; }

step "installing the test packages (scripts/install-test-deps.sh)"
bash "$root/scripts/install-test-deps.sh"

# Mostly downloading and unpacking packages: it overlaps the tests instead of adding to them.
fresh_log="$root/target/check-fresh-root.log"
bash "$root/scripts/check-fresh-root.sh" > "$fresh_log" 2>&1 &
fresh_pid=$!
# The install test's clean root (mostly downloading), also while the tests run.
install_root="$root/target/install-root"
install_log="$root/target/install-root-prepare.log"
bash "$root/installers/linux/test-install.sh" --prepare-root "$install_root" > "$install_log" 2>&1 &
install_pid=$!

step "running every test (mvn verify with the private services, under Xvfb)"
tests=0
bash "$root/scripts/with-test-services.sh" xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B -ntp verify "$@" || tests=$?

step "starting the test services on a fresh Debian root (scripts/check-fresh-root.sh)"
fresh=0
wait "$fresh_pid" || fresh=$?
cat "$fresh_log"
[ "$tests" -eq 0 ] || { current="the tests (see the Maven report above)"; exit "$tests"; }
[ "$fresh" -eq 0 ] || exit "$fresh"

step "checking the README's run command (scripts/check-run-command.sh)"
bash "$root/scripts/check-run-command.sh"

step "the Debian package: build, install on a clean root, kill, upgrade, purge (installers/linux/test-install.sh)"
prepared=0
wait "$install_pid" || prepared=$?
cat "$install_log"
[ "$prepared" -eq 0 ] || { current="preparing the install test's clean root"; exit "$prepared"; }
KIOSK_INSTALL_ROOT="$install_root" bash "$root/installers/linux/test-install.sh"
current="done"
