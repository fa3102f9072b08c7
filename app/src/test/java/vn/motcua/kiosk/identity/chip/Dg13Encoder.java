// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * Writes a DG13 the way the CCCD chip lays it out (see {@link Dg13}): tag 0x6D around a SEQUENCE
 * of entries {@code SEQUENCE { INTEGER n, UTF8String value }}, the parents (13) as two SEQUENCEs
 * of one name each. Optionally with a version and an OID in front, as some cards have.
 */
public final class Dg13Encoder {
    private final Map<Integer, List<String>> entries = new LinkedHashMap<>();
    private final Map<Integer, byte[]> raw = new LinkedHashMap<>();
    private boolean header;

    /** A synthetic citizen with every known field. */
    public static Dg13Encoder citizen() {
        return new Dg13Encoder()
                .put(1, "001095012345").put(2, "Nguyễn Văn An").put(3, "15/08/1995").put(4, "Nam")
                .put(5, "Việt Nam").put(6, "Kinh").put(7, "Không").put(8, "Xã Hải Hậu, Ninh Bình")
                .put(9, "Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội").put(10, "Nốt ruồi C:1cm trên mép phải")
                .put(11, "10/04/2021").put(12, "15/08/2035").put(13, "Nguyễn Văn Bình", "Trần Thị Cúc")
                .put(14, "").put(15, "012345678");
    }

    public Dg13Encoder put(int number, String... values) {
        entries.put(number, List.of(values));
        return this;
    }

    Dg13Encoder remove(int number) {
        entries.remove(number);
        return this;
    }

    /** An entry whose value is not a string (a number the kiosk does not know what to do with). */
    Dg13Encoder putRaw(int number, byte[] octets) {
        raw.put(number, octets);
        return this;
    }

    Dg13Encoder withHeader() {
        header = true;
        return this;
    }

    public byte[] encode() {
        ASN1EncodableVector all = new ASN1EncodableVector();
        if (header) {
            all.add(new ASN1Integer(1));
            all.add(new ASN1ObjectIdentifier("2.16.704.1.13"));
        }
        entries.forEach((n, values) -> {
            ASN1EncodableVector e = new ASN1EncodableVector();
            e.add(new ASN1Integer(n));
            for (String v : values) {
                // The ID numbers are PrintableString on the cards seen, the rest UTF-8.
                var s = v.matches("[0-9]*") && !v.isEmpty() ? new DERPrintableString(v) : new DERUTF8String(v);
                e.add(values.size() > 1 ? new DERSequence(s) : s);
            }
            all.add(new DERSequence(e));
        });
        raw.forEach((n, octets) -> all.add(new DERSequence(new ASN1Integer[] {
                new ASN1Integer(n), new ASN1Integer(new java.math.BigInteger(1, octets))})));
        try {
            return new DERTaggedObject(true, BERTags.APPLICATION, 13, new DERSequence(all)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
