#!/usr/bin/env python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""Lists the libraries the kiosk ships with their licences, read from their Maven POMs (a POM
without <licenses> inherits its parent's). Input: `mvn dependency:list` output; output: text for
/usr/share/doc/mot-cua-kiosk/copyright. Usage: third-party.py LIST_FILE [~/.m2/repository]"""
import os
import re
import sys
import xml.etree.ElementTree as ET

repo = sys.argv[2] if len(sys.argv) > 2 else os.path.expanduser("~/.m2/repository")
NS = ""


def pom(group, artifact, version):
    return os.path.join(repo, *group.split("."), artifact, version, f"{artifact}-{version}.pom")


def licences(group, artifact, version, depth=0):
    path = pom(group, artifact, version)
    if depth > 6 or not os.path.exists(path):
        return []
    root = ET.parse(path).getroot()
    for e in root.iter():  # some POMs (BouncyCastle's) have no namespace
        e.tag = e.tag.split("}")[-1]
    found = [(l.findtext(f"{NS}name") or "").strip() + (f" <{l.findtext(f'{NS}url').strip()}>" if l.findtext(f"{NS}url") else "")
             for l in root.iter(f"{NS}license")]
    if found:
        return found
    parent = root.find(f"{NS}parent")
    if parent is None:
        return []
    return licences(parent.findtext(f"{NS}groupId"), parent.findtext(f"{NS}artifactId"), parent.findtext(f"{NS}version"), depth + 1)


seen = set()
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"\s*([\w.\-]+):([\w.\-]+):jar(?::([\w.\-]+))?:([\w.\-]+):(compile|runtime)", line)
    if not m:
        continue
    group, artifact, _classifier, version, _scope = m.groups()
    if group.startswith("vn.motcua") or (group, artifact) in seen:
        continue
    seen.add((group, artifact))
    names = licences(group, artifact, version) or ["see the library's own distribution (no licence in its POM)"]
    print(f"{group}:{artifact} {version}\n  " + "\n  ".join(names))
