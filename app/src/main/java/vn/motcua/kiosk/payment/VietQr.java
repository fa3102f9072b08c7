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
    /** The payload cannot be trusted; {@code reason} is for the log, never for the citizen. */
    public static final class InvalidPayload extends Exception {
        public InvalidPayload(String reason) {
            super(reason);
        }
    }

    public static VietQr parse(String payload) throws InvalidPayload {
        if (payload == null || payload.length() < 8 || !payload.substring(payload.length() - 8, payload.length() - 4).equals("6304")) {
            throw new InvalidPayload("no CRC field at the end");
        }
        String body = payload.substring(0, payload.length() - 4);
        String crc = String.format("%04X", crc16(body.getBytes(StandardCharsets.UTF_8)));
        if (!crc.equals(payload.substring(payload.length() - 4))) {
            throw new InvalidPayload("CRC mismatch");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        int i = 0;
        while (i < payload.length()) {
            if (i + 4 > payload.length()) {
                throw new InvalidPayload("truncated field at " + i);
            }
            String id = payload.substring(i, i + 2);
            int len;
            try {
                len = Integer.parseInt(payload.substring(i + 2, i + 4));
            } catch (NumberFormatException e) {
                throw new InvalidPayload("bad length at " + i);
            }
            if (i + 4 + len > payload.length()) {
                throw new InvalidPayload("field " + id + " runs past the end");
            }
            fields.put(id, payload.substring(i + 4, i + 4 + len));
            i += 4 + len;
        }
        if (!"01".equals(fields.get("00")) || !"704".equals(fields.get("53")) || !"VN".equals(fields.get("58"))) {
            throw new InvalidPayload("not a VND VietQR payload");
        }
        return new VietQr(payload, Map.copyOf(fields));
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
