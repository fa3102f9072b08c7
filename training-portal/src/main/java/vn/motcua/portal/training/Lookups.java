// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.FieldError;
import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.randomHex;
import static vn.motcua.portal.training.Wire.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.motcua.portal.training.Api.Call;

/** POST /dossier-lookups (code + last phone digits, from any kiosk) and the lookup's result. */
final class Lookups {
    private static final Duration LOOKUP_TTL = Duration.ofMinutes(10);

    private final Store store;
    private final Wire wire;
    private final Statuses statuses;
    private final Results results;

    Lookups(Store store, Wire wire, Statuses statuses, Results results) {
        this.store = store;
        this.wire = wire;
        this.statuses = statuses;
        this.results = results;
    }

    Response lookup(Call c) throws IOException {
        JsonNode body = wire.readJson(c);
        List<FieldError> errors = new ArrayList<>();
        String code = text(body, "dossierCode", "$.dossierCode", errors);
        String last4 = text(body, "phoneLast4", "$.phoneLast4", errors);
        if (last4 != null && !last4.matches("\\d{4}")) {
            errors.add(new FieldError("$.phoneLast4", "pattern", "Nhập 4 chữ số cuối của số điện thoại"));
        }
        if (!errors.isEmpty()) {
            throw Http.validation(errors);
        }
        // Same answer for a wrong code and a wrong phone: the lookup must not confirm that a code exists.
        Map<String, Object> d = store.one("SELECT * FROM dossiers WHERE code = ? AND phone_last4 = ?", code.trim(), last4)
                .orElseThrow(() -> Http.notFound("no dossier with this code and phone"));
        String lookupId = "l-" + randomHex(12);
        store.update("INSERT INTO lookups (id, dossier_id, expires_at_ms) VALUES (?, ?, ?)", lookupId, d.get("id"),
                System.currentTimeMillis() + LOOKUP_TTL.toMillis());
        Map<String, Object> m = statuses.statusView(d);
        m.put("lookupId", lookupId);
        return wire.json(200, m);
    }

    Response result(Call c) {
        Map<String, Object> l = store.one("SELECT dossier_id, expires_at_ms FROM lookups WHERE id = ?", c.param("id"))
                .filter(r -> ((Number) r.get("expires_at_ms")).longValue() > System.currentTimeMillis())
                .orElseThrow(() -> Http.notFound("lookup unknown or expired; look the dossier up again"));
        return results.result(store.dossier((String) l.get("dossier_id")).orElseThrow(), c.decision);
    }
}
