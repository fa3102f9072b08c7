// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.ApiException;
import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.time;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.Map;
import vn.motcua.portal.training.Api.Call;

/** The e-result PDF of a finished dossier. */
final class Results {
    private final Store store;
    private final Catalogue catalogue;
    private final Wire wire;
    private final Statuses statuses;
    private final ResultSigner resultSigner = ResultSigner.training();

    Results(Store store, Catalogue catalogue, Wire wire, Statuses statuses) {
        this.store = store;
        this.catalogue = catalogue;
        this.wire = wire;
        this.statuses = statuses;
    }

    Response get(Call c) {
        return result(Dossiers.owned(store, c), c.decision);
    }

    /** The e-result, signed by the training signer; a result fault (see {@link Faults.Kind}) spoils it on purpose. */
    Response result(Map<String, Object> d, Faults.Decision fault) {
        if (!"SUBMITTED".equals(d.get("state"))) {
            throw new ApiException(409, "result-not-ready", "Hồ sơ chưa có kết quả", "the dossier is not submitted");
        }
        d = statuses.refresh(d);
        if (!"DONE".equals(d.get("status"))) {
            throw new ApiException(409, "result-not-ready", "Hồ sơ chưa có kết quả", "status is " + d.get("status"));
        }
        String name;
        try {
            name = wire.json.readTree((String) d.get("body")).path("applicant").path("fullName").asText("");
        } catch (JsonProcessingException e) {
            name = "";
        }
        Instant doneAt = Instant.parse((String) d.get("done_at"));
        byte[] pdf = ResultPdf.render(new ResultPdf.Content((String) d.get("code"),
                catalogue.agency((String) d.get("agency_code")).map(Catalogue.Agency::name).orElse(""),
                catalogue.procedure((String) d.get("procedure_id")).map(Catalogue.Procedure::name).orElse(""),
                name, Instant.parse((String) d.get("received_at")), doneAt, resultSigner.signerName()));
        if (!fault.is(Faults.Kind.UNSIGNED_RESULT)) {
            // Signed when it was made (the portal clock's done time), as a portal signs a result once.
            pdf = resultSigner.sign(pdf, doneAt, "Kết quả giải quyết thủ tục hành chính (tập huấn)");
        }
        if (fault.is(Faults.Kind.TAMPERED_RESULT)) {
            pdf = ResultSigner.tampered(pdf);
        } else if (fault.is(Faults.Kind.APPENDED_RESULT)) {
            pdf = ResultSigner.appended(pdf);
        }
        return new Response(200, "application/pdf", pdf)
                .header("Content-Disposition", "attachment; filename=\"" + d.get("code") + ".pdf\"");
    }
}
