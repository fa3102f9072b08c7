# shellcheck shell=bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Sourced (bash, set -euo pipefail) by scripts/test-all.sh and scripts/bench-scanning.sh.
# Starts a PRIVATE saned for the scanning tests: its own SANE_CONFIG_DIR under
# "$KIOSK_TEST_SERVICES/saned" with SANE's `test` backend (test:0, test:1 — virtual scanners with
# a flatbed, a 10-sheet feeder and switches that make sane_read fail on purpose) and sane-airscan
# with discovery off and one eSCL scanner on a loopback port that the tests serve themselves
# (EsclTestScanner); access for loopback only, listening on a free loopback port; never touches a
# real scanner. Exports KIOSK_TEST_SANED=127.0.0.1:PORT, KIOSK_TEST_ESCL_PORT and
# KIOSK_TEST_ESCL_DEVICE (that scanner's SANE name); adds saned's pid to KIOSK_TEST_PIDS.

declare -F kiosk_service_failed > /dev/null || source "$(dirname "${BASH_SOURCE[0]}")/../test-services-lib.sh"

kiosk_saned_start() {
  local dir port escl i
  dir="${KIOSK_TEST_SERVICES:?KIOSK_TEST_SERVICES must be set}/saned"
  if ! command -v saned > /dev/null 2>&1; then
    kiosk_service_failed saned "saned is missing (sane-utils in scripts/test-packages.txt)"
    return 1
  fi
  if ! compgen -G '/usr/lib/*/sane/libsane-airscan.so.1' > /dev/null; then
    kiosk_service_failed saned "sane-airscan is missing (scripts/test-packages.txt)"
    return 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir/conf"
  # No trailing colon in SANE_CONFIG_DIR: SANE's dll reads only this folder's dll.conf, not
  # /etc/sane.d or its dll.d. dll lists the backends of dll.conf last line first, so `airscan`
  # goes above `test` to keep test:0 the first device (the one "auto" picks).
  printf 'airscan\ntest\n' > "$dir/conf/dll.conf"
  printf 'localhost\n127.0.0.1\n' > "$dir/conf/saned.conf"

  port=""
  for i in $(seq 16566 16599); do
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$i") 2> /dev/null; then port="$i"; break; fi
  done
  [ -n "$port" ] || { kiosk_service_failed saned "no free loopback port in 16566-16599"; return 1; }

  # The eSCL scanner's port is only probed here (a test binds it when it starts its server), so
  # clones testing at the same time start from different places in the range.
  escl=""
  for i in $(shuf -i 16600-16699); do
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$i") 2> /dev/null; then escl="$i"; break; fi
  done
  [ -n "$escl" ] || { kiosk_service_failed saned "no free loopback port in 16600-16699 for the eSCL scanner"; return 1; }
  # sane-airscan reads this file, then /etc/sane.d/airscan.conf (Debian's is all comments). No
  # mDNS or WS-Discovery: only the scanner named here, so listing stays quick (nothing is asked
  # of it until it is opened) and never finds a real scanner on the LAN; and with discovery on
  # but no system D-Bus (containers) sane-airscan would not start at all.
  cat > "$dir/conf/airscan.conf" << EOF
[options]
discovery = disable
[devices]
"Mot Cua Test eSCL" = http://127.0.0.1:$escl/eSCL, eSCL
EOF

  # -l: standalone (no inetd), -e: log to stderr, -b: loopback only.
  SANE_CONFIG_DIR="$dir/conf" saned -l -e -b 127.0.0.1 -p "$port" > "$dir/saned.log" 2>&1 &
  local pid=$!
  KIOSK_TEST_PIDS+=("$pid")
  for i in $(seq 1 50); do
    kill -0 "$pid" 2> /dev/null || break
    if (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
      export KIOSK_TEST_SANED="127.0.0.1:$port"
      export KIOSK_TEST_ESCL_PORT="$escl"
      # sane-airscan names a configured eSCL device airscan:e<its index>:<its name>.
      export KIOSK_TEST_ESCL_DEVICE="airscan:e0:Mot Cua Test eSCL"
      echo "saned.sh: private saned (test backend; eSCL scanner expected at 127.0.0.1:$escl) on $KIOSK_TEST_SANED"
      return 0
    fi
    sleep 0.1
  done
  kiosk_service_failed saned "saned did not listen on 127.0.0.1:$port" "$dir/saned.log"
  return 1
}

kiosk_saned_start
