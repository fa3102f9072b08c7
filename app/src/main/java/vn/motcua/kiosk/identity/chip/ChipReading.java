// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the chip said, after passive authentication passed. Personal data, kept only in the
 * session like the QR's; the face image is shown to the volunteer and never stored or logged.
 *
 * @param faceImage the portrait as the chip holds it (JPEG on the cards seen), empty if none
 * @param faceMime  its type ("image/jpeg", "image/jp2"), or "" with no image
 */
public record ChipReading(Dg13 citizen, byte[] faceImage, String faceMime, PassiveAuthentication.Trust trust,
                          Protocol protocol) {
    private static final DateTimeFormatter CARD_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** How the kiosk opened the chip. */
    public enum Protocol { PACE, BAC }

    /** The chip's values under the prefill names forms use: the QR's and the ones only the chip has. */
    public Map<String, String> prefillValues() {
        Map<String, String> v = new LinkedHashMap<>();
        put(v, "id", Dg13.Field.ID_NUMBER);
        put(v, "oldId", Dg13.Field.OLD_ID_NUMBER);
        put(v, "name", Dg13.Field.FULL_NAME);
        date(Dg13.Field.BIRTH_DATE).ifPresent(d -> v.put("birthDate", d.toString()));
        citizen.get(Dg13.Field.SEX).map(s -> switch (s) {
            case "Nam" -> "male";
            case "Nữ" -> "female";
            default -> null;
        }).ifPresent(s -> v.put("sex", s));
        put(v, "address", Dg13.Field.PLACE_OF_RESIDENCE);
        date(Dg13.Field.ISSUE_DATE).ifPresent(d -> v.put("issueDate", d.toString()));
        put(v, "nationality", Dg13.Field.NATIONALITY);
        put(v, "ethnicity", Dg13.Field.ETHNICITY);
        put(v, "religion", Dg13.Field.RELIGION);
        put(v, "placeOfOrigin", Dg13.Field.PLACE_OF_ORIGIN);
        put(v, "fatherName", Dg13.Field.FATHER_NAME);
        put(v, "motherName", Dg13.Field.MOTHER_NAME);
        put(v, "spouseName", Dg13.Field.SPOUSE_NAME);
        return v;
    }

    /** A date field as printed on the card (dd/MM/yyyy); empty if absent or not a date ("Không thời hạn"). */
    public Optional<LocalDate> date(Dg13.Field f) {
        try {
            return citizen.get(f).map(s -> LocalDate.parse(s, CARD_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void put(Map<String, String> v, String name, Dg13.Field f) {
        citizen.get(f).ifPresent(s -> v.put(name, s));
    }

    @Override
    public String toString() {
        return "ChipReading[" + protocol + ", " + trust + "; personal data not shown]";
    }
}
