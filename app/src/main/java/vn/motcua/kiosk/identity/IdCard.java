package vn.motcua.kiosk.identity;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the QR code on a chip citizen ID card (CCCD) says. Personal data: kept only in the
 * session, never logged — {@link #toString()} names no field value.
 *
 * @param idNumber the 12-digit personal identification number
 * @param oldIdNumber the 9-digit number of an older ID card, when the card carries one
 * @param permanentAddress free text as printed: cards issued before 7/2025 still name a district,
 *     so it is never checked against the new list of units
 * @param extraFields fields after the seventh (newer cards add some; shown to the volunteer)
 */
public record IdCard(String idNumber, Optional<String> oldIdNumber, String fullName, LocalDate birthDate, Sex sex,
                     String permanentAddress, LocalDate issueDate, List<String> extraFields) {

    public enum Sex { MALE, FEMALE }

    public IdCard {
        extraFields = List.copyOf(extraFields);
    }

    /** The card's values under the names forms use for {@code prefill} (dates ISO, sex male/female). */
    public Map<String, String> prefillValues() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", idNumber);
        oldIdNumber.ifPresent(old -> v.put("oldId", old));
        v.put("name", fullName);
        v.put("birthDate", birthDate.toString());
        v.put("sex", sex == Sex.MALE ? "male" : "female");
        v.put("address", permanentAddress);
        v.put("issueDate", issueDate.toString());
        return v;
    }

    @Override
    public String toString() {
        return "IdCard[personal data not shown]";
    }
}
