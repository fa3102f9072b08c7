// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.util.Arrays;

/** The one BER-TLV step the LDS files need: the content of an application-tagged file, lengths checked. */
final class Tlv {
    private Tlv() {}

    /** The content of {@code encoded} if it is exactly one TLV with this (one-byte) tag. */
    static byte[] content(byte[] encoded, int tag) throws ChipDataException {
        if (encoded == null || encoded.length < 2 || (encoded[0] & 0xFF) != tag) {
            throw new ChipDataException("not tag " + Integer.toHexString(tag));
        }
        int first = encoded[1] & 0xFF;
        int offset = 2;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int octets = first & 0x7F;
            if (octets == 0 || octets > 3 || encoded.length < 2 + octets) {
                throw new ChipDataException("bad length");
            }
            length = 0;
            for (int i = 0; i < octets; i++) {
                length = (length << 8) | (encoded[offset++] & 0xFF);
            }
        }
        if (offset + length != encoded.length) {
            throw new ChipDataException("length " + length + " but " + (encoded.length - offset) + " bytes");
        }
        return Arrays.copyOfRange(encoded, offset, encoded.length);
    }
}
