#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Starts the tests' private services once on a FRESH, CURRENT Debian root, so a package update that
# breaks them (as cups 2.4.2-3+deb12u11 did with a value-less Printcap line) fails here on every
# machine, not only on new ones. mmdebstrap makes a minimal root from this machine's own apt sources
# (so: today's packages), the project's install script installs the test packages into it, and
# scripts/with-test-services.sh starts every service from a copy of the scripts under /root (mode
# 0700, which the CUPS user lp cannot enter). Everything runs in a private mount namespace and the
# root is deleted at the end. Needs root. KIOSK_SKIP_FRESH_ROOT=1 skips it (e.g. offline work).
#
# --all-tests: the whole test command instead, from a fresh clone of this repository's HEAD under
# /root in that root — what a freshly installed machine does with the README's test command
# (≈ 25 min: Java, Maven and every Maven dependency are fetched too). Not part of the test command.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
all_tests=0
[ "${1:-}" = --all-tests ] && all_tests=1
if [ "${KIOSK_SKIP_FRESH_ROOT:-0}" = 1 ]; then
  echo "check-fresh-root: skipped (KIOSK_SKIP_FRESH_ROOT=1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E bash "$0" "$@"
fi
sources=""
for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list; do
  [ -s "$f" ] && sources="$sources $f"
done
[ -n "$sources" ] || { echo "check-fresh-root: this machine has no apt sources to build a root from" >&2; exit 1; }
suite="$(. /etc/os-release && echo "${VERSION_CODENAME:?}")"

fresh="$(mktemp -d "${TMPDIR:-/tmp}/kiosk-fresh-root.XXXXXX")"
log="$fresh.log"
cleanup() {
  # Mounts live in the namespace below and end with it; refuse to delete through a leftover one.
  if findmnt -rn -o TARGET | grep -q "^$fresh/"; then
    echo "check-fresh-root: $fresh still has mounts; left in place" >&2
  else
    rm -rf "$fresh"
  fi
}
trap cleanup EXIT

echo "check-fresh-root: making a minimal $suite root from this machine's apt sources ($log)"
# shellcheck disable=SC2086
if ! mmdebstrap --variant=apt --quiet "$suite" "$fresh" $sources > "$log" 2>&1; then
  echo "check-fresh-root: mmdebstrap failed; its output:" >&2
  tail -n 30 "$log" >&2
  exit 1
fi
# As in any chroot: packages must not start their system daemons (ours are private and our own).
printf '#!/bin/sh\nexit 101\n' > "$fresh/usr/sbin/policy-rc.d"
chmod +x "$fresh/usr/sbin/policy-rc.d"
if [ "$all_tests" = 1 ]; then
  git clone -q "$here/.." "$fresh/root/kiosk"
  # Maven fetches over https: a machine that reaches the registries through its own certificate
  # authority (listed in /usr/local/share/ca-certificates) lends it to the fresh root.
  if [ -d /usr/local/share/ca-certificates ]; then
    mkdir -p "$fresh/usr/local/share/ca-certificates"
    cp -r /usr/local/share/ca-certificates/. "$fresh/usr/local/share/ca-certificates/"
  fi
else
  mkdir -p "$fresh/root/kiosk/installers/linux/cups"
  cp -r "$here" "$fresh/root/kiosk/scripts"
  # cups.sh sets its CUPS up as the installers' file says.
  cp "$here/../installers/linux/cups/cupsd-kiosk.conf" "$fresh/root/kiosk/installers/linux/cups/"
fi

# In the fresh root: the project's own install step, then every private service started once.
inside='
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
echo "fresh root: $(. /etc/os-release; echo "$PRETTY_NAME")"
bash /root/kiosk/scripts/install-test-deps.sh > /root/install.log 2>&1 || {
  echo "fresh root: installing the test packages failed:"; tail -n 30 /root/install.log; exit 1; }
dpkg-query -W -f="fresh root: \${Package} \${Version}\n" cups-daemon sane-utils softhsm2 pcscd openjdk-17-jdk maven
java -version 2>&1 | sed -n "1s/^/fresh root: /p"
mvn -v 2>&1 | sed -n "1s/^/fresh root: /p"
export KIOSK_TEST_SERVICES=/root/kiosk/target/test-services
bash /root/kiosk/scripts/with-test-services.sh bash /root/kiosk/scripts/check-print-job.sh
echo "fresh root: every service started; a job went through the CUPS filters (run as lp) from a 0700 folder"
'
if [ "$all_tests" = 1 ]; then
  inside='
set -euo pipefail
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root CI=true KIOSK_SKIP_FRESH_ROOT=1
cd /root/kiosk
echo "fresh root: $(. /etc/os-release; echo "$PRETTY_NAME"), the test command from a fresh clone in /root/kiosk"
bash scripts/install-test-deps.sh
update-ca-certificates > /dev/null
bash scripts/test-all.sh
'
fi
# A pid namespace as well: whatever the check started ends with it.
if ! unshare --mount --propagation private --pid --fork sh -c '
    set -e
    root="$1"; shift
    # The root must be a mount point of its own, or making mounts private inside it (pcsc.sh) fails.
    mount --bind "$root" "$root"
    mount --rbind /dev "$root/dev"
    mount --make-rslave "$root/dev"
    mount -t proc proc "$root/proc"
    mount -t tmpfs tmpfs "$root/tmp"
    exec chroot "$root" /bin/bash -c "$1"
  ' check-fresh-root "$fresh" "$inside" 2>&1 | tee -a "$log"; then
  if [ "$all_tests" = 1 ]; then what="the test command fails"; else what="the test services do not start"; fi
  echo "check-fresh-root: $what on a fresh $suite root (see above; log $log)" >&2
  exit 1
fi
rm -f "$log"
