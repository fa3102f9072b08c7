#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Runs a command with the tests' private services (SANE, CUPS, SoftHSM, PC/SC) started and their
# variables exported, then stops them. The test command uses it; so can a developer, e.g.
#   bash scripts/with-test-services.sh xvfb-run -a mvn -pl app -am test -Dtest=CupsPrinterTest -Dsurefire.failIfNoSpecifiedTests=false
# Exits non-zero, naming the service and its log, when a service cannot start.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=test-services-lib.sh
source "$root/scripts/test-services-lib.sh"
trap kiosk_services_stop EXIT
kiosk_services_start
status=0
"$@" || status=$?
if [ "$status" -ne 0 ]; then
  kiosk_services_logs
fi
exit "$status"
