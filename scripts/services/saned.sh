# shellcheck shell=bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Sourced (bash, set -euo pipefail) by scripts/test-all.sh and scripts/bench-scanning.sh.
# Starts a PRIVATE saned for the scanning tests: its own SANE_CONFIG_DIR under
# "$KIOSK_TEST_SERVICES/saned" with only SANE's `test` backend (test:0, test:1 — virtual
# scanners with a flatbed, a 10-sheet feeder and switches that make sane_read fail on purpose),
# access for loopback only, listening on a free loopback port; never touches /etc/sane.d or a real
# scanner. Exports KIOSK_TEST_SANED=127.0.0.1:PORT; adds saned's pid to KIOSK_TEST_PIDS.

declare -F kiosk_service_failed > /dev/null || source "$(dirname "${BASH_SOURCE[0]}")/../test-services-lib.sh"

kiosk_saned_start() {
  local dir port i
  dir="${KIOSK_TEST_SERVICES:?KIOSK_TEST_SERVICES must be set}/saned"
  if ! command -v saned > /dev/null 2>&1; then
    kiosk_service_failed saned "saned is missing (sane-utils in scripts/test-packages.txt)"
    return 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir/conf"
  # No trailing colon in SANE_CONFIG_DIR: only this folder is read, not /etc/sane.d.
  echo test > "$dir/conf/dll.conf"
  printf 'localhost\n127.0.0.1\n' > "$dir/conf/saned.conf"

  port=""
  for i in $(seq 16566 16599); do
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$i") 2> /dev/null; then port="$i"; break; fi
  done
  [ -n "$port" ] || { kiosk_service_failed saned "no free loopback port in 16566-16599"; return 1; }

  # -l: standalone (no inetd), -e: log to stderr, -b: loopback only.
  SANE_CONFIG_DIR="$dir/conf" saned -l -e -b 127.0.0.1 -p "$port" > "$dir/saned.log" 2>&1 &
  local pid=$!
  KIOSK_TEST_PIDS+=("$pid")
  for i in $(seq 1 50); do
    kill -0 "$pid" 2> /dev/null || break
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      export KIOSK_TEST_SANED="127.0.0.1:$port"
      echo "saned.sh: private saned (test backend) on $KIOSK_TEST_SANED"
      return 0
    fi
    sleep 0.1
  done
  kiosk_service_failed saned "saned did not listen on 127.0.0.1:$port" "$dir/saned.log"
  return 1
}

kiosk_saned_start
