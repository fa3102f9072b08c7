# shellcheck shell=bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Sourced (bash, set -euo pipefail) by scripts/test-all.sh. Starts a PRIVATE pcscd for the PC/SC
# tests (card insertion and removal, PcscWatcherTest) with only vsmartcard's virtual reader
# ("Virtual PCD 00 00", vpcd) on a free loopback port; tests "insert" a card by starting vicc (the
# virtual card) through "$KIOSK_TEST_VICC" and "remove" it by killing that process.
#
# pcscd 1.9.9 always puts its socket in /run/pcscd (PCSCLITE_CSOCK_NAME only moves the CLIENT's
# side), so it runs in its own mount namespace (unshare, needs root or CAP_SYS_ADMIN) where:
#   - /run/pcscd is our folder "$KIOSK_TEST_SERVICES/pcsc/run" (a system pcscd, if any, keeps its own);
#   - /usr/lib/pcsc/drivers is an empty folder, so the private pcscd never grabs a real USB reader;
#     the vpcd driver is loaded from a copy named in our own reader.conf.d.
# Nothing outside "$KIOSK_TEST_SERVICES/pcsc" is created or changed. Clients (the test JVM,
# pcsc_scan) reach it through PCSCLITE_CSOCK_NAME, exported here; libpcsclite reads it.
# Exports PCSCLITE_CSOCK_NAME, KIOSK_TEST_PCSC_READER, KIOSK_TEST_VICC; adds pcscd's pid to
# KIOSK_TEST_PIDS. For the chip ID card (issue 16) also KIOSK_TEST_VICC_ICAO, which inserts a virtual
# ICAO 9303 chip (scripts/services/vicc-icao.py; --dir FILES, more options there), and
# KIOSK_TEST_CHIP_READER, the reader it goes into: "Virtual PCD 00 01" when vpcd offers a second
# reader (so chip tests and PcscWatcherTest never share one), else "Virtual PCD 00 00".

declare -F kiosk_service_failed > /dev/null || source "$(dirname "${BASH_SOURCE[0]}")/../test-services-lib.sh"

kiosk_pcsc_start() {
  local dir vpcd port i candidate
  dir="${KIOSK_TEST_SERVICES:?KIOSK_TEST_SERVICES must be set}/pcsc"
  vpcd=""
  for candidate in /usr/lib/pcsc/drivers/serial/libifdvpcd.so /usr/lib/pcsc/drivers/serial/libifdvpcd.so.0.8; do
    if [ -f "$candidate" ]; then vpcd="$candidate"; break; fi
  done
  if ! command -v pcscd > /dev/null 2>&1 || [ -z "$vpcd" ] || [ ! -x /usr/bin/vicc ] || ! command -v unshare > /dev/null 2>&1; then
    kiosk_service_failed pcscd "pcscd, vsmartcard-vpcd, vsmartcard-vpicc or unshare is missing (scripts/test-packages.txt)"
    return 1
  fi
  if ! /usr/bin/python3 -c 'import Cryptodome' 2> /dev/null; then
    kiosk_service_failed pcscd "python3-pycryptodome is missing (the virtual card vicc needs it)"
    return 1
  fi
  if ! unshare --mount --propagation private true 2> /dev/null; then
    kiosk_service_failed pcscd "cannot make a private mount namespace: run the test command as root (or through sudo)"
    return 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir/conf" "$dir/run" "$dir/drivers" "$dir/no-drivers" "$dir/python"

  # vpcd listens on PORT (reader 00 00) and PORT+1 (reader 00 01) for vicc to connect.
  port=""
  for i in $(seq 35970 2 36068); do
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$i") 2> /dev/null && ! (exec 3<> "/dev/tcp/127.0.0.1/$((i + 1))") 2> /dev/null; then
      port="$i"; break
    fi
  done
  [ -n "$port" ] || { kiosk_service_failed pcscd "no free loopback port pair in 35970-36069"; return 1; }

  cp "$vpcd" "$dir/drivers/libifdvpcd.so"
  cat > "$dir/conf/vpcd" << CONF
FRIENDLYNAME "Virtual PCD"
DEVICENAME   /dev/null:$port
LIBPATH      $dir/drivers/libifdvpcd.so
CHANNELID    $port
CONF

  # Debian's vicc imports "Crypto" (PyCrypto's name); python3-pycryptodome installs "Cryptodome".
  ln -sfn "$(/usr/bin/python3 -c 'import Cryptodome, os; print(os.path.dirname(Cryptodome.__file__))')" "$dir/python/Crypto"
  cat > "$dir/vicc.sh" << SCRIPT
#!/bin/sh
# Inserts a virtual ISO 7816 card into "Virtual PCD 00 00" of the private pcscd; kill it to remove.
PYTHONPATH="$dir/python:/usr/lib/python3/site-packages/virtualsmartcard\${PYTHONPATH:+:\$PYTHONPATH}"
export PYTHONPATH
exec /usr/bin/python3 /usr/bin/vicc --type iso7816 --hostname 127.0.0.1 --port $port "\$@"
SCRIPT
  chmod +x "$dir/vicc.sh"
  # Written once the reader for the chip card is known (below).
  local icao_script
  icao_script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/vicc-icao.py"

  # The namespace's view: our folder on /run/pcscd (a tmpfs on /run first if /run/pcscd does not
  # exist, so that no folder is created on the real /run), no USB/serial drivers.
  # shellcheck disable=SC2016
  unshare --mount --propagation private sh -c '
    set -e
    dir="$1"
    if [ -d /usr/lib/pcsc/drivers ]; then mount --bind "$dir/no-drivers" /usr/lib/pcsc/drivers; fi
    if [ ! -d /run/pcscd ]; then mount -t tmpfs -o mode=0755 kiosk-pcsc /run; mkdir /run/pcscd; fi
    mount --bind "$dir/run" /run/pcscd
    exec pcscd --foreground --info -c "$dir/conf"
  ' kiosk-pcsc "$dir" > "$dir/pcscd.log" 2>&1 &
  local pid=$!
  KIOSK_TEST_PIDS+=("$pid")
  for i in $(seq 1 50); do
    kill -0 "$pid" 2> /dev/null || break
    if [ -S "$dir/run/pcscd.comm" ] && grep -q "daemon ready" "$dir/pcscd.log"; then
      export PCSCLITE_CSOCK_NAME="$dir/run/pcscd.comm"
      kiosk_pcsc_chip_card "$dir" "$port" "$icao_script"
      export KIOSK_TEST_PCSC_READER="Virtual PCD 00 00"
      export KIOSK_TEST_VICC="$dir/vicc.sh"
      echo "pcsc.sh: private pcscd with a virtual reader (vpcd port $port), socket $PCSCLITE_CSOCK_NAME"
      return 0
    fi
    sleep 0.1
  done
  kiosk_service_failed pcscd "pcscd made no socket in $dir/run" "$dir/pcscd.log"
  return 1
}

# kiosk_pcsc_chip_card DIR PORT SCRIPT: the wrapper that inserts the virtual ICAO chip, into the
# second reader when vpcd made one (pcscd logs each reader it starts before it says "ready").
kiosk_pcsc_chip_card() {
  local dir="$1" port="$2" script="$3" chip_port="$2"
  export KIOSK_TEST_CHIP_READER="Virtual PCD 00 00"
  if grep -q "Waiting for virtual ICC on port $((port + 1))" "$dir/pcscd.log"; then
    chip_port=$((port + 1))
    KIOSK_TEST_CHIP_READER="Virtual PCD 00 01"
  fi
  cat > "$dir/vicc-icao.sh" << SCRIPT
#!/bin/sh
# Inserts a virtual ICAO 9303 chip (BAC; PACE when its files hold EF.CardAccess) into "$KIOSK_TEST_CHIP_READER" of the private pcscd; kill it
# to remove. Usage: vicc-icao.sh --dir FILES [--remove-after-reads N] [-v]
PYTHONPATH="$dir/python:/usr/lib/python3/site-packages/virtualsmartcard\${PYTHONPATH:+:\$PYTHONPATH}"
export PYTHONPATH
exec /usr/bin/python3 "$script" --host 127.0.0.1 --port $chip_port "\$@"
SCRIPT
  chmod +x "$dir/vicc-icao.sh"
  export KIOSK_TEST_VICC_ICAO="$dir/vicc-icao.sh"
}

kiosk_pcsc_start
