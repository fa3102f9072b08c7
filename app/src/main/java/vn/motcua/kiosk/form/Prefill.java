package vn.motcua.kiosk.form;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fills a form from values read elsewhere (the applicant's ID-card QR): each field about the
 * applicant whose {@code prefill} names a value gets it, in the field's answer format; fields
 * about another person (the subject of an LLTP by proxy) are left for that person's details.
 * An address from a card goes into the free street line: cards issued before 7/2025 still name
 * a district, so it is never matched to units.
 */
public final class Prefill {
    private Prefill() {}

    /**
     * @param values by prefill name: id, oldId, name, birthDate (yyyy-MM-dd), sex (male/female),
     *               address, issueDate (yyyy-MM-dd); missing names are skipped
     */
    public static Map<String, String> answers(FormDefinition form, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : form.applicantFields()) {
            String value = f.prefill() == null ? null : values.get(f.prefill());
            if (value == null || value.isBlank()) {
                continue;
            }
            switch (f.type()) {
                case address -> out.put(f.id() + "." + Answers.STREET, FormValidator.normalise(f.type(), value));
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
}
