// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.session;

import java.util.Map;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.form.Prefill;

/**
 * Design step 4: the ID card read at the desk fills the chosen procedure's form where the form
 * is about the applicant. In a form about someone else (LLTP by proxy) the other person's part
 * stays empty for their own details — their birth date decides the fee's exemptions.
 */
public final class ApplicantPrefill {
    private final SessionService sessions;
    private final CatalogueService catalogue;

    public ApplicantPrefill(SessionService sessions, CatalogueService catalogue) {
        this.sessions = sessions;
        this.catalogue = catalogue;
    }

    /** @param card the card's values by prefill name (empty when the citizen types everything) */
    public void fill(Map<String, String> card) {
        sessions.current().map(KioskSession::procedureId).flatMap(id -> catalogue.catalogue().procedure(id))
                .ifPresent(p -> {
                    Map<String, String> answers = Prefill.answers(p.form(), card, catalogue.places());
                    if (!answers.isEmpty()) {
                        sessions.answerAll(answers); // one draft write for the whole card
                    }
                });
    }
}
