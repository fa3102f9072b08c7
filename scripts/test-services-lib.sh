# shellcheck shell=bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Sourced by scripts/with-test-services.sh and by the benchmarks. The private services the tests
# use (scripts/services/*.sh) start in "$KIOSK_TEST_SERVICES/<name>"; each adds its process ids to
# KIOSK_TEST_PIDS and folders it made elsewhere to KIOSK_TEST_CLEANUP, and a service that cannot
# start says so through kiosk_service_failed and returns non-zero.

: "${KIOSK_TEST_PIDS:=}"
: "${KIOSK_TEST_CLEANUP:=}"
declare -a KIOSK_TEST_PIDS KIOSK_TEST_CLEANUP

# kiosk_service_failed SERVICE WHY [LOG]: one clear message on stderr (which service, why, where
# its log is, and the log's last lines), so a failed start never ends the test command silently.
kiosk_service_failed() {
  local service="$1" why="$2" log="${3:-}"
  {
    echo "TEST SERVICE FAILED: $service — $why"
    if [ -n "$log" ]; then
      echo "  log: $log"
      [ -s "$log" ] && tail -n 15 "$log" | sed 's/^/  | /'
    fi
  } >&2
}

# Starts every service, in name order; stops at the first that fails.
kiosk_services_start() {
  local root service
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  export KIOSK_TEST_SERVICES="${KIOSK_TEST_SERVICES:-$root/target/test-services}"
  kiosk_services_stop
  rm -rf "$KIOSK_TEST_SERVICES"
  mkdir -p "$KIOSK_TEST_SERVICES"
  for service in "$root"/scripts/services/*.sh; do
    # shellcheck source=/dev/null
    source "$service" || {
      echo "test services: $(basename "$service") failed (see above); the tests were not run" >&2
      return 1
    }
  done
}

kiosk_services_stop() {
  local pid dir
  for pid in "${KIOSK_TEST_PIDS[@]}"; do
    [ -n "$pid" ] && kill "$pid" 2> /dev/null
  done
  for pid in "${KIOSK_TEST_PIDS[@]}"; do
    [ -n "$pid" ] && while kill -0 "$pid" 2> /dev/null; do sleep 0.1; done
  done
  for dir in "${KIOSK_TEST_CLEANUP[@]}"; do
    [ -n "$dir" ] && rm -rf "$dir"
  done
  KIOSK_TEST_PIDS=()
  KIOSK_TEST_CLEANUP=()
  return 0
}

# The services' own logs explain failures a test report cannot (a stalled saned, a CUPS filter
# error); they carry no personal data (test backends and generated test pages only).
kiosk_services_logs() {
  find -L "$KIOSK_TEST_SERVICES" -maxdepth 3 -type f \( -name '*.log' -o -name 'error_log' \) | while read -r log; do
    [ -s "$log" ] || continue
    echo "---- last lines of $log ----"
    tail -n 40 "$log"
  done
}
