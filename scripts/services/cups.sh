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
# Like the kiosk's own (installers/linux/cups/cupsd-kiosk.conf) it keeps neither job files nor
# job history: a receipt carries the citizen's ID number, address and phone.
# Exports CUPS_SERVER (read by lp/lpstat and by the JDK's CUPS lookup through libcups),
# KIOSK_TEST_CUPS_OUT, KIOSK_TEST_CUPS_SPOOL (its RequestRoot, where job files would be) and
# KIOSK_TEST_CUPS=ready; adds cupsd's pid to KIOSK_TEST_PIDS.

declare -F kiosk_service_failed > /dev/null || source "$(dirname "${BASH_SOURCE[0]}")/../test-services-lib.sh"

kiosk_cups_start() {
  local here dir port ppd i f q log
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  dir="$KIOSK_TEST_SERVICES/cups"
  ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  if ! command -v cupsd > /dev/null 2>&1 || ! command -v lpadmin > /dev/null 2>&1 || [ ! -r "$ppd" ]; then
    kiosk_service_failed cups "cupsd, lpadmin or the cups-pdf PPD is missing (packages cups, cups-client, printer-driver-cups-pdf in scripts/test-packages.txt)"
    return 1
  fi
  rm -rf "$dir"
  # Filters (pstops, gstoraster…) run as the unprivileged "lp" user when cupsd runs as root: they
  # must be able to reach ServerBin and the spool. A checkout may sit where "lp" cannot enter (under
  # /root, in a 0700 mktemp folder), so as root the whole server lives in a world-traversable folder
  # under /tmp, reached through the usual path by a symbolic link and removed when the tests end.
  if [ "$(id -u)" -eq 0 ]; then
    local real
    real="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-cups.XXXXXX")"
    chmod 0755 "$real"
    KIOSK_TEST_CLEANUP+=("$real")
    ln -s "$real" "$dir"
    # cupsd hands its paths to the filters as they are written: the real folder, never the link.
    dir="$real"
    if ! setpriv --reuid=lp --regid=lp --clear-groups test -x "$real/." 2> /dev/null; then
      kiosk_service_failed cups "the user lp cannot enter $real (is ${TMPDIR:-/tmp} mode 1777?); CUPS filters run as lp"
      return 1
    fi
  fi
  mkdir -p "$dir"/{conf/ppd,state,cache,log,out,bin/backend,spool/tmp}
  log="$dir/log/error_log"

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
  [ -n "$port" ] || { kiosk_service_failed cups "no free loopback port in 16310-16399"; return 1; }

  # Every path is our own: a value-less directive is an error since cups 2.4.2-3+deb12u11
  # ("Missing value for Printcap"), and the default printcap would be written under /run.
  cat > "$dir/conf/cups-files.conf" <<CONF
ServerRoot $dir/conf
RequestRoot $dir/spool
TempDir $dir/spool/tmp
StateDir $dir/state
CacheDir $dir/cache
ServerBin $dir/bin
DataDir /usr/share/cups
DocumentRoot /usr/share/cups/doc-root
AccessLog $dir/log/access_log
ErrorLog $log
PageLog $dir/log/page_log
Printcap $dir/state/printcap
User $([ "$(id -u)" -eq 0 ] && echo lp || id -un)
Group $([ "$(id -u)" -eq 0 ] && echo lp || id -gn)
SystemGroup $(id -gn)
FileDevice No
CONF
  # What the installers' CUPS keeps of jobs (nothing), so the tests print under the same rules.
  local keep="$here/../installers/linux/cups/cupsd-kiosk.conf" preserve
  preserve="$(grep -E '^PreserveJob(Files|History) ' "$keep" 2> /dev/null || true)"
  if [ "$(printf '%s\n' "$preserve" | grep -c .)" -ne 2 ]; then
    kiosk_service_failed cups "$keep must set PreserveJobFiles and PreserveJobHistory (found: ${preserve:-nothing})"
    return 1
  fi
  cat > "$dir/conf/cupsd.conf" <<CONF
LogLevel info
Listen 127.0.0.1:$port
Browsing No
BrowseLocalProtocols none
DefaultShared No
WebInterface No
MaxJobs 1000
# As the installers set it up (their file's directives): no job files and no history of jobs.
$preserve
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
  # cupsd -t reads both files and says what is wrong without starting anything.
  if ! cupsd -t -c "$dir/conf/cupsd.conf" -s "$dir/conf/cups-files.conf" > "$dir/log/cupsd-t.out" 2>&1; then
    kiosk_service_failed cups "cupsd refuses its configuration: $(tr '\n' ' ' < "$dir/log/cupsd-t.out")" "$dir/log/cupsd-t.out"
    return 1
  fi
  cupsd -f -c "$dir/conf/cupsd.conf" -s "$dir/conf/cups-files.conf" > "$dir/log/cupsd.out" 2>&1 &
  local pid=$!
  KIOSK_TEST_PIDS+=("$pid")
  export CUPS_SERVER="127.0.0.1:$port"
  # `lpstat -r` exits 0 also when it says "scheduler is not running": read what it says.
  for i in $(seq 1 100); do
    lpstat -r 2> /dev/null | grep -q 'is running' && break
    kill -0 "$pid" 2> /dev/null || break
    sleep 0.1
  done
  if ! lpstat -r 2> /dev/null | grep -q 'is running'; then
    kiosk_service_failed cups "the private cupsd did not start: $(tail -n 3 "$log" "$dir/log/cupsd.out" 2> /dev/null | tr '\n' ' ')" "$log"
    return 1
  fi

  # The PPD of cups-pdf: a generic PostScript printer with A4, A5 and custom (roll) page sizes.
  # Each command's own words go to the failure message: a queue that is not there fails many tests.
  kiosk_cups_do lpadmin -p KioskPDF -E -v "kiosk-out:$dir/out" -P "$ppd" -o PageSize=A4 &&
    kiosk_cups_do lpadmin -p KioskStopped -E -v "kiosk-out:$dir/out" -P "$ppd" -o PageSize=A4 &&
    kiosk_cups_do cupsdisable -r "test: paused" KioskStopped &&
    kiosk_cups_do lpadmin -p KioskRejecting -E -v "kiosk-out:$dir/out" -P "$ppd" -o PageSize=A4 &&
    kiosk_cups_do cupsreject -r "test: not accepting" KioskRejecting &&
    kiosk_cups_do lpadmin -p KioskFailing -E -v "kiosk-out:$dir/fail" -P "$ppd" -o PageSize=A4 \
      -o printer-error-policy=abort-job &&
    kiosk_cups_do lpadmin -p KioskStuck -E -v "kiosk-out:$dir/fail" -P "$ppd" -o PageSize=A4 \
      -o printer-error-policy=stop-printer &&
    kiosk_cups_do lpadmin -p KioskHealth -E -v "kiosk-out:$dir/out" -P "$ppd" -o PageSize=A4 &&
    kiosk_cups_do lpadmin -d KioskPDF || return 1
  # KioskHealth: the device-health test stops it and starts it again, as staff fixing a printer would.
  for q in KioskPDF KioskStopped KioskRejecting KioskFailing KioskStuck KioskHealth; do
    lpstat -p "$q" > /dev/null 2>&1 || { kiosk_service_failed cups "queue $q missing after lpadmin" "$log"; return 1; }
  done

  export KIOSK_TEST_CUPS_OUT="$dir/out"
  export KIOSK_TEST_CUPS_SPOOL="$dir/spool"
  export KIOSK_TEST_CUPS=ready
  echo "cups.sh: private CUPS on $CUPS_SERVER, output in $KIOSK_TEST_CUPS_OUT"
}

# kiosk_cups_do COMMAND ARGS…: runs an administration command; on failure says which and why.
kiosk_cups_do() {
  local out
  if ! out="$("$@" 2>&1)"; then
    kiosk_service_failed cups "'$*' failed: $out" "$KIOSK_TEST_SERVICES/cups/log/error_log"
    return 1
  fi
}

kiosk_cups_start
