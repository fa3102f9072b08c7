// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.motcua.kiosk.places.Province;

/**
 * The privacy audit's citizen (issue 12): values that occur nowhere else, so that any copy of them
 * on disk is a leak, with letters whose NFC and NFD forms differ. Synthetic: no such person.
 */
public final class TestCitizen {
    /** Ổ, Ị, Ỷ and Ê decompose in NFD. */
    public static final String NAME = nfc("Khổng Thị Ỷ Lan Quyên");
    /** 056 Khánh Hòa, 1 = woman born in the 1900s, 87 = 1987, then a serial (domain.md, kiosk-config/id-numbers). */
    public static final String ID_NUMBER = "056187730419";
    public static final String PHONE = "0967418273";
    public static final String STREET = nfc("Số 83 Hẻm Gò Dưa Thượng");
    /** Typed on the form's on-screen keyboard as {@link #PLACE_OF_BIRTH_TELEX}. */
    public static final String PLACE_OF_BIRTH = nfc("thôn đồng quỳnh hạ");
    public static final String PLACE_OF_BIRTH_TELEX = "thoon ddoongf quyfnh haj";
    public static final int BIRTH_YEAR = 1987;
    /** The ID card's QR code as a desk reader types it (born 14/06/1987, issued 20/05/2021, at 33: valid to 40). */
    public static final String QR = ID_NUMBER + "||" + NAME + "|14061987|" + nfc("Nữ") + "|" + STREET
            + nfc(", Phường Nha Trang, Tỉnh Khánh Hòa") + "|20052021";

    private TestCitizen() {}

    /** Her birth-record extract request (trich-luc-ho-tich), as the form step leaves it. */
    public static Map<String, String> extractRequest(Province province, int copies) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("applicant.name", NAME);
        a.put("applicant.idNumber", ID_NUMBER);
        a.put("applicant.address.province", province.code());
        a.put("applicant.address.commune", province.communes().get(0).code());
        a.put("applicant.address.street", STREET);
        a.put("applicant.relation", "self");
        a.put("applicant.phone", PHONE);
        a.put("recordType", "birth");
        a.put("subject.name", NAME);
        a.put("registration.place", nfc("UBND phường Nha Trang"));
        a.put("copies", String.valueOf(copies));
        return a;
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
