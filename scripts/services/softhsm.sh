# shellcheck shell=bash
# Sourced by scripts/test-all.sh and scripts/bench-signing.sh (bash, `set -u` safe).
# Creates private SoftHSM2 tokens for the signing tests under "$KIOSK_TEST_SERVICES/softhsm":
#   kiosk-rsa      RSA-2048 key + valid certificate (holder with Vietnamese diacritics)
#   kiosk-ec       EC P-256 key + valid certificate
#   kiosk-expired  RSA-2048 key + certificate that expired in 2021
#   kiosk-spare    RSA-2048 key + valid certificate; the tests lock it or unplug it, never the others
# and exports the variables the tests read. No daemon is started here: the "unplugged token" test
# runs its own p11-kit server in front of kiosk-spare and kills it mid-dossier.
# Test PINs only; nothing here is secret.

declare -F kiosk_service_failed > /dev/null || source "$(dirname "${BASH_SOURCE[0]}")/../test-services-lib.sh"

softhsm_setup() {
  local dir="${KIOSK_TEST_SERVICES:?KIOSK_TEST_SERVICES must be set}/softhsm"
  local lib=""
  local candidate
  for candidate in /usr/lib/softhsm/libsofthsm2.so /usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so \
      /usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so /usr/local/lib/softhsm/libsofthsm2.so; do
    if [ -f "$candidate" ]; then lib="$candidate"; break; fi
  done
  if [ -z "$lib" ] || ! command -v softhsm2-util >/dev/null 2>&1 || ! command -v pkcs11-tool >/dev/null 2>&1 \
      || ! command -v openssl >/dev/null 2>&1; then
    kiosk_service_failed softhsm "softhsm2, opensc or openssl is missing (scripts/test-packages.txt)"
    return 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir/tokens" "$dir/pki"
  cat >"$dir/softhsm2.conf" <<CONF
directories.tokendir = $dir/tokens
objectstore.backend = file
log.level = ERROR
slots.removable = true
slots.mechanisms = ALL
library.reset_on_fork = false
CONF
  export SOFTHSM2_CONF="$dir/softhsm2.conf"
  export KIOSK_TEST_SOFTHSM_LIB="$lib"
  export KIOSK_TEST_SOFTHSM_DIR="$dir"
  export KIOSK_TEST_PIN="123456"
  export KIOSK_TEST_SO_PIN="12345678"
  # p11-kit's client module finds the test's own server here (see SigningRemovalTest).
  export P11_KIT_SERVER_ADDRESS="unix:path=$dir/p11kit.sock"
  export KIOSK_TEST_P11KIT_SOCKET="$dir/p11kit.sock"
  local client
  for client in /usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so /usr/lib/aarch64-linux-gnu/pkcs11/p11-kit-client.so \
      /usr/lib/pkcs11/p11-kit-client.so; do
    if [ -f "$client" ]; then export KIOSK_TEST_P11KIT_CLIENT="$client"; break; fi
  done

  local pki="$dir/pki"
  # A minimal CA set-up only so that `openssl ca` can write a certificate dated in the past.
  mkdir -p "$pki/ca"
  : >"$pki/ca/index.txt"
  echo 1000 >"$pki/ca/serial"
  cat >"$pki/ca.cnf" <<CONF
[ ca ]
default_ca = test
[ test ]
dir = $pki/ca
database = \$dir/index.txt
new_certs_dir = \$dir
serial = \$dir/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = copy
[ any ]
commonName = supplied
[ ext ]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,nonRepudiation
CONF

  softhsm_token "$dir" kiosk-rsa rsa "/C=VN/O=Kiosk Test/CN=Nguyễn Văn An" 20 || return 1
  softhsm_token "$dir" kiosk-ec ec "/C=VN/O=Kiosk Test/CN=Trần Thị Bình" 21 || return 1
  softhsm_token "$dir" kiosk-expired rsa-expired "/C=VN/O=Kiosk Test/CN=Lê Văn Cũ" 22 || return 1
  softhsm_token "$dir" kiosk-spare rsa "/C=VN/O=Kiosk Test/CN=Phạm Thị Dự" 23 || return 1
  echo "softhsm: 4 test tokens in $dir/tokens"
}

# softhsm_token DIR LABEL KIND SUBJECT ID
softhsm_token() {
  local dir="$1" label="$2" kind="$3" subject="$4" id="$5"
  local pki="$dir/pki" key="$dir/pki/$2.key" crt="$dir/pki/$2.crt"
  case "$kind" in
    ec) openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$key" 2>>"$dir/softhsm.log" ;;
    *) openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2>>"$dir/softhsm.log" ;;
  esac || { kiosk_service_failed softhsm "key for $label failed" "$dir/softhsm.log"; return 1; }
  if [ "$kind" = rsa-expired ]; then
    openssl req -new -utf8 -key "$key" -subj "$subject" -out "$pki/$label.csr" 2>>"$dir/softhsm.log" &&
      openssl ca -batch -config "$pki/ca.cnf" -selfsign -keyfile "$key" -in "$pki/$label.csr" -out "$crt" \
        -startdate 20200101000000Z -enddate 20210101000000Z -extensions ext -notext -utf8 >>"$dir/softhsm.log" 2>&1
  else
    openssl req -new -x509 -utf8 -key "$key" -subj "$subject" -days 3650 -sha256 \
      -addext "basicConstraints=critical,CA:FALSE" -addext "keyUsage=critical,digitalSignature,nonRepudiation" \
      -out "$crt" 2>>"$dir/softhsm.log"
  fi || { kiosk_service_failed softhsm "certificate for $label failed" "$dir/softhsm.log"; return 1; }
  openssl x509 -in "$crt" -outform DER -out "$pki/$label.crt.der"
  softhsm2-util --init-token --free --label "$label" --pin "$KIOSK_TEST_PIN" --so-pin "$KIOSK_TEST_SO_PIN" >>"$dir/softhsm.log" 2>&1 ||
    { kiosk_service_failed softhsm "init of $label failed" "$dir/softhsm.log"; return 1; }
  # PKCS#8 private key into the token; the certificate beside it with the same CKA_ID and label,
  # which is how vendors' tools lay out a signing token and how SunPKCS11 pairs key and chain.
  openssl pkcs8 -topk8 -nocrypt -in "$key" -out "$pki/$label.p8" &&
    softhsm2-util --import "$pki/$label.p8" --token "$label" --label "$label" --id "$id" --pin "$KIOSK_TEST_PIN" >>"$dir/softhsm.log" 2>&1 &&
    pkcs11-tool --module "$KIOSK_TEST_SOFTHSM_LIB" --token-label "$label" --login --pin "$KIOSK_TEST_PIN" \
      --write-object "$pki/$label.crt.der" --type cert --id "$id" --label "$label" >>"$dir/softhsm.log" 2>&1 ||
    { kiosk_service_failed softhsm "import into $label failed" "$dir/softhsm.log"; return 1; }
  rm -f "$key" "$pki/$label.p8"
}

softhsm_setup
