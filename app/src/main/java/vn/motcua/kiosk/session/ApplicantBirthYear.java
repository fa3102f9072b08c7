package vn.motcua.kiosk.session;

import java.util.Map;
import java.util.OptionalInt;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.form.Field;

/**
 * The applicant's birth year from the form: their birth date field, else the year their 12-digit
 * ID number encodes (forms such as the civil-status ones ask for the number but not the date).
 * Only the applicant's fields count: in an LLTP by proxy the subject is someone else.
 */
public final class ApplicantBirthYear implements BirthYearOf {
    private final CatalogueService catalogue;

    public ApplicantBirthYear(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public OptionalInt of(String procedureId, Map<String, String> answers) {
        if (procedureId == null) {
            return OptionalInt.empty();
        }
        var fields = catalogue.catalogue().procedure(procedureId).map(Procedure::form)
                .map(f -> f.applicantFields()).orElse(java.util.List.of());
        for (Field f : fields) {
            String date = answers.get(f.id());
            if ("birthDate".equals(f.prefill()) && date != null && date.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
                return OptionalInt.of(Integer.parseInt(date.strip().substring(0, 4)));
            }
        }
        for (Field f : fields) {
            if ("id".equals(f.prefill())) {
                var decoded = catalogue.idNumbers().decode(answers.get(f.id()) == null ? null : answers.get(f.id()).strip());
                if (decoded.isPresent()) {
                    return OptionalInt.of(decoded.get().birthYear());
                }
            }
        }
        return OptionalInt.empty();
    }
}
