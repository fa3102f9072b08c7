# SPDX-License-Identifier: AGPL-3.0-or-later
# Sourced (bash, set -euo pipefail) by scripts/test-all.sh and scripts/bench-receipt.sh.
# Starts a PRIVATE CUPS server for the printing tests: its own configuration, spool, state, logs
# and backends under "$KIOSK_TEST_SERVICES/cups", listening on a free loopback port, so it never
# touches (nor needs) the system's cupsd. Queues:
#   KioskPDF       virtual printer, A4 by default; every job lands in $KIOSK_TEST_CUPS_OUT
#   KioskStopped   disabled queue (printer-state stopped): "printer offline"
#   KioskRejecting queue that refuses new jobs: "not accepting jobs"
#   KioskFailing   device that always fails, job aborted: "job failed"
#   KioskStuck     device that always fails, queue stops with the job held: "job stuck"
# Exports CUPS_SERVER (read by lp/lpstat and by the JDK's CUPS lookup through libcups),
# KIOSK_TEST_CUPS_OUT and KIOSK_TEST_CUPS=ready; adds cupsd's pid to KIOSK_TEST_PIDS.

kiosk_cups_start() {
  local here dir port p spool owner group ppd i f
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  dir="$KIOSK_TEST_SERVICES/cups"
  ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  if ! command -v cupsd > /dev/null 2>&1 || ! command -v lpadmin > /dev/null 2>&1 || [ ! -r "$ppd" ]; then
    echo "cups.sh: cupsd, lpadmin or the cups-pdf PPD missing (scripts/test-packages.txt); printing tests will not run" >&2
    return 0
  fi
  rm -rf "$dir"
  mkdir -p "$dir"/{conf/ppd,state,cache,log,out,bin/backend}

  # Filters run as the unprivileged "lp" user when cupsd runs as root: they must reach the spool.
  # If the checkout sits in a folder "lp" cannot enter (e.g. /root), keep the spool in /tmp.
  spool="$dir/spool"
  p="$dir"
  if [ "$(id -u)" -eq 0 ]; then
    while [ "$p" != "/" ]; do
      if [ "$(( 0$(stat -c '%a' "$p") & 1 ))" -eq 0 ]; then
        spool="$(mktemp -d /tmp/kiosk-cups-spool.XXXXXX)"
        ln -s "$spool" "$dir/spool"
        break
      fi
      p="$(dirname "$p")"
    done
    owner=lp
    group=lp
  else
    owner="$(id -un)"
    group="$(id -gn)"
  fi
  mkdir -p "$spool/tmp"

  # Backends: the system's, plus kiosk-out (the stand-in for cups-pdf). Root runs 0700 backends.
  for f in /usr/lib/cups/*; do
    [ "$(basename "$f")" = backend ] || ln -s "$f" "$dir/bin/$(basename "$f")"
  done
  for f in /usr/lib/cups/backend/*; do
    ln -s "$f" "$dir/bin/backend/$(basename "$f")"
  done
  install -m 0700 "$here/cups/kiosk-out" "$dir/bin/backend/kiosk-out"

  port=""
  for i in $(seq 16310 16399); do
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$i") 2> /dev/null; then port="$i"; break; fi
  done
  [ -n "$port" ] || { echo "cups.sh: no free port in 16310-16399" >&2; return 1; }

  cat > "$dir/conf/cups-files.conf" <<CONF
ServerRoot $dir/conf
RequestRoot $spool
TempDir $spool/tmp
StateDir $dir/state
CacheDir $dir/cache
ServerBin $dir/bin
DataDir /usr/share/cups
DocumentRoot /usr/share/cups/doc-root
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
User $owner
Group $group
SystemGroup $(id -gn)
FileDevice No
Printcap
CONF
  cat > "$dir/conf/cupsd.conf" <<CONF
LogLevel info
Listen 127.0.0.1:$port
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface No
PreserveJobHistory Yes
PreserveJobFiles No
MaxJobs 1000
# Private test server on loopback: everybody may do everything, no authentication.
<Location />
  Order allow,deny
  Allow from 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
  cupsd -f -c "$dir/conf/cupsd.conf" -s "$dir/conf/cups-files.conf" > "$dir/log/cupsd.out" 2>&1 &
  KIOSK_TEST_PIDS+=("$!")
  export CUPS_SERVER="127.0.0.1:$port"
  for i in $(seq 1 100); do
    lpstat -r > /dev/null 2>&1 && break
    sleep 0.1
  done
  if ! lpstat -r > /dev/null 2>&1; then
    echo "cups.sh: private cupsd did not start; see $dir/log" >&2
    return 1
  fi

  # The PPD of cups-pdf: a generic PostScript printer with A4, A5 and custom (roll) page sizes.
  lpadmin -p KioskPDF -E -v "kiosk-out:$dir/out" -P "$ppd" -o PageSize=A4 2> /dev/null
  lpadmin -p KioskStopped -E -v "kiosk-out:$dir/out" -P "$ppd" -o PageSize=A4 2> /dev/null
  cupsdisable -r "test: paused" KioskStopped
  lpadmin -p KioskRejecting -E -v "kiosk-out:$dir/out" -P "$ppd" -o PageSize=A4 2> /dev/null
  cupsreject -r "test: not accepting" KioskRejecting
  lpadmin -p KioskFailing -E -v "kiosk-out:$dir/fail" -P "$ppd" -o PageSize=A4 \
    -o printer-error-policy=abort-job 2> /dev/null
  lpadmin -p KioskStuck -E -v "kiosk-out:$dir/fail" -P "$ppd" -o PageSize=A4 \
    -o printer-error-policy=stop-printer 2> /dev/null
  lpadmin -d KioskPDF

  export KIOSK_TEST_CUPS_OUT="$dir/out"
  export KIOSK_TEST_CUPS=ready
  echo "cups.sh: private CUPS on $CUPS_SERVER, output in $KIOSK_TEST_CUPS_OUT"
}

kiosk_cups_start
