#!/usr/bin/env bash
# SPDX-License-Identifier: AGPL-3.0-or-later
# Adds packages to the kiosk's apt repository and signs it, with Debian's own tools
# (apt-ftparchive from apt-utils, gpg):
#   installers/linux/build-repo.sh REPO_DIR [--key KEY_ID] PACKAGE.deb...
# REPO_DIR gets pool/main/ (the packages) and dists/stable/ (Packages, Release, InRelease and
# Release.gpg, signed with KEY_ID, or gpg's default key, from $GNUPGHOME). Serve REPO_DIR over
# https (or file: for a test) at the URL given to build-deb.sh --repo-url; the package it built
# carries the public key and the apt source. README: "Install on a kiosk PC".
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: build-repo.sh REPO_DIR [--key KEY_ID] PACKAGE.deb..." >&2; exit 2; }
repo="$1"; shift
key=()
if [ "${1:-}" = --key ]; then
  key=(--local-user "$2"); shift 2
fi
mkdir -p "$repo/pool/main" "$repo/dists/stable/main/binary-amd64"
cp "$@" "$repo/pool/main/"
cd "$repo"
apt-ftparchive packages pool/main > dists/stable/main/binary-amd64/Packages
gzip -9nkf dists/stable/main/binary-amd64/Packages
apt-ftparchive \
  -o APT::FTPArchive::Release::Origin="Mot Cua Kiosk" -o APT::FTPArchive::Release::Label="Mot Cua Kiosk" \
  -o APT::FTPArchive::Release::Suite=stable -o APT::FTPArchive::Release::Codename=stable \
  -o APT::FTPArchive::Release::Architectures=amd64 -o APT::FTPArchive::Release::Components=main \
  release dists/stable > dists/stable/Release.new
mv dists/stable/Release.new dists/stable/Release
gpg --batch --yes "${key[@]}" --clearsign -o dists/stable/InRelease dists/stable/Release
gpg --batch --yes "${key[@]}" --armor --detach-sign -o dists/stable/Release.gpg dists/stable/Release
echo "build-repo: $repo ($(grep -c '^Package:' dists/stable/main/binary-amd64/Packages) packages)"
