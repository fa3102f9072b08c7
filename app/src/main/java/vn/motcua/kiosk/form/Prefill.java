package vn.motcua.kiosk.form;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills a form from values read elsewhere (the applicant's ID-card QR): each field about the
 * applicant whose {@code prefill} names a value gets it, in the field's answer format; fields
 * about another person (the subject of an LLTP by proxy) are left for that person's details.
 * An address from a card whose last two parts name a current commune and its province ("…,
 * Phường Ba Đình, Thành phố Hà Nội") fills the province and commune, the rest the street line;
 * any other (cards issued before 7/2025 name a district) goes whole into the street line.
 */
public final class Prefill {
    private Prefill() {}

    /**
     * @param values by prefill name: id, oldId, name, birthDate (yyyy-MM-dd), sex (male/female),
     *               address, issueDate (yyyy-MM-dd), and from the chip nationality, ethnicity,
     *               religion, placeOfOrigin, fatherName, motherName, spouseName; missing names are skipped
     */
    public static Map<String, String> answers(FormDefinition form, Map<String, String> values) {
        return answers(form, values, null);
    }

    /** @param places the current units, to match a card's address to; null: never matched */
    public static Map<String, String> answers(FormDefinition form, Map<String, String> values,
                                              vn.motcua.kiosk.places.Places places) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : form.applicantFields()) {
            String value = f.prefill() == null ? null : values.get(f.prefill());
            if (value == null || value.isBlank()) {
                continue;
            }
            switch (f.type()) {
                case address -> address(out, f.id(), FormValidator.normalise(f.type(), value), places);
                case choice -> {
                    if (f.hasChoice(value)) {
                        out.put(f.id(), value);
                    }
                }
                default -> out.put(f.id(), FormValidator.normalise(f.type(), value));
            }
        }
        return out;
    }

    private static void address(Map<String, String> out, String id, String line, vn.motcua.kiosk.places.Places places) {
        String[] parts = line.split("\\s*,\\s*");
        if (places != null && parts.length >= 3) {
            String provinceName = parts[parts.length - 1];
            String communeName = parts[parts.length - 2];
            var province = places.provinces().stream().filter(p -> p.fullName(false).equalsIgnoreCase(provinceName))
                    .findFirst();
            var commune = province.flatMap(p -> p.communes().stream()
                    .filter(c -> c.fullName(false).equalsIgnoreCase(communeName)).findFirst());
            if (commune.isPresent()) {
                out.put(id + "." + Answers.PROVINCE, province.get().code());
                out.put(id + "." + Answers.COMMUNE, commune.get().code());
                out.put(id + "." + Answers.STREET, String.join(", ", java.util.Arrays.copyOf(parts, parts.length - 2)));
                return;
            }
        }
        out.put(id + "." + Answers.STREET, line);
    }
}
