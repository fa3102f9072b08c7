// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.payment;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A VietQR (EMVCo merchant-presented) payload as the portal sends it, checked before it is shown:
 * a QR with a wrong CRC or amount would send a citizen's money nowhere, or the wrong sum.
 * Fields are ID(2) LEN(2) VALUE; tag 63 is CRC-16/CCITT-FALSE over everything before its value.
 */
public record VietQr(String payload, Map<String, String> fields) {
    /** EMVCo gives the amount (tag 54) at most 13 characters: whole VND, digits only. */
    public static final long MAX_AMOUNT = 9_999_999_999_999L;

    /** The payload cannot be trusted; {@code reason} is for the log, never for the citizen. */
    public static final class InvalidPayload extends Exception {
        public InvalidPayload(String reason) {
            super(reason);
        }
    }

    /** The longest payload a QR of this kind holds (EMVCo: 512 characters). */
    static final int MAX_LENGTH = 512;
    private static final String NAPAS = "A000000727";

    public static VietQr parse(String payload) throws InvalidPayload {
        if (payload == null || payload.length() < 8 || !payload.substring(payload.length() - 8, payload.length() - 4).equals("6304")) {
            throw new InvalidPayload("no CRC field at the end");
        }
        if (payload.length() > MAX_LENGTH) {
            throw new InvalidPayload("longer than " + MAX_LENGTH + " characters");
        }
        // Control characters or half a character: the CRC over UTF-8 would not be over what the QR shows.
        if (payload.chars().anyMatch(Character::isISOControl) || !StandardCharsets.UTF_8.newEncoder().canEncode(payload)) {
            throw new InvalidPayload("control character or broken text");
        }
        String body = payload.substring(0, payload.length() - 4);
        String crc = String.format("%04X", crc16(body.getBytes(StandardCharsets.UTF_8)));
        if (!crc.equals(payload.substring(payload.length() - 4))) {
            throw new InvalidPayload("CRC mismatch");
        }
        Map<String, String> fields = fields(payload, "");
        // The CRC field must be the payload's own last field, not text at the end of another field's value.
        if (!payload.startsWith("000201") || !fields.containsKey("63")
                || !payload.endsWith("6304" + fields.get("63"))) {
            throw new InvalidPayload("format indicator not first or CRC not last");
        }
        if (!"704".equals(fields.get("53")) || !"VN".equals(fields.get("58"))) {
            throw new InvalidPayload("not a VND VietQR payload");
        }
        String initiation = fields.get("01");
        if (initiation != null && !initiation.equals("11") && !initiation.equals("12")) {
            throw new InvalidPayload("point of initiation neither 11 nor 12");
        }
        String amount = fields.get("54");
        // Whole VND, digits only: an amount the kiosk cannot read must not pass for "no amount".
        if (amount != null && !amount.matches("[0-9]{1,13}")) {
            throw new InvalidPayload("amount not a whole number of VND of at most 13 digits");
        }
        beneficiary(fields.get("38"));
        if (fields.containsKey("62")) {
            fields(fields.get("62"), "62.");
        }
        return new VietQr(payload, Map.copyOf(fields));
    }

    /** Tag 38: NAPAS's id, then the bank's 6-digit BIN and the account; without them the money goes nowhere. */
    private static void beneficiary(String template) throws InvalidPayload {
        if (template == null) {
            throw new InvalidPayload("no beneficiary (tag 38)");
        }
        Map<String, String> merchant = fields(template, "38.");
        if (!NAPAS.equals(merchant.get("00")) || !merchant.containsKey("01")) {
            throw new InvalidPayload("tag 38 is not a NAPAS beneficiary");
        }
        Map<String, String> account = fields(merchant.get("01"), "38.01.");
        if (account.get("00") == null || !account.get("00").matches("[0-9]{6}")
                || account.get("01") == null || !account.get("01").matches("[0-9A-Za-z]{1,19}")) {
            throw new InvalidPayload("tag 38 without a bank BIN and an account");
        }
    }

    /** ID(2 digits) LEN(2 digits) VALUE, to the end of {@code text}; each ID once. */
    private static Map<String, String> fields(String text, String where) throws InvalidPayload {
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            if (i + 4 > text.length()) {
                throw new InvalidPayload("truncated field at " + where + i);
            }
            String id = text.substring(i, i + 2);
            String len = text.substring(i + 2, i + 4);
            // Integer.parseInt would take "-1" and "+5" (a negative length ran substring backwards).
            if (!isDigits(id) || !isDigits(len)) {
                throw new InvalidPayload("bad id or length at " + where + i);
            }
            int end = i + 4 + Integer.parseInt(len);
            if (end > text.length()) {
                throw new InvalidPayload("field " + where + id + " runs past the end");
            }
            if (fields.put(id, text.substring(i + 4, end)) != null) {
                throw new InvalidPayload("field " + where + id + " twice");
            }
            i = end;
        }
        return fields;
    }

    private static boolean isDigits(String two) {
        return two.charAt(0) >= '0' && two.charAt(0) <= '9' && two.charAt(1) >= '0' && two.charAt(1) <= '9';
    }

    /** The amount in VND (tag 54), when the QR carries one. */
    public Optional<Long> amount() {
        String a = fields.get("54");
        try {
            return a == null ? Optional.empty() : Optional.of(Long.parseLong(a));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
    public static int crc16(byte[] data) {
        int crc = 0xFFFF;
        for (byte b : data) {
            crc ^= (b & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }
        return crc;
    }
}
