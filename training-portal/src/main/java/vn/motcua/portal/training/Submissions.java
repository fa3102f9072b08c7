// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.FieldError;
import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.time;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.portal.training.Api.Call;

/** POST /dossiers/{id}/submit: the dossier gets its code and due date; the receipt it answers with. */
final class Submissions {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(PortalClock.VIETNAM);

    private final Store store;
    private final PortalClock clock;
    private final Catalogue catalogue;
    private final Wire wire;
    private final Statuses statuses;

    Submissions(Store store, PortalClock clock, Catalogue catalogue, Wire wire, Statuses statuses) {
        this.store = store;
        this.clock = clock;
        this.catalogue = catalogue;
        this.wire = wire;
        this.statuses = statuses;
    }

    Response submit(Call c) {
        return store.tx(() -> {
            Map<String, Object> d = Dossiers.owned(store, c);
            if ("SUBMITTED".equals(d.get("state"))) {
                return wire.json(200, receipt(statuses.refresh(d)));
            }
            String id = (String) d.get("id");
            Catalogue.Procedure p = catalogue.procedure((String) d.get("procedure_id")).orElseThrow();
            List<Map<String, Object>> uploads = store.query("SELECT doc_type, state FROM uploads WHERE dossier_id = ?", id);
            if (uploads.stream().anyMatch(u -> "UPLOADING".equals(u.get("state")))) {
                throw Http.conflict("upload-incomplete", "an upload of this dossier is not complete");
            }
            List<FieldError> errors = new ArrayList<>();
            for (String type : p.requiredDocuments()) {
                boolean present = uploads.stream().anyMatch(u -> type.equals(u.get("doc_type")) && "COMPLETE".equals(u.get("state")));
                if (!present) {
                    errors.add(new FieldError("$.documents." + type, "required", "Thiếu giấy tờ bắt buộc"));
                }
            }
            if (!errors.isEmpty()) {
                throw Http.validation(errors);
            }
            Instant now = clock.now();
            String agency = (String) d.get("agency_code");
            String day = DAY.format(now);
            store.update("INSERT INTO sequences (agency_code, day, last) VALUES (?, ?, 1)"
                    + " ON CONFLICT(agency_code, day) DO UPDATE SET last = last + 1", agency, day);
            int seq = ((Number) store.one("SELECT last FROM sequences WHERE agency_code = ? AND day = ?", agency, day)
                    .orElseThrow().get("last")).intValue();
            String code = String.format("%s-%s-%04d", agency, day, seq);
            Schedule.Plan plan = Schedule.plan(p, now, seq);
            store.update("UPDATE dossiers SET state = 'SUBMITTED', code = ?, seq = ?, received_at = ?, due_at = ?,"
                            + " in_progress_plan = ?, done_plan = ?, status = 'RECEIVED' WHERE id = ?",
                    code, seq, now.toString(), plan.dueAt().toString(), plan.inProgressAt().toString(), plan.doneAt().toString(), id);
            store.update("INSERT INTO history (dossier_id, status, at, note) VALUES (?, 'RECEIVED', ?, ?)", id, now.toString(),
                    "Tiếp nhận hồ sơ trực tuyến");
            return wire.json(200, receipt(store.dossier(id).orElseThrow()));
        });
    }

    Map<String, Object> receipt(Map<String, Object> d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dossierId", d.get("id"));
        m.put("dossierCode", d.get("code"));
        m.put("receivedAt", time((String) d.get("received_at")));
        m.put("dueAt", time((String) d.get("due_at")));
        m.put("fee", Dossiers.fee(d));
        m.put("status", d.get("status"));
        m.put("agencyName", catalogue.agency((String) d.get("agency_code")).map(Catalogue.Agency::name).orElse(null));
        m.put("procedureName", catalogue.procedure((String) d.get("procedure_id")).map(Catalogue.Procedure::name).orElse(null));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Map<String, Object> r : store.query("SELECT doc_type, COUNT(*) AS n FROM uploads WHERE dossier_id = ? AND state = 'COMPLETE'"
                + " GROUP BY doc_type ORDER BY doc_type", d.get("id"))) {
            docs.add(Map.of("type", r.get("doc_type"), "count", r.get("n")));
        }
        m.put("documents", docs);
        return m;
    }
}
