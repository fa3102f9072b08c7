#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# The install test (issue 13; part of the test command): on a clean Debian root made here from
# Debian's packages (mmdebstrap, this machine's apt sources) and booted with systemd
# (systemd-nspawn, no network of its own), it
#   1. installs the .deb with apt (its dependencies fetched beforehand) and waits for the kiosk's
#      first Welcome frame, started by its unit (cage on a headless output: the container has no
#      screen, so a drop-in replaces the console and passes --report-first-frame);
#   2. runs `mot-cua-kiosk doctor`, checks the files' owners and modes, and that nothing was
#      unpacked or logged into the kiosk account's folders;
#   3. kills the kiosk and sees its unit bring Welcome back;
#   4. seeds a parked draft and an outbox entry, edits kiosk.json, upgrades to a newer build from
#      a signed apt repository (build-repo.sh) with `apt upgrade`, sees the kiosk restart itself
#      at Welcome into the new build, and finds the draft, the entry and the edit kept;
#   5. removes the package (data kept), then purges it (no data left).
# Figures (apt install → Welcome, kill → Welcome again, sizes) go to target/install-test/figures.txt.
# Needs root, mmdebstrap, systemd-container, apt-utils, gpg, and what build-deb.sh needs.
# KIOSK_SKIP_INSTALL_TEST=1 skips it (e.g. offline work).
#   test-install.sh --prepare-root DIR   only makes the clean root and fetches the package's
#                                        dependencies into its apt cache (mostly downloading: the
#                                        test command runs it while the other tests run)
#   KIOSK_INSTALL_ROOT=DIR test-install.sh   the test, on a root made that way
set -euo pipefail
repo_root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$repo_root/installers/linux"
if [ "${KIOSK_SKIP_INSTALL_TEST:-0}" = 1 ]; then
  echo "test-install: skipped (KIOSK_SKIP_INSTALL_TEST=1)"; exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E bash "$0" "$@"
fi
# The clean root: Debian's minimal system with systemd, this machine's apt sources, and the
# package's dependencies (Depends: of debian/control.in) in its apt cache.
prepare_root() { # dir
  local dir="$1" sources="" f t deps suite
  rm -rf "$dir"
  t=$(date +%s.%N)
  if [ "${KIOSK_INSTALL_SUITE:-}" = noble ]; then
    ubuntu_root "$dir"
  else
    for f in /etc/apt/sources.list.d/*.sources /etc/apt/sources.list; do
      [ -s "$f" ] && grep -q "debian" "$f" && sources="$sources $f"
    done
    suite="$(. /etc/os-release && echo "${VERSION_CODENAME:?}")"
    # shellcheck disable=SC2086
    mmdebstrap --variant=apt --quiet --include=systemd,systemd-sysv,dbus "$suite" "$dir" $sources > "$dir.log" 2>&1 \
      || { tail -30 "$dir.log" >&2; echo "test-install: mmdebstrap failed" >&2; return 1; }
  fi
  deps="$(sed -n 's/^Depends: //p' "$here/debian/control.in" | tr -d ' ' | tr ',' ' ')"
  chroot "$dir" apt-get update -qq
  # shellcheck disable=SC2086
  chroot "$dir" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --download-only $deps > /dev/null
  echo "clean root with the dependencies fetched: $(echo "$t $(date +%s.%N)" | awk '{printf "%.0f", $2 - $1}') s (mmdebstrap + apt download)" > "$dir.figures"
}
# Ubuntu 24.04 LTS (KIOSK_INSTALL_SUITE=noble; not in the test command): the same test on an Ubuntu
# root from archive.ubuntu.com (main and universe: cage is in universe). Debian has no Ubuntu
# keyring package, so Ubuntu's own is fetched and checked against the hash noble's archive lists.
UBUNTU_KEYRING_DEB=pool/main/u/ubuntu-keyring/ubuntu-keyring_2023.11.28.1_all.deb
UBUNTU_KEYRING_SHA256=36de43b15853ccae0028e9a767613770c704833f82586f28eb262f0311adb8a8
ubuntu_root() { # dir
  local dir="$1" keys mirror=http://archive.ubuntu.com/ubuntu
  keys="$(mktemp -d)"
  curl -fsS -o "$keys/k.deb" "$mirror/$UBUNTU_KEYRING_DEB"
  echo "$UBUNTU_KEYRING_SHA256  $keys/k.deb" | sha256sum -c --quiet - || { echo "test-install: Ubuntu's keyring package does not match its hash" >&2; return 1; }
  dpkg-deb -x "$keys/k.deb" "$keys/x"
  mmdebstrap --variant=apt --quiet --components=main,universe --keyring="$keys/x/usr/share/keyrings/ubuntu-archive-keyring.gpg" \
    --include=systemd,systemd-sysv,dbus noble "$dir" \
    "deb $mirror noble main universe" "deb $mirror noble-updates main universe" "deb $mirror noble-security main universe" \
    > "$dir.log" 2>&1 || { tail -30 "$dir.log" >&2; echo "test-install: mmdebstrap (Ubuntu noble) failed" >&2; return 1; }
  rm -rf "$keys"
}
if [ "${1:-}" = --prepare-root ]; then
  prepare_root "$2"
  exit 0
fi
out="$repo_root/target/install-test"
rm -rf "$out"; mkdir -p "$out"
work="$(mktemp -d /var/tmp/kiosk-install.XXXXXX)"
root="${KIOSK_INSTALL_ROOT:-$work/root}"
figures="$out/figures.txt"
nspawn_pid=""
step() { echo "== test-install: $*"; }
fail() { echo "test-install: FAILED: $*" >&2; exit 1; }
cleanup() {
  if [ "${KIOSK_INSTALL_TEST_KEEP:-0}" = 1 ]; then
    echo "test-install: kept for a look: $root (systemd-nspawn pid $nspawn_pid)" >&2; return
  fi
  if [ -n "$nspawn_pid" ] && kill -0 "$nspawn_pid" 2>/dev/null; then
    in_root systemctl poweroff >/dev/null 2>&1 || true
    for _ in $(seq 100); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$nspawn_pid" 2>/dev/null || true
  fi
  if findmnt -rn -o TARGET | grep -q "^$root"; then
    echo "test-install: $root still has mounts; left in place" >&2
  else
    rm -rf "$work" "$root" "$root.log" "$root.figures"
  fi
}
trap cleanup EXIT
now() { date +%s.%N; }
since() { echo "$1 $(now)" | awk '{printf "%.1f", $2 - $1}'; }

# The container's systemd (PID 1 inside): systemd-nspawn's child.
init_pid() {
  [ -n "$nspawn_pid" ] && pgrep -P "$nspawn_pid" -x systemd
}
in_root() { nsenter -t "$(init_pid)" -m -u -i -n -p -- "$@"; }
# The kiosk's own lines (its unit's are under -u; pam_systemd moves the kiosk into a session scope).
kiosk_log() { in_root journalctl -t mot-cua-kiosk -o cat --no-pager 2>/dev/null; }
frames() { kiosk_log | grep -c '^FIRST_FRAME' || true; }
wait_frames() { # count, what
  local i
  for i in $(seq 900); do
    [ "$(frames)" -ge "$1" ] && return 0
    sleep 0.2
  done
  in_root journalctl -n 60 --no-pager >&2
  fail "$2: no Welcome frame (#$1) within 3 minutes"
}
wait_log() { # pattern, what: a line of the kiosk's journal (the embedded portal's log lines are there too)
  local i
  for i in $(seq 900); do
    kiosk_log | grep -q -- "$1" && return 0
    sleep 0.2
  done
  in_root journalctl -t mot-cua-kiosk -n 80 --no-pager >&2
  fail "$2: not within 3 minutes"
}
# After `systemctl stop`, nothing of the kiosk's may run on (pam_systemd puts it in a session scope).
stop_kiosk() {
  local i
  in_root systemctl stop mot-cua-kiosk.service
  for i in $(seq 300); do
    in_root pgrep -u mot-cua-kiosk > /dev/null || return 0
    sleep 0.2
  done
  in_root ps -u mot-cua-kiosk -o pid,args >&2
  fail "systemctl stop left kiosk processes running"
}
kiosk_java() { in_root pgrep -u mot-cua-kiosk -f 'runtime/bin/java' | head -1; }

step "building two builds of this commit (the second is the upgrade) and their signed repository"
export GNUPGHOME="$work/gnupg"
mkdir -m 0700 "$GNUPGHOME"
gpg --batch --quiet --passphrase '' --quick-gen-key "Mot Cua Kiosk test repository" ed25519 sign never
gpg --batch --armor --export > "$work/repo-key.asc"
build="$work/build"
base="$(grep -m1 -o '<version>[^<]*' "$repo_root/pom.xml" | cut -d'>' -f2)"
base="${base%-SNAPSHOT}"
t=$(now)
bash "$here/build-deb.sh" --version "$base+test1" --repo-url file:/srv/kiosk-repo --repo-key "$work/repo-key.asc" --out "$build"
echo "build: $(since "$t") s (build-deb.sh)" >> "$figures"
mv "$build/mot-cua-kiosk_$base+test1_amd64.deb" "$work/a.deb"
bash "$here/build-deb.sh" --version "$base+test2" --repo-url file:/srv/kiosk-repo --repo-key "$work/repo-key.asc" --out "$build" --repack
mv "$build/mot-cua-kiosk_$base+test2_amd64.deb" "$work/b.deb"
bash "$here/build-repo.sh" "$work/repo" "$work/b.deb"
echo "package: $(du -h "$work/a.deb" | cut -f1) download, $(dpkg-deb -f "$work/a.deb" Installed-Size) KB installed" >> "$figures"

if [ -z "${KIOSK_INSTALL_ROOT:-}" ]; then
  step "making a clean Debian root with systemd and fetching the package's dependencies (mmdebstrap)"
  prepare_root "$root"
fi
[ -d "$root/etc" ] || fail "no prepared root at $root"
cat "$root.figures" >> "$figures"
echo kiosk-test > "$root/etc/hostname"
cp "$work/a.deb" "$root/var/tmp/a.deb"
mkdir -p "$root/srv"; cp -r "$work/repo" "$root/srv/kiosk-repo"
# The container has no console or GPU: cage draws to a headless output, the kiosk says when its
# first frame is drawn. Everything else in the unit is as shipped.
mkdir -p "$root/etc/systemd/system/mot-cua-kiosk.service.d"
cat > "$root/etc/systemd/system/mot-cua-kiosk.service.d/container.conf" <<'UNIT'
[Unit]
ConditionPathExists=
[Service]
TTYPath=
StandardInput=null
Environment=WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 WLR_RENDERER=pixman
ExecStart=
ExecStart=/usr/lib/mot-cua-kiosk/bin/kiosk-session run --config /etc/mot-cua-kiosk --config /usr/share/mot-cua-kiosk/config --data /var/lib/mot-cua-kiosk --restart-when-changed /usr/lib/mot-cua-kiosk/build-id --report-first-frame
UNIT
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --download-only /var/tmp/a.deb > /dev/null

step "booting the root (systemd-nspawn --boot, private network)"
mkdir -p /run/systemd/nspawn
systemd-nspawn -D "$root" --boot --register=no --keep-unit --private-network --console=pipe -q > "$work/nspawn.log" 2>&1 &
nspawn_pid=$!
for _ in $(seq 300); do init_pid > /dev/null && break; sleep 0.2; done
init_pid > /dev/null || { cat "$work/nspawn.log" >&2; fail "the root did not boot"; }
# "degraded" is fine here (units for hardware the container lacks); "starting" is not.
boot=""
for _ in $(seq 300); do # until its manager answers (its bus comes up a moment after it starts)
  boot="$(in_root systemctl is-system-running --wait 2>/dev/null || true)"
  [ -n "$boot" ] && break
  sleep 0.2
done
echo "booted: $boot"
[ "$boot" = running ] || [ "$boot" = degraded ] || { cat "$work/nspawn.log" >&2; fail "the root did not finish booting ($boot)"; }

step "1. apt install ./mot-cua-kiosk.deb → Welcome"
t=$(now)
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq /var/tmp/a.deb > "$out/apt-install.log" 2>&1 \
  || { cat "$out/apt-install.log" >&2; fail "apt install"; }
wait_frames 1 "after install"
echo "apt install → first Welcome frame: $(since "$t") s (dependencies already downloaded)" >> "$figures"
in_root systemctl is-enabled mot-cua-kiosk.service saned.socket pcscd.socket > /dev/null || fail "a unit is not enabled"
if kiosk_log | grep -E ' (ERROR|WARN) |Exception| -> 401' >&2; then
  fail "the kiosk logged errors or warnings at its start, or its portal refused it"
fi

step "2. doctor, files, no traces"
in_root mot-cua-kiosk doctor > "$out/doctor.txt" 2>&1 || true
cat "$out/doctor.txt"
grep -q "kiosk.json" "$out/doctor.txt" || fail "doctor did not report the configuration"
grep -qi "saned" "$out/doctor.txt" || fail "doctor did not report saned"
mode="$(in_root stat -c '%a %U' /var/lib/mot-cua-kiosk)"
[ "$mode" = "700 mot-cua-kiosk" ] || fail "the data folder is $mode, not 700 mot-cua-kiosk"
open="$(in_root find /var/lib/mot-cua-kiosk -perm /077 -printf '%m %p\n')"
[ -z "$open" ] || fail "files in the data folder that other accounts can read: $open"
[ "$(in_root stat -c '%a %U %G' /etc/mot-cua-kiosk/data.key)" = "640 root mot-cua-kiosk" ] || fail "the data key's mode"
logs="$(find "$root/var/lib/mot-cua-kiosk" -name '*.log' -type f)"
[ -z "$logs" ] || fail "a log file was written (the journal keeps the log): $logs"
found="$(find "$root/var/lib/mot-cua-kiosk" "$root/tmp" "$root/var/tmp" -name '*.so' -o -name '.openjfx' 2>/dev/null || true)"
[ -z "$found" ] || fail "native libraries were unpacked at run time: $found"
grep -q '^PreserveJobFiles No' "$root/etc/cups/cupsd.conf" || fail "CUPS keeps job files"
in_root cat /proc/net/tcp | awk '$4 == "0A" {print $2}' | grep -qx '0100007F:19A6' || fail "saned does not listen on 127.0.0.1:6566"
! in_root cat /proc/net/tcp | awk '$4 == "0A" {print $2}' | grep -qx '00000000:19A6' || fail "saned listens on every interface"

step "3. a killed kiosk comes back"
before="$(frames)"
pid="$(kiosk_java)"; [ -n "$pid" ] || fail "no kiosk process"
t=$(now)
in_root kill -KILL "$pid"
wait_frames $((before + 1)) "after kill -9"
echo "kill -9 → Welcome again: $(since "$t") s" >> "$figures"
# The session script killed (as a stop timeout would): cage and the kiosk live in logind's scope,
# out of the unit's cgroup, and must not outlive it — one kiosk on the database, never two.
before="$(frames)"
pid="$(kiosk_java)"
in_root systemctl kill --signal=KILL --kill-whom=main mot-cua-kiosk.service
wait_frames $((before + 1)) "after the session script was killed"
in_root kill -0 "$pid" 2>/dev/null && fail "the kiosk outlived its killed session script (pid $pid)"
in_root journalctl -b --no-pager -u mot-cua-kiosk.service | grep -q "outlived its session script" \
  || fail "after-exit did not find the kiosk left behind by its killed session script"
[ "$(in_root pgrep -c -u mot-cua-kiosk -f 'Launcher run ')" = 1 ] \
  || { in_root ps -u mot-cua-kiosk -o pid,args >&2; fail "not exactly one kiosk after the session script was killed"; }

step "4. upgrade with a parked draft, an outbox entry and a local edit"
stop_kiosk
cp_file="$work/test.cp"
(cd "$repo_root" && mvn -B -ntp -o -q -pl app -am test-compile dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test > /dev/null)
fixture() {
  java -cp "$repo_root/app/target/test-classes:$repo_root/app/target/classes:$(cat "$cp_file")" vn.motcua.kiosk.testing.InstalledKioskData "$@" \
    --config "$root/etc/mot-cua-kiosk" --config "$root/usr/share/mot-cua-kiosk/config" \
    --data "$root/var/lib/mot-cua-kiosk" --key "$root/etc/mot-cua-kiosk/data.key"
}
fixture seed > "$work/seed.txt"
chown -R "$(stat -c %u:%g "$root/var/lib/mot-cua-kiosk")" "$root/var/lib/mot-cua-kiosk"
parked="$(awk '$1 == "parked" {print $2 ":" $3}' "$work/seed.txt")"
ref="$(awk '$1 == "outbox" {print $2}' "$work/seed.txt")"
[ -n "$parked" ] && [ -n "$ref" ] || fail "seeding gave no draft or entry: $(cat "$work/seed.txt")"
sed -i 's/"inactivityWarningSeconds": [0-9]*/"inactivityWarningSeconds": 95/' "$root/etc/mot-cua-kiosk/kiosk.json"
before="$(frames)"
in_root systemctl start mot-cua-kiosk.service
wait_frames $((before + 1)) "after seeding"
old_pid="$(kiosk_java)"
# Only the kiosk's own source (the Debian mirrors are out of reach of the booted root).
kiosk_only=(-o Dir::Etc::sourcelist=/etc/apt/sources.list.d/mot-cua-kiosk.sources -o Dir::Etc::sourceparts=/nonexistent)
in_root apt-get update -qq "${kiosk_only[@]}" > "$out/apt-update.log" 2>&1 || { cat "$out/apt-update.log" >&2; fail "apt update from the kiosk's repository"; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -qq "${kiosk_only[@]}" -o Dpkg::Options::=--force-confold > "$out/apt-upgrade.log" 2>&1 \
  || { cat "$out/apt-upgrade.log" >&2; fail "apt upgrade"; }
[ "$(in_root dpkg-query -W -f='${Version}' mot-cua-kiosk)" = "$base+test2" ] || fail "apt upgrade did not install the newer build"
wait_frames $((before + 2)) "after the upgrade (the kiosk restarts itself at Welcome)"
[ "$(kiosk_java)" != "$old_pid" ] || fail "the kiosk did not restart into the new build"
# The dossier queued before the upgrade reaches the portal (sent by either build, exactly once).
wait_log 'submitDossier -> 20' "the dossier queued before the upgrade reaching the embedded portal"
grep -q '"inactivityWarningSeconds": 95' "$root/etc/mot-cua-kiosk/kiosk.json" || fail "the local edit of kiosk.json was lost"
stop_kiosk
fixture check --parked "$parked" --outbox "$ref" > "$work/check.txt" || fail "the parked draft or the outbox entry did not survive the upgrade"
grep -q "^outbox $ref SENT " "$work/check.txt" || fail "the outbox entry was not sent: $(cat "$work/check.txt")"
chown -R "$(stat -c %u:%g "$root/var/lib/mot-cua-kiosk")" "$root/var/lib/mot-cua-kiosk"

step "5. apt remove keeps the data; apt purge leaves none"
in_root env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq mot-cua-kiosk > /dev/null
[ -f "$root/var/lib/mot-cua-kiosk/kiosk.db" ] && [ -f "$root/etc/mot-cua-kiosk/data.key" ] || fail "apt remove erased the data"
[ ! -e "$root/usr/lib/mot-cua-kiosk/bin/mot-cua-kiosk" ] || fail "apt remove left the program"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq mot-cua-kiosk > /dev/null
rm -r "$root/etc/systemd/system/mot-cua-kiosk.service.d" # the test's own drop-in, not the package's
left="$(find "$root" -xdev \( -path "$root/proc" -o -path "$root/sys" \) -prune -o -name '*mot-cua-kiosk*' -print)"
[ -z "$left" ] || fail "apt purge left: $left"
[ ! -e "$root/var/lib/mot-cua-kiosk" ] || fail "apt purge left the data folder"
echo "test-install: passed"
cat "$figures"
