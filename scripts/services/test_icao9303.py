# SPDX-License-Identifier: AGPL-3.0-or-later
"""The virtual chip's PACE against ICAO 9303 part 11, appendix G.1 (worked example: PACE, generic
mapping, ECDH on brainpoolP256r1, id-PACE-ECDH-GM-AES-CBC-CMAC-128): the chip's side is fed the
example's nonce and private keys and must answer the example's bytes at every step.
Run: cd scripts/services && /usr/bin/python3 -m unittest test_icao9303
(VirtualChipCardTest runs it too.)"""

import unittest

from Cryptodome.PublicKey import ECC

import icao9303 as icao

h = bytes.fromhex

# A TD3 MRZ carrying the example's document number, birth and expiry dates (with check digits).
MRZ = (b"P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<"
       b"T220001293UTO6408125F1010318<<<<<<<<<<<<<<00")
OID = icao.ID_PACE_ECDH_GM_AES_CBC_CMAC_128

K_PI = h("89DED1B26624EC1E634C1989302849DD")
NONCE_S = h("3F00C4D39D153F2B2A214A078D899B22")
ENCRYPTED_NONCE = h("95A3A016522EE98D01E76CB6B98B42C3")
# Private keys: the terminal's of the example, and the chip's, which the chip side is fed.
TERMINAL_MAPPING_KEY = int("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99", 16)
CHIP_MAPPING_KEY = int("498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560", 16)
TERMINAL_EPHEMERAL_KEY = int("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595", 16)
CHIP_EPHEMERAL_KEY = int("107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A", 16)
# Public keys and answers, as the example prints them.
TERMINAL_MAPPING_PUBLIC = h("047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
                            "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D")
CHIP_MAPPING_PUBLIC = h("04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
                        "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54")
MAPPED_GENERATOR = h("048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
                     "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522")
TERMINAL_EPHEMERAL_PUBLIC = h("042DB7A64C0355044EC9DF190514C625CBA2CEA487548871"
                              "22F3A5EF0D5EDD301C3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462")
CHIP_EPHEMERAL_PUBLIC = h("049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
                          "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094")
K_ENC = h("F5F0E35C0D7161EE6724EE513A0D9A7F")
K_MAC = h("FE251C7858B356B24514B3BD5F4297D1")
TERMINAL_TOKEN = h("C2B0BD78D94BA866")
CHIP_TOKEN = h("3ABB9674BCE93C08")


class ExampleRandom(object):
    """The chip's 'random' choices, as the worked example made them."""

    def nonce(self, size):
        return NONCE_S

    def scalar(self, curve, purpose):
        return {"mapping": CHIP_MAPPING_KEY, "ephemeral": CHIP_EPHEMERAL_KEY}[purpose]


def example_session():
    curve = icao.STANDARD_CURVES[13]
    return icao.PaceSession(OID, curve, icao.pace_password_key(MRZ), ExampleRandom())


class WorkedExampleG1(unittest.TestCase):
    def test_password_key_comes_from_the_mrz(self):
        self.assertEqual(icao.mrz_information(MRZ), b"T22000129364081251010318")
        self.assertEqual(icao.pace_password_key(MRZ), K_PI)

    def test_the_chip_answers_each_step_as_the_example_does(self):
        pace = example_session()
        curve = pace.curve
        self.assertEqual(curve.encode(curve.multiply(TERMINAL_MAPPING_KEY, curve.g)), TERMINAL_MAPPING_PUBLIC)

        step1 = pace.general_authenticate(h("7C00"), last_in_chain=False)
        self.assertEqual(step1, h("7C128010") + ENCRYPTED_NONCE)

        step2 = pace.general_authenticate(icao.tlv(0x7C, icao.tlv(0x81, TERMINAL_MAPPING_PUBLIC)), False)
        self.assertEqual(step2, h("7C438241") + CHIP_MAPPING_PUBLIC)
        self.assertEqual(curve.encode(pace.generator), MAPPED_GENERATOR)

        step3 = pace.general_authenticate(icao.tlv(0x7C, icao.tlv(0x83, TERMINAL_EPHEMERAL_PUBLIC)), False)
        self.assertEqual(step3, h("7C438441") + CHIP_EPHEMERAL_PUBLIC)
        self.assertEqual((pace.k_enc, pace.k_mac), (K_ENC, K_MAC))
        self.assertIsNone(pace.session_keys, "no session before the terminal's token")

        step4 = pace.general_authenticate(h("7C0A8508") + TERMINAL_TOKEN, last_in_chain=True)
        self.assertEqual(step4, h("7C0A8608") + CHIP_TOKEN)
        self.assertEqual(pace.session_keys, (K_ENC, K_MAC))

    def test_a_wrong_terminal_token_is_refused_with_6300(self):
        pace = example_session()
        pace.general_authenticate(h("7C00"), False)
        pace.general_authenticate(icao.tlv(0x7C, icao.tlv(0x81, TERMINAL_MAPPING_PUBLIC)), False)
        pace.general_authenticate(icao.tlv(0x7C, icao.tlv(0x83, TERMINAL_EPHEMERAL_PUBLIC)), False)
        wrong = bytes([TERMINAL_TOKEN[0] ^ 1]) + TERMINAL_TOKEN[1:]
        with self.assertRaises(icao.CardError) as refused:
            pace.general_authenticate(h("7C0A8508") + wrong, True)
        self.assertEqual(refused.exception.sw, 0x6300)
        self.assertIsNone(pace.session_keys)

    def test_points_off_the_curve_and_broken_chains_are_refused(self):
        pace = example_session()
        with self.assertRaises(icao.CardError) as chain:
            pace.general_authenticate(h("7C00"), last_in_chain=True)
        self.assertEqual(chain.exception.sw, 0x6883)
        pace.general_authenticate(h("7C00"), False)
        off_curve = TERMINAL_MAPPING_PUBLIC[:-1] + bytes([TERMINAL_MAPPING_PUBLIC[-1] ^ 1])
        with self.assertRaises(icao.CardError) as point:
            pace.general_authenticate(icao.tlv(0x7C, icao.tlv(0x81, off_curve)), False)
        self.assertEqual(point.exception.sw, 0x6A80)


class CurveArithmetic(unittest.TestCase):
    def test_p256_agrees_with_pycryptodome(self):
        """Our affine arithmetic against pycryptodome's on the card's curve (parameter id 12):
        G' = s·G + H as in the mapping step."""
        curve = icao.STANDARD_CURVES[12]
        s, k = 0x3F00C4D39D153F2B2A214A078D899B22, CHIP_MAPPING_KEY
        ours = curve.add(curve.multiply(s, curve.g), curve.multiply(k, curve.g))
        g = ECC.EccPoint(curve.g[0], curve.g[1], curve="P-256")
        theirs = g * s + g * k
        self.assertEqual(ours, (int(theirs.x), int(theirs.y)))

    def test_the_curves_hold_their_base_points(self):
        for curve in icao.STANDARD_CURVES.values():
            self.assertTrue(curve.contains(curve.g), curve.name)
            self.assertIsNone(curve.multiply(curve.n, curve.g), curve.name)


class SecureMessagingKeys(unittest.TestCase):
    def test_aes_iv_is_the_encrypted_ssc_and_the_mac_is_cmac8(self):
        sm = icao.AesSecureMessaging(K_ENC, K_MAC)
        sm.step()
        self.assertEqual(sm.ssc_bytes(), bytes(15) + b"\x01")
        from Cryptodome.Cipher import AES
        self.assertEqual(sm.iv(), AES.new(K_ENC, AES.MODE_ECB).encrypt(bytes(15) + b"\x01"))
        self.assertEqual(len(sm.mac(b"x")), 8)

    def test_card_access_parsing_finds_the_pace_info(self):
        # What JMRTD's CardAccessFile(List.of(new PACEInfo(oid, 2, 12))).getEncoded() writes.
        card_access = h("3114" "3012" "060A04007F00070202040202" "020102" "02010C")
        self.assertEqual(icao.pace_infos(card_access), [(OID, 12)])


if __name__ == "__main__":
    unittest.main()
