// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.filing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.form.AddressLine;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.FieldType;
import vn.motcua.kiosk.form.FormDefinition;
import vn.motcua.kiosk.places.Places;

/**
 * Who files, read from a procedure's form by what its fields are (the catalogue's start-up check
 * makes sure each form has them): the first field about the applicant the ID card's name fills,
 * the first the ID number fills, the first phone, e-mail and address fields. Forms differ in their paths
 * ({@code fullName}, {@code applicant.name}, {@code requester.name}); this is the one mapping.
 */
public final class ApplicantFields {
    private ApplicantFields() {}

    /** The applicant as the portal and the receipt need them. Personal: never logged. */
    public record Applicant(String fullName, String idNumber, String phone, String email, String address) {
        @Override
        public String toString() {
            return "Applicant[hidden]";
        }
    }

    /** Some of name, ID number or phone has no answer (a form completed under an older catalogue). */
    public static final class MissingAnswersException extends Exception {
        private final List<String> paths;

        MissingAnswersException(List<String> paths) {
            super("no answer at " + paths);
            this.paths = List.copyOf(paths);
        }

        /** The form paths without an answer (field ids, not values: safe to log). */
        public List<String> paths() {
            return paths;
        }
    }

    public static Applicant read(FormDefinition form, Answers answers, Places places) throws MissingAnswersException {
        List<String> missing = new ArrayList<>();
        String name = required(applicant(form, "name"), answers, missing, "name");
        String id = required(applicant(form, "id"), answers, missing, "id");
        String phone = required(first(form, f -> f.type() == FieldType.phone), answers, missing, "phone");
        if (!missing.isEmpty()) {
            throw new MissingAnswersException(missing);
        }
        String email = first(form, f -> f.type() == FieldType.email).map(f -> blankToNull(answers.get(f.id()))).orElse(null);
        String address = first(form, f -> f.type() == FieldType.address).flatMap(f -> AddressLine.of(answers, f.id(), places))
                .orElse(null);
        return new Applicant(name, id, phone, email, address);
    }

    /** The first field about the applicant that this card value fills (the requester's, in a form by proxy). */
    public static Optional<Field> applicant(FormDefinition form, String prefill) {
        return form.applicantFields().stream().filter(f -> prefill.equals(f.prefill())).findFirst();
    }

    private static Optional<Field> first(FormDefinition form, java.util.function.Predicate<Field> which) {
        return form.fields().stream().filter(which).findFirst();
    }

    private static String required(Optional<Field> field, Answers answers, List<String> missing, String what) {
        String value = field.map(f -> blankToNull(answers.get(f.id()))).orElse(null);
        if (value == null) {
            missing.add(field.map(Field::id).orElse(what));
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
