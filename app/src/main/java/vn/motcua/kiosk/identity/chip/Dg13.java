// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.ASN1String;

/**
 * The Vietnamese data group 13 of the CCCD chip: what the card prints, field by field, which the
 * QR leaves out (ethnicity, religion, place of origin, parents, spouse). JMRTD has no class for
 * it. The group (tag 0x6D) holds entries {@code SEQUENCE { INTEGER n, value... }}, each value a
 * string, or for the parents (13) the father's then the mother's name, each possibly in a
 * SEQUENCE of its own; entries may sit inside an outer SEQUENCE with a version in front. Entries
 * are found by their number, not their position, so a card with fields added or left out still
 * reads; numbers the kiosk does not know are kept as raw DER, not guessed at.
 */
public record Dg13(Map<Field, String> fields, Map<Integer, byte[]> unknown) {
    static final int TAG = 0x6D;
    private static final int MAX_DEPTH = 8;

    /** The entries the kiosk knows, by number (and place, for the two names in entry 13). */
    public enum Field {
        ID_NUMBER(1, 0), FULL_NAME(2, 0), BIRTH_DATE(3, 0), SEX(4, 0), NATIONALITY(5, 0), ETHNICITY(6, 0),
        RELIGION(7, 0), PLACE_OF_ORIGIN(8, 0), PLACE_OF_RESIDENCE(9, 0), IDENTIFYING_MARKS(10, 0),
        ISSUE_DATE(11, 0), EXPIRY_DATE(12, 0), FATHER_NAME(13, 0), MOTHER_NAME(13, 1), SPOUSE_NAME(14, 0),
        OLD_ID_NUMBER(15, 0);

        public final int number;
        public final int place;

        Field(int number, int place) {
            this.number = number;
            this.place = place;
        }
    }

    public Dg13 {
        EnumMap<Field, String> copy = new EnumMap<>(Field.class);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
        unknown = Collections.unmodifiableMap(new LinkedHashMap<>(unknown));
    }

    public Optional<String> get(Field f) {
        return Optional.ofNullable(fields.get(f)).filter(s -> !s.isBlank());
    }

    /** Reads the group as the chip holds it (tag, length, entries); anything else is refused whole. */
    public static Dg13 parse(byte[] encoded) throws ChipDataException {
        byte[] content = Tlv.content(encoded, TAG);
        List<ASN1Primitive> top = new ArrayList<>();
        try (ASN1InputStream in = new ASN1InputStream(content)) {
            for (ASN1Primitive p; (p = in.readObject()) != null; ) {
                top.add(p);
            }
        } catch (IOException | RuntimeException e) { // BouncyCastle throws both on broken DER
            throw new ChipDataException("DG13 is not DER: " + e.getClass().getSimpleName());
        }
        Map<Integer, List<String>> entries = new LinkedHashMap<>();
        Map<Integer, byte[]> raw = new LinkedHashMap<>();
        try {
            for (ASN1Primitive p : top) {
                collect(p, 0, entries, raw);
            }
        } catch (RuntimeException e) { // a string that is not UTF-8 is found only when it is read
            throw new ChipDataException("DG13 holds a broken value: " + e.getClass().getSimpleName());
        }
        Map<Field, String> fields = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            List<String> values = entries.get(f.number);
            if (values != null && f.place < values.size()) {
                fields.put(f, values.get(f.place).strip());
            }
        }
        return new Dg13(fields, raw);
    }

    private static void collect(ASN1Primitive p, int depth, Map<Integer, List<String>> entries, Map<Integer, byte[]> raw)
            throws ChipDataException {
        if (depth > MAX_DEPTH) {
            throw new ChipDataException("DG13 nested too deep");
        }
        if (!(p instanceof ASN1Sequence seq)) {
            return; // a version number, an OID or a string outside any entry: not data the card prints
        }
        if (entryShaped(seq)) {
            int number = ((ASN1Integer) seq.getObjectAt(0)).intValueExact();
            if (entries.containsKey(number) || raw.containsKey(number)) {
                throw new ChipDataException("DG13 has entry " + number + " twice");
            }
            List<String> values = new ArrayList<>();
            boolean strings = true;
            for (int i = 1; i < seq.size() && strings; i++) {
                strings = strings(seq.getObjectAt(i), values, depth + 1);
            }
            boolean known = java.util.Arrays.stream(Field.values()).anyMatch(f -> f.number == number);
            if (known && strings) {
                entries.put(number, values);
            } else {
                raw.put(number, encoded(seq));
            }
            return;
        }
        for (ASN1Encodable child : seq) {
            collect(child.toASN1Primitive(), depth + 1, entries, raw);
        }
    }

    /** A small positive number first, and no entry inside: an entry, not a list of them. */
    private static boolean entryShaped(ASN1Sequence seq) {
        if (seq.size() == 0 || !(seq.getObjectAt(0) instanceof ASN1Integer n) || n.getValue().signum() <= 0
                || n.getValue().bitLength() > 15) {
            return false;
        }
        for (ASN1Encodable child : seq) {
            if (child instanceof ASN1Sequence inner && inner.size() > 0 && inner.getObjectAt(0) instanceof ASN1Integer) {
                return false;
            }
        }
        return true;
    }

    /** Adds the strings under {@code e} in order; false when something else (a number) is there. */
    private static boolean strings(ASN1Encodable e, List<String> out, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        ASN1Primitive p = e.toASN1Primitive();
        if (p instanceof ASN1String s && !(p instanceof ASN1BitString)) {
            out.add(s.getString());
            return true;
        }
        Iterable<ASN1Encodable> children = p instanceof ASN1Sequence seq ? seq : p instanceof ASN1Set set ? set : null;
        if (children == null) {
            return false;
        }
        for (ASN1Encodable child : children) {
            if (!strings(child, out, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] encoded(ASN1Sequence seq) {
        try {
            return seq.getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e); // re-encoding what was just decoded
        }
    }

    @Override
    public String toString() {
        return "Dg13[" + fields.size() + " fields, " + unknown.size() + " unknown; personal data not shown]";
    }
}
