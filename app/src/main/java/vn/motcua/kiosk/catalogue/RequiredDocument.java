package vn.motcua.kiosk.catalogue;

import java.time.LocalDate;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.Condition;
import vn.motcua.kiosk.form.Label;

/**
 * A paper of the dossier (thành phần hồ sơ), one row of the papers screen and of the checklist.
 *
 * @param id         stable within the procedure
 * @param name       what it is
 * @param required   always needed (default false: optional)
 * @param requiredIf needed when this holds (an authorisation when someone files for another)
 * @param accepts    what counts, and accepted substitutes (a witness statement instead of the birth notice)
 * @param notes      sources and [M] defaults
 */
public record RequiredDocument(String id, Label name, Boolean required, Condition requiredIf, Label accepts,
                               String notes) {

    /** Whether the citizen must bring / scan it with the answers so far. */
    public boolean isRequired(Answers answers, LocalDate today) {
        return Boolean.TRUE.equals(required) || requiredIf != null && requiredIf.test(answers, today);
    }

    /** Whether it may apply at all (required, conditionally required or optional). */
    public boolean isConditional() {
        return !Boolean.TRUE.equals(required) && requiredIf != null;
    }
}
