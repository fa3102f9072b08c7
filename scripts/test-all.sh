#!/usr/bin/env bash
# The test command (README, .ci/run): installs what the tests need, starts the services they use
# in private folders under target/, and runs every test of every module under a virtual display.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

"$root/scripts/install-test-deps.sh"

# Services (SANE, CUPS, SoftHSM, ...) each have a script in scripts/services/ that starts them in
# "$KIOSK_TEST_SERVICES/<name>" and adds their process ids to KIOSK_TEST_PIDS.
export KIOSK_TEST_SERVICES="$root/target/test-services"
rm -rf "$KIOSK_TEST_SERVICES"
mkdir -p "$KIOSK_TEST_SERVICES"
KIOSK_TEST_PIDS=()
stop_services() {
  for pid in "${KIOSK_TEST_PIDS[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap stop_services EXIT
for service in "$root"/scripts/services/*.sh; do
  [ -e "$service" ] || continue
  # shellcheck source=/dev/null
  source "$service"
done

status=0
xvfb-run -a -s "-screen 0 1280x1024x24" mvn -B -ntp verify "$@" || status=$?
if [ "$status" -ne 0 ]; then
  # The services' own logs explain failures the test report cannot (a stalled saned, a CUPS
  # filter error); they carry no personal data (test backends and generated test pages only).
  find "$KIOSK_TEST_SERVICES" -maxdepth 3 -type f \( -name '*.log' -o -name 'error_log' \) | while read -r log; do
    [ -s "$log" ] || continue
    echo "---- last lines of ${log#"$root"/} ----"
    tail -n 40 "$log"
  done
fi
if [ "$status" -eq 0 ]; then
  bash "$root/scripts/check-run-command.sh" || status=$?
fi
exit "$status"
