package vn.motcua.kiosk.fees;

import vn.motcua.kiosk.form.Condition;
import vn.motcua.kiosk.form.Label;

/**
 * A reduction or an exemption of a procedure's fee, when its condition on the answers holds.
 *
 * @param id                stable id, for tests and logs
 * @param when              the condition on the answers (e.g. the applicant's categories contain "student")
 * @param base              reductions: the fee that replaces the base fee (LLTP students: 100,000)
 * @param waivesExtraCopies exemptions: whether the per-copy price beyond the included copies is waived too (default false)
 * @param reason            why, shown to the citizen in the fee explanation
 * @param notes             sources and [M] defaults, for the maintainers
 */
public record FeeRule(String id, Condition when, Long base, Boolean waivesExtraCopies, Label reason, String notes) {

    public boolean waivesCopies() {
        return Boolean.TRUE.equals(waivesExtraCopies);
    }
}
