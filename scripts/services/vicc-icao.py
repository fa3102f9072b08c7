#!/usr/bin/python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""A virtual ICAO 9303 chip (eMRTD, BAC and PACE) for the tests' private pcscd: vsmartcard's vicc
carries the APDUs to the virtual reader (vpcd); this file is the card behind it.

The card serves the files of a directory, each named by its file identifier in hex:
  011C EF.CardAccess, at MF level (absent: the card offers no PACE);
  in the LDS application (AID A0 00 00 02 47 10 01): 011E EF.COM, 0101.. 0110 DG1..DG16, 011D EF.SOD.
The access key comes from the MRZ in DG1 (TD1, as on the CCCD, or TD2/TD3 by its length). Files of the
application are readable only through secure messaging (6982 before), so a wrong key fails.

BAC always works (3DES secure messaging). When EF.CardAccess offers PACE, the card also runs it with
the MRZ password: generic mapping, ECDH on the standardized curve its PACEInfo names (12: NIST P-256,
13: brainpoolP256r1), AES-128 (id-PACE-ECDH-GM-AES-CBC-CMAC-128), then AES secure messaging; a wrong
key fails mutual authentication (6300). The cryptography is in icao9303.py, next to this file, and
test_icao9303.py checks it against ICAO's worked example. Debian's vicc has an nPA card with PACE,
but it needs OpenPACE's Python bindings, which Debian does not package.

Why not vicc's own ePass card: its generator is Python 2 (raw_input), its key comes from a passport
(TD3) MRZ only, and its secure messaging mixes str and bytes, which fails under Python 3. vicc is
still what connects to vpcd (VirtualICC); only the card's operating system is ours.

--remove-after-reads N: the card answers N READ BINARY commands on data groups (DG1..DG16) and
vanishes (the process exits, vpcd reports the card gone) when the next one arrives, so a test can
pull the card out part-way through a read without any timing.
"""

import argparse
import logging
import os
import socket
import sys

from virtualsmartcard.VirtualSmartcard import Iso7816OS, SmartcardOS, VirtualICC

# Our own module, next to this script (Python puts the script's folder first on sys.path).
from icao9303 import (CONDITIONS_NOT_SATISFIED, MRZ_PASSWORD, NOT_AUTHENTICATED, OK, PACE_OIDS,
                      REFERENCE_NOT_FOUND, SECURITY_NOT_SATISFIED, SM_INCORRECT, STANDARD_CURVES,
                      WRONG_DATA, AesSecureMessaging, CardError, DesSecureMessaging, PaceSession,
                      bac_key_seed, des3_decrypt, des3_encrypt, kdf, pace_infos, pace_password_key,
                      pad, read_tlv, read_tlvs, retail_mac, tlv, unpad, ENC, MAC)

LDS_AID = bytes.fromhex("A0000002471001")
EF_CARD_ACCESS = 0x011C
DATA_GROUPS = range(0x0101, 0x0111)

WRONG_LENGTH = 0x6700
SM_MISSING = 0x6987
NO_CURRENT_EF = 0x6986
FILE_NOT_FOUND = 0x6A82
WRONG_P1P2 = 0x6B00
INS_NOT_SUPPORTED = 0x6D00


def mrz_of(dg1):
    tag, value, _ = read_tlv(dg1)
    if tag != 0x61:
        sys.exit("DG1 does not start with tag 61")
    pos = 0
    while pos < len(value):
        tag, inner, pos = read_tlv(value, pos)
        if tag == 0x5F1F:
            return inner
    sys.exit("DG1 holds no MRZ (tag 5F1F)")


# ------------------------------------------------------------------ the card

class Apdu(object):
    """A command APDU, short or extended. ne is None when the command expects no data."""

    def __init__(self, raw):
        if len(raw) < 4:
            raise CardError(WRONG_LENGTH)
        self.cla, self.ins, self.p1, self.p2 = raw[:4]
        body = raw[4:]
        self.data, self.ne = b"", None
        if not body:
            return
        if body[0] == 0 and len(body) >= 3:  # extended length
            if len(body) == 3:
                self.ne = int.from_bytes(body[1:3], "big") or 0x10000
                return
            nc = int.from_bytes(body[1:3], "big")
            self.data = body[3:3 + nc]
            rest = body[3 + nc:]
            if len(rest) == 2:
                self.ne = int.from_bytes(rest, "big") or 0x10000
            elif rest or len(self.data) != nc:
                raise CardError(WRONG_LENGTH)
            return
        if len(body) == 1:
            self.ne = body[0] or 0x100
            return
        nc = body[0]
        self.data = body[1:1 + nc]
        rest = body[1 + nc:]
        if len(rest) == 1:
            self.ne = rest[0] or 0x100
        elif rest or len(self.data) != nc:
            raise CardError(WRONG_LENGTH)


class IcaoCard(SmartcardOS):
    def __init__(self, files_dir, remove_after_reads=0):
        self.mf_files, self.app_files = {}, {}
        for name in sorted(os.listdir(files_dir)):
            try:
                fid = int(name, 16) if len(name) == 4 else None
            except ValueError:
                fid = None
            if fid is None:
                continue
            with open(os.path.join(files_dir, name), "rb") as f:
                data = f.read()
            (self.mf_files if fid == EF_CARD_ACCESS else self.app_files)[fid] = data
        if 0x0101 not in self.app_files:
            sys.exit("no DG1 (file 0101) in %s: the BAC key comes from its MRZ" % files_dir)
        mrz = mrz_of(self.app_files[0x0101])
        seed = bac_key_seed(mrz)
        self.k_enc, self.k_mac = kdf(seed, ENC), kdf(seed, MAC)
        self.pace_offers = self.read_pace_offers()
        self.k_pi = pace_password_key(mrz)
        self.reads_left = remove_after_reads or None
        # The ATR offers extended length (third software function table of the historical bytes).
        self.atr = Iso7816OS.makeATR(T=1, directConvention=True, TA1=0x13,
                                     histChars=b"\x80\x73\x00\x00" + Iso7816OS.makeThirdSoftwareFunctionTable(extendedLe=True))
        self.powerUp()

    def read_pace_offers(self):
        """{PACE OID: [parameter ids]} that EF.CardAccess offers and this card can run."""
        offers = {}
        if EF_CARD_ACCESS in self.mf_files:
            for oid, parameter_id in pace_infos(self.mf_files[EF_CARD_ACCESS]):
                if parameter_id in STANDARD_CURVES:
                    offers.setdefault(oid, []).append(parameter_id)
            if not offers:
                sys.exit("EF.CardAccess offers no PACE this card runs (GM, ECDH, AES-128; parameter id %s)"
                         % sorted(STANDARD_CURVES))
        return offers

    def getATR(self):
        return self.atr

    def powerUp(self):
        self.in_app = False
        self.current = None  # (fid, data) of the selected EF
        self.challenge = None
        self.pace = None  # the PaceSession between MSE:Set AT and its last GENERAL AUTHENTICATE
        self.end_sm()

    powerDown = reset = powerUp

    def end_sm(self):
        self.sm = None  # DesSecureMessaging after BAC, AesSecureMessaging after PACE

    # -------------------------------------------------------------- dispatch

    def execute(self, msg):
        try:
            apdu = Apdu(msg)
        except CardError as e:
            return e.sw.to_bytes(2, "big")
        protected = apdu.cla & 0x0C == 0x0C
        logging.info("C-APDU %s%s", msg.hex(), " (secure messaging)" if protected else "")
        if self.sm is not None and not protected:
            # ICAO 9303-11: a plain command in a secure messaging session ends the session.
            self.end_sm()
        # The answer goes back under the session the command came in, even when the command
        # ended it or started another (BAC, PACE).
        session = self.sm
        if protected:
            if session is None:
                return SM_MISSING.to_bytes(2, "big")
            try:
                apdu = self.unwrap(session, apdu)
            except CardError as e:
                self.end_sm()
                return e.sw.to_bytes(2, "big")
            logging.info("  unwrapped: %02X %02X %02X %02X data=%s ne=%s",
                         apdu.cla, apdu.ins, apdu.p1, apdu.p2, apdu.data.hex(), apdu.ne)
        try:
            data, sw = self.handle(apdu, protected)
        except CardError as e:
            data, sw = b"", e.sw
        except (IndexError, ValueError):  # malformed data objects: answer, do not crash the card
            data, sw = b"", WRONG_DATA
        if protected:
            return self.wrap(session, data, sw, odd=apdu.ins & 1)
        return data + sw.to_bytes(2, "big")

    def handle(self, apdu, protected):
        handler = {0xA4: self.select, 0xB0: self.read_binary, 0xB1: self.read_binary,
                   0x84: self.get_challenge, 0x82: self.external_authenticate,
                   0x22: self.mse_set_at, 0x86: self.general_authenticate}.get(apdu.ins)
        if handler is None:
            raise CardError(INS_NOT_SUPPORTED)
        if apdu.ins != 0x86:
            self.pace = None  # a PACE run is one unbroken chain of GENERAL AUTHENTICATE
        return handler(apdu, protected)

    # -------------------------------------------------------------- files

    def select(self, apdu, protected):
        if apdu.p1 == 0x04:  # by DF name: only the LDS application
            if not LDS_AID.startswith(apdu.data) or not apdu.data:
                raise CardError(FILE_NOT_FOUND)
            self.in_app, self.current = True, None
            fci = tlv(0x6F, tlv(0x84, LDS_AID))
        elif (apdu.p1 in (0x00, 0x02) and len(apdu.data) == 2) or (apdu.p1 == 0x00 and not apdu.data):
            fid = int.from_bytes(apdu.data, "big") if apdu.data else 0x3F00
            if fid == 0x3F00:
                self.in_app, self.current = False, None
                fci = tlv(0x6F, tlv(0x83, b"\x3F\x00"))
            else:
                files = self.app_files if self.in_app else self.mf_files
                if fid not in files:
                    raise CardError(FILE_NOT_FOUND)
                self.current = (fid, files[fid])
                fci = tlv(0x6F, tlv(0x80, len(files[fid]).to_bytes(2, "big")) + tlv(0x83, apdu.data))
        else:
            raise CardError(WRONG_P1P2)
        # P2=0C asks for no answer data (what JMRTD sends); otherwise a minimal FCI.
        return (b"" if apdu.p2 & 0x0C == 0x0C else fci), OK

    def read_binary(self, apdu, protected):
        if apdu.ins == 0xB0:
            if apdu.p1 & 0x80:  # short file identifier in P1, offset in P2
                self.select_sfi(apdu.p1 & 0x1F)
                offset = apdu.p2
            else:
                offset = (apdu.p1 << 8) | apdu.p2
        else:  # odd INS: offsets beyond 32767, given in a tag 54 object
            if apdu.p1 == 0 and 0 < apdu.p2 < 0x1F:
                self.select_sfi(apdu.p2)
            elif apdu.p1 or apdu.p2:
                raise CardError(WRONG_P1P2)
            tag, value, _ = read_tlv(apdu.data)
            if tag != 0x54:
                raise CardError(WRONG_DATA)
            offset = int.from_bytes(value, "big")
        if self.current is None:
            raise CardError(NO_CURRENT_EF)
        fid, data = self.current
        if fid in self.app_files and (not protected or self.sm is None):
            raise CardError(SECURITY_NOT_SATISFIED)
        if fid in DATA_GROUPS and self.reads_left is not None:
            if self.reads_left == 0:
                logging.info("read budget spent: the card leaves the reader")
                os._exit(3)  # abrupt, like a card pulled out: no answer, socket closed
            self.reads_left -= 1
        if offset > len(data):
            raise CardError(WRONG_P1P2)
        # Keep the answer inside one vpcd message (16-bit length) once wrapped.
        ne = min(apdu.ne or 0x100, 0xFF00)
        chunk = data[offset:offset + ne]
        return (tlv(0x53, chunk) if apdu.ins == 0xB1 else chunk), OK

    def select_sfi(self, sfi):
        files = self.app_files if self.in_app else self.mf_files
        for fid, data in files.items():
            if fid & 0x1F == sfi and fid >> 8 == 0x01:
                self.current = (fid, data)
                return
        raise CardError(FILE_NOT_FOUND)

    # -------------------------------------------------------------- BAC

    def get_challenge(self, apdu, protected):
        if apdu.ne != 8:
            raise CardError(WRONG_LENGTH)
        self.challenge = os.urandom(8)
        return self.challenge, OK

    def external_authenticate(self, apdu, protected):
        """BAC's mutual authenticate (ICAO 9303-11 4.3): both sides prove the MRZ key, agree keys."""
        challenge, self.challenge = self.challenge, None
        self.end_sm()
        if challenge is None or len(apdu.data) != 40:
            raise CardError(SECURITY_NOT_SATISFIED)
        e_ifd, m_ifd = apdu.data[:32], apdu.data[32:]
        if retail_mac(self.k_mac, pad(e_ifd)) != m_ifd:
            logging.info("BAC: MAC of the terminal's cryptogram is wrong (wrong MRZ key)")
            raise CardError(NOT_AUTHENTICATED)
        s = des3_decrypt(self.k_enc, e_ifd)
        rnd_ifd, rnd_icc, k_ifd = s[:8], s[8:16], s[16:32]
        if rnd_icc != challenge:
            raise CardError(NOT_AUTHENTICATED)
        k_icc = os.urandom(16)
        e_icc = des3_encrypt(self.k_enc, rnd_icc + rnd_ifd + k_icc)
        seed = bytes(a ^ b for a, b in zip(k_ifd, k_icc))
        self.sm = DesSecureMessaging(kdf(seed, ENC), kdf(seed, MAC), int.from_bytes(rnd_icc[4:] + rnd_ifd[4:], "big"))
        logging.info("BAC: done, secure messaging on")
        return e_icc + retail_mac(self.k_mac, pad(e_icc)), OK

    # -------------------------------------------------------------- PACE

    def mse_set_at(self, apdu, protected):
        """MSE:Set AT (part 11, 4.4.4.1) chooses PACE: 80 its OID, 83 the password (01: the MRZ),
        84 the domain parameters' id (optional while EF.CardAccess offers one set)."""
        if (apdu.p1, apdu.p2) != (0xC1, 0xA4):
            raise CardError(WRONG_P1P2)
        try:
            objects = read_tlvs(apdu.data)
        except IndexError:
            raise CardError(WRONG_DATA)
        oid = PACE_OIDS.get(objects.get(0x80))
        offered = self.pace_offers.get(oid, [])
        if 0x84 in objects:
            offered = [p for p in offered if p == int.from_bytes(objects[0x84], "big")]
        if len(offered) != 1 or objects.get(0x83) != bytes([MRZ_PASSWORD]):
            # Not offered, ambiguous, or a password this card has none of (CAN, PIN, PUK).
            raise CardError(REFERENCE_NOT_FOUND)
        self.pace = PaceSession(oid, STANDARD_CURVES[offered[0]], self.k_pi)
        logging.info("PACE: %s on %s", oid, self.pace.curve.name)
        return b"", OK

    def general_authenticate(self, apdu, protected):
        """One PACE step; after the last (mutual authentication) AES secure messaging starts."""
        pace, self.pace = self.pace, None
        if pace is None or apdu.p1 or apdu.p2:
            raise CardError(CONDITIONS_NOT_SATISFIED)
        try:
            answer = pace.general_authenticate(apdu.data, last_in_chain=not apdu.cla & 0x10)
        except (IndexError, ValueError):
            raise CardError(WRONG_DATA)
        except CardError as e:
            if e.sw == NOT_AUTHENTICATED:
                logging.info("PACE: the terminal's authentication token is wrong (wrong MRZ key)")
            raise
        if pace.session_keys is None:
            self.pace = pace  # more steps to come
        else:
            self.end_sm()
            self.sm = AesSecureMessaging(*pace.session_keys)
            logging.info("PACE: done, AES secure messaging on")
        return answer, OK

    # -------------------------------------------------------------- secure messaging

    def unwrap(self, sm, apdu):
        """The plain command inside a protected one, once its MAC is checked (part 11, 9.8)."""
        objects, pos, mac, cryptogram = b"", 0, None, None
        plain = Apdu(bytes([apdu.cla & ~0x0C & 0xFF, apdu.ins, apdu.p1, apdu.p2]))
        try:
            while pos < len(apdu.data):
                start = pos
                tag, value, pos = read_tlv(apdu.data, pos)
                if tag == 0x8E:
                    mac = value
                    break
                objects += apdu.data[start:pos]
                if tag == 0x87:  # padding indicator 01, then the cryptogram
                    if value[:1] != b"\x01":
                        raise CardError(SM_INCORRECT)
                    cryptogram = value[1:]
                elif tag == 0x85:  # odd INS: cryptogram without indicator
                    cryptogram = value
                elif tag == 0x97:
                    plain.ne = int.from_bytes(value, "big") or (0x100 if len(value) == 1 else 0x10000)
                else:
                    raise CardError(SM_INCORRECT)
        except (IndexError, ValueError):
            raise CardError(SM_INCORRECT)
        if mac is None:
            raise CardError(SM_MISSING)
        sm.step()
        header = pad(bytes([apdu.cla, apdu.ins, apdu.p1, apdu.p2]), sm.BLOCK)
        if sm.mac(header + objects) != mac:
            raise CardError(SM_INCORRECT)
        if cryptogram is not None:
            try:  # after the MAC: with AES, the IV comes from this command's SSC
                plain.data = unpad(sm.decrypt(cryptogram))
            except ValueError:  # not a whole number of blocks
                raise CardError(SM_INCORRECT)
        return plain

    def wrap(self, sm, data, sw, odd=False):
        sm.step()
        body = b""
        if data:
            cryptogram = sm.encrypt(pad(data, sm.BLOCK))
            body += tlv(0x85, cryptogram) if odd else tlv(0x87, b"\x01" + cryptogram)
        body += tlv(0x99, sw.to_bytes(2, "big"))
        body += tlv(0x8E, sm.mac(body))
        return body + sw.to_bytes(2, "big")


class QuickAck(object):
    """vicc's socket, acknowledging at once. vpcd writes each command as two segments (length, then
    APDU); with Nagle on its side and delayed ACKs on ours, every APDU would wait ~40 ms for an ACK.
    Linux forgets TCP_QUICKACK after a while, so it is set again before every read."""

    def __init__(self, sock):
        self._sock = sock

    def recv(self, n):
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        return self._sock.recv(n)

    def __getattr__(self, name):
        return getattr(self._sock, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dir", required=True, help="folder of the card's files, named by FID in hex")
    parser.add_argument("--host", default="127.0.0.1", help="vpcd's host")
    parser.add_argument("--port", type=int, required=True, help="vpcd's port (one port per virtual reader)")
    parser.add_argument("--remove-after-reads", type=int, default=0, metavar="N",
                        help="answer N READ BINARY on data groups, then leave the reader (0: never)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every APDU")
    args = parser.parse_args()

    card = IcaoCard(args.dir, args.remove_after_reads)
    # VirtualICC connects to vpcd and relays APDUs; it builds a plain ISO 7816 card, which we swap
    # for ours before the first APDU can arrive (run() reads the socket).
    vicc = VirtualICC(None, "iso7816", args.host, args.port,
                      logginglevel=logging.INFO if args.verbose else logging.WARNING)
    vicc.os = card
    vicc.sock = QuickAck(vicc.sock)
    logging.warning("ICAO card with %s inserted (vpcd %s:%d)", sorted("%04X" % f for f in card.app_files),
                    args.host, args.port)
    vicc.run()


if __name__ == "__main__":
    main()
