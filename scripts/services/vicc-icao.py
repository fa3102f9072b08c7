#!/usr/bin/python3
# SPDX-License-Identifier: AGPL-3.0-or-later
"""A virtual ICAO 9303 chip (eMRTD, BAC) for the tests' private pcscd: vsmartcard's vicc carries
the APDUs to the virtual reader (vpcd); this file is the card behind it.

The card serves the files of a directory, each named by its file identifier in hex:
  011C EF.CardAccess, at MF level (absent: the card offers no PACE);
  in the LDS application (AID A0 00 00 02 47 10 01): 011E EF.COM, 0101.. 0110 DG1..DG16, 011D EF.SOD.
The BAC key comes from the MRZ in DG1 (TD1, as on the CCCD, or TD2/TD3 by its length). Files of the
application are readable only through BAC's secure messaging (6982 before), so a wrong key fails.

Why not vicc's own ePass card: its generator is Python 2 (raw_input), its key comes from a passport
(TD3) MRZ only, and its secure messaging mixes str and bytes, which fails under Python 3. vicc is
still what connects to vpcd (VirtualICC); only the card's operating system is ours.

--remove-after-reads N: the card answers N READ BINARY commands on data groups (DG1..DG16) and
vanishes (the process exits, vpcd reports the card gone) when the next one arrives, so a test can
pull the card out part-way through a read without any timing.
"""

import argparse
import hashlib
import logging
import os
import socket
import sys

from Cryptodome.Cipher import DES, DES3

from virtualsmartcard.VirtualSmartcard import Iso7816OS, SmartcardOS, VirtualICC

LDS_AID = bytes.fromhex("A0000002471001")
EF_CARD_ACCESS = 0x011C
DATA_GROUPS = range(0x0101, 0x0111)

OK = 0x9000
WRONG_LENGTH = 0x6700
SM_MISSING = 0x6987
SM_INCORRECT = 0x6988
NOT_AUTHENTICATED = 0x6300
SECURITY_NOT_SATISFIED = 0x6982
NO_CURRENT_EF = 0x6986
WRONG_DATA = 0x6A80
FILE_NOT_FOUND = 0x6A82
WRONG_P1P2 = 0x6B00
INS_NOT_SUPPORTED = 0x6D00


class CardError(Exception):
    def __init__(self, sw):
        super().__init__("SW %04X" % sw)
        self.sw = sw


# ------------------------------------------------------------------ ICAO 9303 part 11 cryptography

def pad(data):
    """ISO 9797-1 padding method 2 (what BAC and its secure messaging use)."""
    data += b"\x80"
    return data + b"\x00" * (-len(data) % 8)


def unpad(data):
    end = data.rstrip(b"\x00")
    if not end.endswith(b"\x80"):
        raise CardError(SM_INCORRECT)
    return end[:-1]


def retail_mac(key, data):
    """ISO 9797-1 MAC algorithm 3 with DES (the 'retail MAC'), over already padded data."""
    last = DES.new(key[:8], DES.MODE_CBC, iv=bytes(8)).encrypt(data)[-8:]
    return DES.new(key[:8], DES.MODE_ECB).encrypt(DES.new(key[8:16], DES.MODE_ECB).decrypt(last))


def encrypt(key, data):
    return DES3.new(key, DES3.MODE_CBC, iv=bytes(8)).encrypt(data)


def decrypt(key, data):
    return DES3.new(key, DES3.MODE_CBC, iv=bytes(8)).decrypt(data)


def derive_key(seed, counter):
    # Parity bits are left as they are: DES ignores them.
    return hashlib.sha1(seed + counter.to_bytes(4, "big")).digest()[:16]


def mrz_key_seed(mrz):
    """The BAC key seed: document number, birth and expiry dates, each with its check digit."""
    if len(mrz) == 90:  # TD1 (ID card, as the CCCD): three lines of 30
        info = mrz[5:15] + mrz[30:37] + mrz[38:45]
    elif len(mrz) in (72, 88):  # TD2 / TD3 (passport): the second line holds them all
        line2 = mrz[len(mrz) // 2:]
        info = line2[0:10] + line2[13:20] + line2[21:28]
    else:
        sys.exit("DG1 holds an MRZ of %d characters: neither TD1 (90), TD2 (72) nor TD3 (88)" % len(mrz))
    return hashlib.sha1(info).digest()[:16]


# ------------------------------------------------------------------ BER-TLV, just enough

def read_tlv(data, pos=0):
    """(tag, value, next position) of the BER-TLV object at pos."""
    tag = data[pos]
    pos += 1
    if tag & 0x1F == 0x1F:
        while True:
            tag = (tag << 8) | data[pos]
            pos += 1
            if not data[pos - 1] & 0x80:
                break
    length = data[pos]
    pos += 1
    if length & 0x80:
        n = length & 0x7F
        length = int.from_bytes(data[pos:pos + n], "big")
        pos += n
    return tag, data[pos:pos + length], pos + length


def tlv(tag, value):
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    else:
        size = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(size)]) + size
    return tag_bytes + length + value


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
        seed = mrz_key_seed(mrz_of(self.app_files[0x0101]))
        self.k_enc, self.k_mac = derive_key(seed, 1), derive_key(seed, 2)
        self.reads_left = remove_after_reads or None
        # The ATR offers extended length (third software function table of the historical bytes).
        self.atr = Iso7816OS.makeATR(T=1, directConvention=True, TA1=0x13,
                                     histChars=b"\x80\x73\x00\x00" + Iso7816OS.makeThirdSoftwareFunctionTable(extendedLe=True))
        self.powerUp()

    def getATR(self):
        return self.atr

    def powerUp(self):
        self.in_app = False
        self.current = None  # (fid, data) of the selected EF
        self.challenge = None
        self.end_sm()

    powerDown = reset = powerUp

    def end_sm(self):
        self.ks_enc = self.ks_mac = None
        self.ssc = 0

    # -------------------------------------------------------------- dispatch

    def execute(self, msg):
        try:
            apdu = Apdu(msg)
        except CardError as e:
            return e.sw.to_bytes(2, "big")
        protected = apdu.cla & 0x0C == 0x0C
        logging.info("C-APDU %s%s", msg.hex(), " (secure messaging)" if protected else "")
        if self.ks_mac is not None and not protected:
            # ICAO 9303-11: a plain command in a secure messaging session ends the session.
            self.end_sm()
        if protected:
            if self.ks_mac is None:
                return SM_MISSING.to_bytes(2, "big")
            try:
                apdu = self.unwrap(apdu)
            except CardError as e:
                self.end_sm()
                return e.sw.to_bytes(2, "big")
            logging.info("  unwrapped: %02X %02X %02X %02X data=%s ne=%s",
                         apdu.cla, apdu.ins, apdu.p1, apdu.p2, apdu.data.hex(), apdu.ne)
        try:
            data, sw = self.handle(apdu, protected)
        except CardError as e:
            data, sw = b"", e.sw
        if protected:
            return self.wrap(data, sw, odd=apdu.ins & 1)
        return data + sw.to_bytes(2, "big")

    def handle(self, apdu, protected):
        handler = {0xA4: self.select, 0xB0: self.read_binary, 0xB1: self.read_binary,
                   0x84: self.get_challenge, 0x82: self.external_authenticate}.get(apdu.ins)
        if handler is None:
            raise CardError(INS_NOT_SUPPORTED)
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
        if fid in self.app_files and (not protected or self.ks_mac is None):
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
        s = decrypt(self.k_enc, e_ifd)
        rnd_ifd, rnd_icc, k_ifd = s[:8], s[8:16], s[16:32]
        if rnd_icc != challenge:
            raise CardError(NOT_AUTHENTICATED)
        k_icc = os.urandom(16)
        e_icc = encrypt(self.k_enc, rnd_icc + rnd_ifd + k_icc)
        seed = bytes(a ^ b for a, b in zip(k_ifd, k_icc))
        self.ks_enc, self.ks_mac = derive_key(seed, 1), derive_key(seed, 2)
        self.ssc = int.from_bytes(rnd_icc[4:] + rnd_ifd[4:], "big")
        logging.info("BAC: done, secure messaging on")
        return e_icc + retail_mac(self.k_mac, pad(e_icc)), OK

    # -------------------------------------------------------------- secure messaging

    def mac(self, data):
        self.ssc = (self.ssc + 1) % (1 << 64)
        return retail_mac(self.ks_mac, pad(self.ssc.to_bytes(8, "big") + data))

    def unwrap(self, apdu):
        objects, pos, mac = b"", 0, None
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
                    plain.data = unpad(decrypt(self.ks_enc, value[1:]))
                elif tag == 0x85:  # odd INS: cryptogram without indicator
                    plain.data = unpad(decrypt(self.ks_enc, value))
                elif tag == 0x97:
                    plain.ne = int.from_bytes(value, "big") or (0x100 if len(value) == 1 else 0x10000)
                else:
                    raise CardError(SM_INCORRECT)
        except (IndexError, ValueError):
            raise CardError(SM_INCORRECT)
        if mac is None:
            raise CardError(SM_MISSING)
        header = pad(bytes([apdu.cla, apdu.ins, apdu.p1, apdu.p2]))
        if self.mac(header + objects) != mac:
            raise CardError(SM_INCORRECT)
        return plain

    def wrap(self, data, sw, odd=False):
        body = b""
        if data:
            cryptogram = encrypt(self.ks_enc, pad(data))
            body += tlv(0x85, cryptogram) if odd else tlv(0x87, b"\x01" + cryptogram)
        body += tlv(0x99, sw.to_bytes(2, "big"))
        body += tlv(0x8E, self.mac(body))
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
