#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Prints one PostScript page on the private CUPS (scripts/services/cups.sh) and waits until the
# virtual printer wrote it: proves the filters, which run as the user lp, can reach their folders.
# Run by scripts/check-fresh-root.sh through scripts/with-test-services.sh.
set -euo pipefail
: "${KIOSK_TEST_CUPS_OUT:?start the private CUPS first (scripts/with-test-services.sh)}"
page="$(mktemp)"
trap 'rm -f "$page"' EXIT
printf '%%!PS\n/Helvetica findfont 24 scalefont setfont 72 720 moveto (Mot Cua Kiosk) show showpage\n' > "$page"
job="$(lp -d KioskPDF "$page")"
id="$(echo "$job" | sed -n 's/^request id is KioskPDF-\([0-9]*\).*/\1/p')"
[ -n "$id" ] || { echo "check-print-job: lp did not queue the page: $job" >&2; exit 1; }
for i in $(seq 1 600); do
  [ -s "$KIOSK_TEST_CUPS_OUT/job-$id.pdf" ] && { echo "check-print-job: job $id printed"; exit 0; }
  # Gone from the not-completed list without output: a filter or the backend failed.
  if [ $((i % 10)) -eq 0 ] && ! lpstat -o KioskPDF 2> /dev/null | grep -q "^KioskPDF-$id "; then
    sleep 0.5
    [ -s "$KIOSK_TEST_CUPS_OUT/job-$id.pdf" ] && { echo "check-print-job: job $id printed"; exit 0; }
    break
  fi
  sleep 0.1
done
echo "check-print-job: job $id did not reach the virtual printer; CUPS error log:" >&2
grep -v 'Get-Jobs' "$(dirname "$KIOSK_TEST_CUPS_OUT")/log/error_log" | tail -n 20 >&2
exit 1
