// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.nio.charset.StandardCharsets;

/** VietQR (EMVCo merchant-presented) payloads as described in docs domain.md, with their CRC. */
public final class VietQr {
    private VietQr() {
    }

    /** The training "bank": a BIN no bank has and an account no bank would accept, so nothing can be paid for real. */
    public static final String TRAINING_BIN = "970000";
    public static final String TRAINING_ACCOUNT = "TAPHUAN000001";
    public static final String TRAINING_ACCOUNT_NAME = "TAP HUAN - KHONG CHUYEN TIEN";

    /** A transfer-to-account payload with an amount (point of initiation 12). */
    public static String payload(String bin, String account, long amountVnd, String purpose) {
        if (purpose.length() > 25 || !purpose.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("purpose must be ASCII, at most 25 characters");
        }
        String beneficiary = tlv("00", bin) + tlv("01", account);
        String merchant = tlv("00", "A000000727") + tlv("01", beneficiary) + tlv("02", "QRIBFTTA");
        String body = tlv("00", "01") + tlv("01", "12") + tlv("38", merchant) + tlv("53", "704")
                + tlv("54", Long.toString(amountVnd)) + tlv("58", "VN") + tlv("62", tlv("08", purpose)) + "6304";
        return body + String.format("%04X", crc16(body.getBytes(StandardCharsets.US_ASCII)));
    }

    static String tlv(String id, String value) {
        if (value.length() > 99) {
            throw new IllegalArgumentException("EMVCo field too long: " + id);
        }
        return id + String.format("%02d", value.length()) + value;
    }

    /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
    public static int crc16(byte[] data) {
        int crc = 0xFFFF;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xFFFF;
        }
        return crc;
    }
}
