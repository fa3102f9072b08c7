// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.session;

import java.util.Map;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.drafts.MaskedName;

/** The applicant's name field (the one the ID card prefills as the name), masked. */
public final class ApplicantName implements ParkedLabel {
    private final CatalogueService catalogue;

    public ApplicantName(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public String maskedName(String procedureId, Map<String, String> answers) {
        if (procedureId == null) {
            return "";
        }
        return catalogue.catalogue().procedure(procedureId).map(Procedure::form).stream()
                .flatMap(f -> f.applicantFields().stream())
                .filter(f -> "name".equals(f.prefill())).map(f -> answers.get(f.id()))
                .filter(n -> n != null && !n.isBlank()).findFirst().map(MaskedName::of).orElse("");
    }
}
