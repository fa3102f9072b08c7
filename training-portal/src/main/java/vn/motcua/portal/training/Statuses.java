// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.portal.training.Api.Call;

/** A submitted dossier's status as it moves with the training clock, and GET /dossiers/by-code/{code}. */
final class Statuses {
    private final Store store;
    private final PortalClock clock;
    private final Catalogue catalogue;
    private final Wire wire;

    Statuses(Store store, PortalClock clock, Catalogue catalogue, Wire wire) {
        this.store = store;
        this.clock = clock;
        this.catalogue = catalogue;
        this.wire = wire;
    }

    /**
     * Brings a submitted dossier's status up to the training clock, writing the history steps at
     * the times they were planned for. A status forced by the trainer stays until set back to AUTO.
     */
    Map<String, Object> refresh(Map<String, Object> d) {
        if (!"SUBMITTED".equals(d.get("state")) || ((Number) d.get("forced")).intValue() != 0) {
            return d;
        }
        return store.tx(() -> {
            Instant now = clock.now();
            Instant inProgress = Instant.parse((String) d.get("in_progress_plan"));
            Instant done = Instant.parse((String) d.get("done_plan"));
            String current = (String) d.get("status");
            String id = (String) d.get("id");
            int have = rank(current);
            int target = !now.isBefore(done) ? 2 : !now.isBefore(inProgress) ? 1 : 0;
            if (target <= have) {
                return d;
            }
            if (have < 1) {
                store.update("INSERT INTO history (dossier_id, status, at, note) VALUES (?, 'IN_PROGRESS', ?, ?)",
                        id, inProgress.toString(), "Đang giải quyết");
            }
            if (target == 2) {
                store.update("INSERT INTO history (dossier_id, status, at, note) VALUES (?, 'DONE', ?, ?)",
                        id, done.toString(), "Đã có kết quả");
                store.update("UPDATE dossiers SET status = 'DONE', done_at = ? WHERE id = ?", done.toString(), id);
            } else {
                store.update("UPDATE dossiers SET status = 'IN_PROGRESS' WHERE id = ?", id);
            }
            return store.dossier(id).orElseThrow();
        });
    }

    private static int rank(String status) {
        return switch (status) {
            case "IN_PROGRESS" -> 1;
            case "DONE" -> 2;
            default -> 0;
        };
    }

    Map<String, Object> statusView(Map<String, Object> d) {
        d = refresh(d);
        Instant due = Instant.parse((String) d.get("due_at"));
        String doneAt = (String) d.get("done_at");
        boolean late = doneAt != null ? Instant.parse(doneAt).isAfter(due) : clock.now().isAfter(due);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dossierCode", d.get("code"));
        m.put("procedureId", d.get("procedure_id"));
        m.put("procedureName", catalogue.procedure((String) d.get("procedure_id")).map(Catalogue.Procedure::name).orElse(null));
        m.put("status", d.get("status"));
        m.put("receivedAt", time((String) d.get("received_at")));
        m.put("dueAt", time((String) d.get("due_at")));
        m.put("doneAt", doneAt == null ? null : time(doneAt));
        m.put("late", late);
        m.put("onTime", !late);
        m.put("resultAvailable", "DONE".equals(d.get("status")));
        m.put("paymentStatus", paymentStatus(d));
        List<Map<String, Object>> history = new ArrayList<>();
        for (Map<String, Object> h : store.query("SELECT status, at, note FROM history WHERE dossier_id = ? ORDER BY at, rowid", d.get("id"))) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", h.get("status"));
            e.put("at", time((String) h.get("at")));
            e.put("note", h.get("note"));
            history.add(e);
        }
        m.put("history", history);
        return m;
    }

    private String paymentStatus(Map<String, Object> d) {
        if (((Number) d.get("fee")).longValue() == 0) {
            return "NOT_DUE";
        }
        return store.one("SELECT status FROM payments WHERE dossier_id = ? ORDER BY (status = 'PAID') DESC, created_at DESC LIMIT 1", d.get("id"))
                .map(r -> (String) r.get("status")).orElse("UNPAID");
    }

    Response byCode(Call c) {
        Map<String, Object> d = store.one("SELECT * FROM dossiers WHERE code = ? AND kiosk_id = ?", c.param("code"), c.kioskId)
                .orElseThrow(() -> Http.notFound("no dossier with this code filed by this kiosk"));
        return wire.json(200, statusView(d));
    }
}
