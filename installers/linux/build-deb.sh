#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Builds the Debian package: target/deb/mot-cua-kiosk_<version>_amd64.deb (decision 0011).
#   installers/linux/build-deb.sh [--version V] [--repo-url URL --repo-key KEY] [--out DIR]
# The package holds the kiosk with its own trimmed Java runtime (jlink), its jars with their native
# libraries unpacked at build time, an AppCDS archive made here by starting the kiosk once under
# Xvfb, the systemd unit of the locked session, and its maintainer scripts.
#   --version   package version (default: the pom's version + the commit's time and hash)
#   --repo-url  the apt repository this kiosk takes its updates from (with --repo-key: the public
#               key, armored or binary, that signs it; see build-repo.sh); without them the
#               package adds no apt source
#   --repack    reuse the staged tree of an earlier build in --out, with a new version and build-id
#               (a newer build of the same code, for the install test's upgrade)
# Needs: JDK 17 (jlink), Maven, dpkg-dev, zip, xvfb, python3, and root — the archive is made with
# the package's folder mounted where it is installed (/usr/lib/mot-cua-kiosk), in a private mount
# namespace: a CDS archive is valid only at the paths it was made with.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/installers/linux"
out="$root/target/deb"
version=""
repo_url=""
repo_key=""
repack=0
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version="$2"; shift 2 ;;
    --repo-url) repo_url="$2"; shift 2 ;;
    --repo-key) repo_key="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --repack) repack=1; shift ;;
    *) echo "build-deb: unknown argument $1" >&2; exit 2 ;;
  esac
done
if { [ -n "$repo_url" ] && [ -z "$repo_key" ]; } || { [ -z "$repo_url" ] && [ -n "$repo_key" ]; }; then
  echo "build-deb: --repo-url and --repo-key go together" >&2; exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  exec sudo -E bash "$0" "$@"
fi
cd "$root"
if [ -z "$version" ]; then
  pom="$(grep -m1 -o '<version>[^<]*' pom.xml | cut -d'>' -f2)"
  version="${pom%-SNAPSHOT}+$(git log -1 --format=%cd --date=format-local:%Y%m%d%H%M%S).$(git rev-parse --short=8 HEAD)"
fi
pkg=mot-cua-kiosk
stage="$out/stage"
lib="$stage/usr/lib/$pkg"
echo "build-deb: $pkg $version"

if [ "$repack" = 0 ]; then
# 1. The jars and the launcher (the same folder build-app.sh makes for a plain install).
bash "$here/build-app.sh" "$out/app" > /dev/null
rm -rf "$stage"
mkdir -p "$lib/bin" "$lib/lib/native"
cp "$out/app/lib/"*.jar "$lib/lib/"
cp "$here/mot-cua-kiosk" "$here/debian/kiosk-session" "$here/debian/after-exit" "$lib/bin/"

# 2. Native libraries unpacked once, here, for this machine type only: JavaFX's beside its jars
#    (where JavaFX looks before it would extract them into the account's home), the others in
#    lib/native (the launcher points each library at it). Other platforms' copies are dropped.
unzip -q -o "$lib/lib/"javafx-graphics-*-linux.jar '*.so' -d "$lib/lib/"
native() { # jar, path of the Linux x86-64 library in it, the other platforms' folders to drop
  local jar="$1" so="$2"; shift 2
  unzip -q -o -j "$jar" "$so" -d "$lib/lib/native/"
  zip -q -d "$jar" "$@" > /dev/null
}
native "$lib/lib/"sqlite-jdbc-*.jar org/sqlite/native/Linux/x86_64/libsqlitejdbc.so 'org/sqlite/native/*'
native "$lib/lib/"jna-[0-9]*.jar com/sun/jna/linux-x86-64/libjnidispatch.so 'com/sun/jna/*/libjnidispatch.*'
native "$lib/lib/"jSerialComm-*.jar Linux/x86_64/libjSerialComm.so 'Android/*' 'FreeBSD/*' 'Linux/*' 'OpenBSD/*' 'OSX/*' 'Solaris/*' 'Windows/*'

# 3. The runtime: the modules the kiosk uses (jdeps, plus what is loaded by name: SunPKCS11, EC,
#    the Vietnamese locale data, jdk.random's generators), compressed; unused CDS variant dropped.
modules=java.base,java.desktop,java.naming,java.net.http,java.smartcardio,java.sql,java.xml.crypto,jdk.httpserver,jdk.jfr,jdk.unsupported
modules="$modules,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.random"
jlink --add-modules "$modules" --include-locales=en,vi --strip-debug --no-man-pages --no-header-files \
  --compress=2 --generate-cds-archive --output "$lib/runtime" > /dev/null
rm -f "$lib/runtime/lib/server/classes_nocoops.jsa" # only for heaps over 32 GB
find "$lib/runtime" -name '*.so' -exec strip --strip-unneeded {} +

# 4. The AppCDS archive: the kiosk started once where it is installed, ended a few seconds after
#    its first frame (so the portal link and the keyboard are archived too).
mkdir -p "/usr/lib/$pkg"
cds_tmp="$(mktemp -d)"
unshare --mount --propagation private bash -euc '
  mount --bind "$1" "/usr/lib/$2"
  cd "$3"
  HOME="$3" MOTCUA_CDS_DUMP="/usr/lib/$2/lib/kiosk.jsa" xvfb-run -a -s "-screen 0 1280x800x24" \
    "/usr/lib/$2/bin/mot-cua-kiosk" --windowed --report-first-frame --data "$3/data" > "$3/run.log" 2>&1 &
  for _ in $(seq 600); do grep -q FIRST_FRAME "$3/run.log" && break; sleep 0.2; done
  grep -q FIRST_FRAME "$3/run.log" || { cat "$3/run.log" >&2; echo "build-deb: the kiosk drew no frame" >&2; exit 1; }
  sleep 3
  pkill -TERM -f -- "runtime/bin/java .*--data $3/data" || true
  wait
  if grep -E "ERROR|Exception" "$3/run.log" >&2; then echo "build-deb: the kiosk logged errors while the archive was made" >&2; exit 1; fi
' cds "$lib" "$pkg" "$cds_tmp"
[ -n "${KEEP_CDS_LOG:-}" ] || rm -rf "$cds_tmp"
[ -s "$lib/lib/kiosk.jsa" ] || { echo "build-deb: no AppCDS archive was written" >&2; exit 1; }
chmod 0644 "$lib/lib/kiosk.jsa"

# 5. Configuration: the machine's own file in /etc (a conffile: an upgrade keeps local edits), the
#    shipped catalogue, fees, drivers list… in /usr/share (an upgrade updates them).
mkdir -p "$stage/etc/$pkg" "$stage/usr/share/$pkg/config"
sed 's#mvn -q -pl app -am compile exec:exec -Dkiosk.args=hash-pin#sudo mot-cua-kiosk hash-pin#' \
  kiosk-config/kiosk.json > "$stage/etc/$pkg/kiosk.json"
# The training device secret ships too (the embedded training portal's, public): a real portal's
# secret goes in /etc/mot-cua-kiosk/portal-secret.txt, which wins.
(cd kiosk-config && tar --exclude=./kiosk.json --exclude=./README.md -cf - .) \
  | tar -xf - -C "$stage/usr/share/$pkg/config"

# 6. The system's side: the unit, its PAM session, the device services, the technician's command.
install -D -m 0644 "$here/debian/$pkg.service" "$stage/usr/lib/systemd/system/$pkg.service"
install -D -m 0644 "$here/debian/saned-loopback.conf" "$stage/usr/lib/systemd/system/saned.socket.d/$pkg.conf"
install -D -m 0644 "$here/debian/logind-kiosk.conf" "$stage/usr/lib/systemd/logind.conf.d/$pkg.conf"
install -D -m 0644 "$here/debian/sysctl-kiosk.conf" "$stage/usr/lib/sysctl.d/50-$pkg.conf"
install -D -m 0644 "$here/debian/pam" "$stage/etc/pam.d/$pkg"
install -D -m 0755 "$here/debian/usr-bin-$pkg" "$stage/usr/bin/$pkg"
if [ -n "$repo_url" ]; then
  install -d "$stage/usr/share/keyrings" "$stage/etc/apt/sources.list.d"
  if grep -q "BEGIN PGP PUBLIC KEY" "$repo_key"; then
    gpg --batch --yes --dearmor -o "$stage/usr/share/keyrings/$pkg-archive-keyring.gpg" "$repo_key"
  else
    cp "$repo_key" "$stage/usr/share/keyrings/$pkg-archive-keyring.gpg"
  fi
  chmod 0644 "$stage/usr/share/keyrings/$pkg-archive-keyring.gpg"
  sed "s#@REPO_URL@#$repo_url#" "$here/debian/$pkg.sources.in" > "$stage/etc/apt/sources.list.d/$pkg.sources"
fi

# 7. Licence and notices.
doc="$stage/usr/share/doc/$pkg"
mkdir -p "$doc"
mvn -B -q -ntp -o -f app/pom.xml dependency:list -DincludeScope=runtime -DoutputFile="$out/deps.txt" > /dev/null
{
  echo "Mot Cua Kiosk $version"
  echo "Copyright: the Mot Cua Kiosk authors. Licence: AGPL-3.0-or-later (below)."
  echo "Source: the repository this package was built from, commit $(git rev-parse HEAD)."
  echo
  echo "Third-party libraries in /usr/lib/$pkg/lib (from their Maven POMs):"
  python3 "$here/third-party.py" "$out/deps.txt"
  echo
  echo "The Java runtime in /usr/lib/$pkg/runtime: OpenJDK $(java -version 2>&1 | head -1 | cut -d'"' -f2),"
  echo "  GPL-2.0 with the Classpath Exception (see /usr/lib/$pkg/runtime/legal)."
  echo "Administrative-unit data: see NOTICE-data.md."
  echo
  cat LICENSE
} > "$doc/copyright"
cp kiosk-config/admin-units/NOTICE.md "$doc/NOTICE-data.md"
cp "$here/debian/README.Debian" "$doc/README.Debian"
fi

# The running kiosk watches this file: a new one makes it restart between sessions (decision 0010).
printf '%s %s\n' "$version" "$(git rev-parse HEAD)" > "$lib/build-id"
doc="$stage/usr/share/doc/$pkg"
printf '%s (%s) stable; urgency=medium\n\n  * Build of commit %s.\n\n -- Mot Cua Kiosk <kiosk@motcua.invalid>  %s\n' \
  "$pkg" "$version" "$(git rev-parse --short HEAD)" "$(date -R)" | gzip -9n > "$doc/changelog.Debian.gz"

# 8. Control files and the package.
rm -rf "$stage/DEBIAN"
mkdir -p "$stage/DEBIAN"
cp "$here/debian/postinst" "$here/debian/prerm" "$here/debian/postrm" "$stage/DEBIAN/"
chmod 0755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm" "$stage/DEBIAN/postrm"
# Every file the package puts in /etc is a conffile: an upgrade keeps the machine's edits.
(cd "$stage" && find etc -type f -printf '/%p\n' | sort > DEBIAN/conffiles)
size="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@SIZE@/$size/" "$here/debian/control.in" > "$stage/DEBIAN/control"
(cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum > DEBIAN/md5sums)
deb="$out/${pkg}_${version}_amd64.deb"
rm -f "$out/${pkg}_"*.deb
dpkg-deb --root-owner-group -Zzstd --build "$stage" "$deb" > /dev/null
echo "build-deb: $deb ($(du -h "$deb" | cut -f1), installed $((size / 1024)) MB)"
