# SPDX-License-Identifier: AGPL-3.0-or-later
"""The card side of ICAO 9303 part 11 access control, for the tests' virtual chip (vicc-icao.py):
BAC's key derivation, PACE (generic mapping, ECDH, AES: the chip ID card's suite), and secure
messaging with 3DES (after BAC) or AES (after PACE). Pure computation, no card I/O, so that
test_icao9303.py can check it against ICAO's worked example without a reader.

Elliptic curve arithmetic is our own (affine coordinates, a few lines): pycryptodome 3.11 knows the
NIST curves only, and ICAO's PACE worked example (part 11, appendix G.1) is on brainpoolP256r1;
with our own arithmetic the card's code is what the worked example checks.
"""

import hashlib
import os

from Cryptodome.Cipher import AES, DES, DES3
from Cryptodome.Hash import CMAC

OK = 0x9000
NOT_AUTHENTICATED = 0x6300
SM_INCORRECT = 0x6988
SECURITY_NOT_SATISFIED = 0x6982
CONDITIONS_NOT_SATISFIED = 0x6985
WRONG_DATA = 0x6A80
REFERENCE_NOT_FOUND = 0x6A88
LAST_OF_CHAIN_EXPECTED = 0x6883


class CardError(Exception):
    def __init__(self, sw):
        super().__init__("SW %04X" % sw)
        self.sw = sw


# ------------------------------------------------------------------ padding, keys

def pad(data, block=8):
    """ISO 9797-1 padding method 2: 80, then zeros up to the block size (8: DES, 16: AES)."""
    data += b"\x80"
    return data + b"\x00" * (-len(data) % block)


def unpad(data):
    end = data.rstrip(b"\x00")
    if not end.endswith(b"\x80"):
        raise CardError(SM_INCORRECT)
    return end[:-1]


ENC, MAC, PACE_PASSWORD = 1, 2, 3  # the KDF's counter c (part 11, 9.7.1)


def kdf(secret, counter, key_bytes=16):
    """Part 11, 9.7.1 with SHA-1: 3DES and AES-128 keys take the first 16 bytes of the digest.
    3DES parity bits are left as they are: DES ignores them."""
    return hashlib.sha1(secret + counter.to_bytes(4, "big")).digest()[:key_bytes]


def mrz_information(mrz):
    """Document number, birth and expiry dates, each with its check digit: the MRZ password."""
    if len(mrz) == 90:  # TD1 (ID card, as the CCCD): three lines of 30
        return mrz[5:15] + mrz[30:37] + mrz[38:45]
    if len(mrz) in (72, 88):  # TD2 / TD3 (passport): the second line holds them all
        line2 = mrz[len(mrz) // 2:]
        return line2[0:10] + line2[13:20] + line2[21:28]
    raise ValueError("an MRZ of %d characters: neither TD1 (90), TD2 (72) nor TD3 (88)" % len(mrz))


def bac_key_seed(mrz):
    """BAC truncates SHA-1 of the MRZ information to 16 bytes (part 11, 9.7.2)."""
    return hashlib.sha1(mrz_information(mrz)).digest()[:16]


def pace_password_key(mrz):
    """K_pi: PACE keeps the whole SHA-1 of the MRZ information as the password (part 11, 9.7.3)."""
    return kdf(hashlib.sha1(mrz_information(mrz)).digest(), PACE_PASSWORD)


# ------------------------------------------------------------------ DES and AES primitives

def retail_mac(key, data):
    """ISO 9797-1 MAC algorithm 3 with DES (the 'retail MAC'), over already padded data."""
    last = DES.new(key[:8], DES.MODE_CBC, iv=bytes(8)).encrypt(data)[-8:]
    return DES.new(key[:8], DES.MODE_ECB).encrypt(DES.new(key[8:16], DES.MODE_ECB).decrypt(last))


def des3_encrypt(key, data):
    return DES3.new(key, DES3.MODE_CBC, iv=bytes(8)).encrypt(data)


def des3_decrypt(key, data):
    return DES3.new(key, DES3.MODE_CBC, iv=bytes(8)).decrypt(data)


def cmac8(key, data):
    """AES-CMAC truncated to 8 bytes: PACE's authentication tokens and AES secure messaging."""
    return CMAC.new(key, msg=data, ciphermod=AES).digest()[:8]


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
    if pos + length > len(data):
        raise IndexError("TLV object longer than its data")
    return tag, data[pos:pos + length], pos + length


def read_tlvs(data):
    """{tag: value} of consecutive BER-TLV objects (the last of a tag wins)."""
    objects, pos = {}, 0
    while pos < len(data):
        tag, value, pos = read_tlv(data, pos)
        objects[tag] = value
    return objects


def tlv(tag, value):
    tag_bytes = tag.to_bytes((tag.bit_length() + 7) // 8 or 1, "big")
    n = len(value)
    if n < 0x80:
        length = bytes([n])
    else:
        size = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(size)]) + size
    return tag_bytes + length + value


def oid_bytes(dotted):
    """The DER content octets of an OBJECT IDENTIFIER (no tag, no length)."""
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray([40 * arcs[0] + arcs[1]])
    for arc in arcs[2:]:
        chunk = [arc & 0x7F]
        while arc > 0x7F:
            arc >>= 7
            chunk.insert(0, 0x80 | (arc & 0x7F))
        out += bytes(chunk)
    return bytes(out)


# ------------------------------------------------------------------ elliptic curves

class Curve(object):
    """y^2 = x^3 + ax + b over GF(p), base point g of order n (cofactor 1). Points are (x, y)
    tuples, None is the point at infinity."""

    def __init__(self, name, p, a, b, gx, gy, n):
        self.name, self.p, self.a, self.b, self.n = name, p, a, b, n
        self.g = (gx, gy)
        self.size = (p.bit_length() + 7) // 8

    def contains(self, point):
        x, y = point
        return 0 <= x < self.p and 0 <= y < self.p and (y * y - x * x * x - self.a * x - self.b) % self.p == 0

    def add(self, P, Q):
        if P is None:
            return Q
        if Q is None:
            return P
        p = self.p
        (x1, y1), (x2, y2) = P, Q
        if x1 == x2 and (y1 + y2) % p == 0:
            return None
        if P == Q:
            slope = (3 * x1 * x1 + self.a) * pow(2 * y1, -1, p)
        else:
            slope = (y2 - y1) * pow(x2 - x1, -1, p)
        x3 = (slope * slope - x1 - x2) % p
        return x3, (slope * (x1 - x3) - y1) % p

    def multiply(self, k, P):
        """k·P by double-and-add. Not constant-time: a test card has no side channels to guard."""
        result = None
        for bit in bin(k)[2:]:
            result = self.add(result, result)
            if bit == "1":
                result = self.add(result, P)
        return result

    def encode(self, point):
        """Uncompressed: 04, x, y, each coordinate as long as p (what JMRTD sends and expects)."""
        x, y = point
        return b"\x04" + x.to_bytes(self.size, "big") + y.to_bytes(self.size, "big")

    def decode(self, data):
        """The other side's public point; anything not on the curve is wrong data."""
        if len(data) != 1 + 2 * self.size or data[0] != 0x04:
            raise CardError(WRONG_DATA)
        point = (int.from_bytes(data[1:1 + self.size], "big"), int.from_bytes(data[1 + self.size:], "big"))
        if not self.contains(point):
            raise CardError(WRONG_DATA)
        return point

    def random_scalar(self):
        return int.from_bytes(os.urandom(self.size + 8), "big") % (self.n - 1) + 1


P256 = Curve(
    "NIST P-256",
    p=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
    a=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC,
    b=0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
    gx=0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
    gy=0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
    n=0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551)

BRAINPOOL_P256R1 = Curve(
    "brainpoolP256r1",
    p=0xA9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377,
    a=0x7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9,
    b=0x26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6,
    gx=0x8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262,
    gy=0x547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997,
    n=0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7)

# Standardized domain parameters (part 11, 9.5.1) this card offers, by parameter id.
STANDARD_CURVES = {12: P256, 13: BRAINPOOL_P256R1}

# The one PACE suite this card runs: generic mapping, ECDH, AES-128 with CMAC (part 11, 9.2.3).
ID_PACE_ECDH_GM_AES_CBC_CMAC_128 = "0.4.0.127.0.7.2.2.4.2.2"
PACE_OIDS = {oid_bytes(ID_PACE_ECDH_GM_AES_CBC_CMAC_128): ID_PACE_ECDH_GM_AES_CBC_CMAC_128}
MRZ_PASSWORD = 0x01


def pace_infos(card_access):
    """[(oid, parameter id)] of the PACEInfos in EF.CardAccess (a SET OF SecurityInfo): just
    enough DER for what TestChip writes and real cards hold."""
    tag, content, _ = read_tlv(card_access)
    if tag != 0x31:
        raise ValueError("EF.CardAccess is not a SET")
    infos, pos = [], 0
    while pos < len(content):
        tag, info, pos = read_tlv(content, pos)
        fields, field_pos = [], 0
        while field_pos < len(info):
            field_tag, value, field_pos = read_tlv(info, field_pos)
            fields.append((field_tag, value))
        if tag == 0x30 and len(fields) >= 2 and fields[0][0] == 0x06 and fields[0][1] in PACE_OIDS:
            parameter_id = int.from_bytes(fields[2][1], "big") if len(fields) > 2 and fields[2][0] == 0x02 else None
            infos.append((PACE_OIDS[fields[0][1]], parameter_id))
    return infos


# ------------------------------------------------------------------ PACE, the chip's side

def authentication_token(k_mac, oid, curve, point):
    """CMAC over the public key data object 7F49 {06 OID, 86 point} of the OTHER side's ephemeral
    key (part 11, 4.4.3.4; the domain parameters are left out, both sides know them)."""
    data = tlv(0x7F49, tlv(0x06, oid_bytes(oid)) + tlv(0x86, curve.encode(point)))
    return cmac8(k_mac, data)


class PaceSession(object):
    """One run of PACE GM-ECDH-AES after MSE:Set AT chose it (part 11, 4.4.4, table 12): the four
    GENERAL AUTHENTICATE steps, each answering one dynamic authentication data object 7C.
    rand(curve) makes the chip's secrets; the worked-example test passes ICAO's values instead."""

    def __init__(self, oid, curve, password_key, rand=None):
        self.oid, self.curve, self.k_pi = oid, curve, password_key
        self.rand = rand or _Random()
        self.step = 1
        self.session_keys = None  # (K_enc, K_mac) once mutual authentication succeeded

    def general_authenticate(self, data, last_in_chain):
        """data: the command's 7C object; returns the answer's 7C object or raises CardError."""
        tag, content, _ = read_tlv(data)
        if tag != 0x7C:
            raise CardError(WRONG_DATA)
        if last_in_chain != (self.step == 4):  # steps 1-3 are chained (CLA 10), step 4 is not
            raise CardError(LAST_OF_CHAIN_EXPECTED)
        objects = read_tlvs(content)
        step = [None, self.encrypted_nonce, self.map_nonce, self.agree_key, self.authenticate][self.step]
        answer = step(objects)
        self.step += 1
        return tlv(0x7C, answer)

    def encrypted_nonce(self, objects):
        """Step 1: a random nonce s, encrypted with K_pi (AES-CBC, IV zero): z = E(K_pi, s)."""
        self.s = self.rand.nonce(16)
        z = AES.new(self.k_pi, AES.MODE_CBC, iv=bytes(16)).encrypt(self.s)
        return tlv(0x80, z)

    def map_nonce(self, objects):
        """Step 2, generic mapping: an ECDH with throw-away keys gives H; G' = s·G + H. Only the
        terminal that decrypted s (knew the password) ends up on the same G'."""
        curve = self.curve
        terminal_mapping_key = curve.decode(objects.get(0x81, b""))
        secret = self.rand.scalar(curve, "mapping")
        h = curve.multiply(secret, terminal_mapping_key)
        self.generator = curve.add(curve.multiply(int.from_bytes(self.s, "big"), curve.g), h)
        if h is None or self.generator is None:
            raise CardError(WRONG_DATA)
        return tlv(0x82, curve.encode(curve.multiply(secret, curve.g)))

    def agree_key(self, objects):
        """Step 3: ephemeral ECDH on G'; K is the x coordinate; K_enc and K_mac come from it."""
        curve = self.curve
        self.terminal_key = curve.decode(objects.get(0x83, b""))
        secret = self.rand.scalar(curve, "ephemeral")
        self.chip_key = curve.multiply(secret, self.generator)
        if self.chip_key == self.terminal_key:  # part 11, 4.4.3.3: the keys must differ
            raise CardError(WRONG_DATA)
        shared = curve.multiply(secret, self.terminal_key)
        if shared is None:
            raise CardError(WRONG_DATA)
        k = shared[0].to_bytes(curve.size, "big")
        self.k_enc, self.k_mac = kdf(k, ENC), kdf(k, MAC)
        return tlv(0x84, curve.encode(self.chip_key))

    def authenticate(self, objects):
        """Step 4: the terminal's token proves it holds K_mac (so: the password); ours answers."""
        expected = authentication_token(self.k_mac, self.oid, self.curve, self.chip_key)
        if objects.get(0x85) != expected:
            raise CardError(NOT_AUTHENTICATED)
        self.session_keys = (self.k_enc, self.k_mac)
        return tlv(0x86, authentication_token(self.k_mac, self.oid, self.curve, self.terminal_key))


class _Random(object):
    def nonce(self, size):
        return os.urandom(size)

    def scalar(self, curve, purpose):
        return curve.random_scalar()


# ------------------------------------------------------------------ secure messaging

class SecureMessaging(object):
    """Part 11, 9.8: session keys and the send sequence counter (SSC), which steps once for each
    command and once for each response; its current value goes into that message's MAC."""

    BLOCK = 8

    def __init__(self, ks_enc, ks_mac, ssc):
        self.ks_enc, self.ks_mac, self.ssc = ks_enc, ks_mac, ssc

    def step(self):
        self.ssc = (self.ssc + 1) % (1 << (8 * self.BLOCK))

    def ssc_bytes(self):
        return self.ssc.to_bytes(self.BLOCK, "big")

    def mac(self, data):
        """The MAC of SSC || data (data: padded header and objects), padded to the block."""
        return self.mac_of(pad(self.ssc_bytes() + data, self.BLOCK))


class DesSecureMessaging(SecureMessaging):
    """After BAC: 3DES-CBC with a zero IV, retail MAC, an 8-byte SSC from the two challenges."""

    def encrypt(self, data):
        return des3_encrypt(self.ks_enc, data)

    def decrypt(self, data):
        return des3_decrypt(self.ks_enc, data)

    def mac_of(self, data):
        return retail_mac(self.ks_mac, data)


class AesSecureMessaging(SecureMessaging):
    """After PACE with AES (part 11, 9.8.6.2): a 16-byte SSC from 0, IV = E(KS_enc, SSC) for each
    message, AES-CMAC truncated to 8 bytes."""

    BLOCK = 16

    def __init__(self, ks_enc, ks_mac):
        super().__init__(ks_enc, ks_mac, 0)

    def iv(self):
        return AES.new(self.ks_enc, AES.MODE_ECB).encrypt(self.ssc_bytes())

    def encrypt(self, data):
        return AES.new(self.ks_enc, AES.MODE_CBC, iv=self.iv()).encrypt(data)

    def decrypt(self, data):
        return AES.new(self.ks_enc, AES.MODE_CBC, iv=self.iv()).decrypt(data)

    def mac_of(self, data):
        return cmac8(self.ks_mac, data)
