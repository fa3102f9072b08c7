// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.randomHex;
import static vn.motcua.portal.training.Wire.time;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.motcua.portal.training.Api.Call;

/** Payment intents with a VietQR payload; the trainer marks them paid. */
final class Payments {
    private final Store store;
    private final PortalClock clock;
    private final Wire wire;

    Payments(Store store, PortalClock clock, Wire wire) {
        this.store = store;
        this.clock = clock;
        this.wire = wire;
    }

    Response create(Call c) {
        return store.tx(() -> {
            Map<String, Object> d = Dossiers.owned(store, c);
            if (!"SUBMITTED".equals(d.get("state"))) {
                throw Http.conflict("not-submitted", "submit the dossier first; the payment names its code");
            }
            long amount = ((Number) d.get("fee")).longValue();
            if (amount == 0) {
                throw Http.conflict("no-fee-due", "this dossier has no fee");
            }
            Optional<Map<String, Object>> existing = store.one("SELECT * FROM payments WHERE dossier_id = ? ORDER BY created_at LIMIT 1", d.get("id"));
            if (existing.isPresent()) {
                return wire.json(200, intentView(existing.get()));
            }
            String id = createIntent(d, "PENDING");
            return wire.json(201, intentView(store.one("SELECT * FROM payments WHERE id = ?", id).orElseThrow()));
        });
    }

    String createIntent(Map<String, Object> d, String status) {
        String purpose = ((String) d.get("code")).replaceAll("[^\\x20-\\x7e]", "");
        if (purpose.length() > 25) {
            purpose = purpose.substring(purpose.length() - 25);
        }
        String payload = VietQr.payload(VietQr.TRAINING_BIN, VietQr.TRAINING_ACCOUNT, ((Number) d.get("fee")).longValue(), purpose);
        String id = "p-" + randomHex(8);
        String now = clock.now().toString();
        store.update("INSERT INTO payments (id, dossier_id, amount, payload, purpose, status, created_at, paid_at) VALUES (?,?,?,?,?,?,?,?)",
                id, d.get("id"), d.get("fee"), payload, purpose, status, now, "PAID".equals(status) ? now : null);
        return id;
    }

    private Map<String, Object> intentView(Map<String, Object> p) {
        Map<String, Object> d = store.dossier((String) p.get("dossier_id")).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intentId", p.get("id"));
        m.put("dossierId", d.get("id"));
        m.put("dossierCode", d.get("code"));
        m.put("amount", ((Number) p.get("amount")).longValue());
        m.put("currency", "VND");
        m.put("status", p.get("status"));
        m.put("createdAt", time((String) p.get("created_at")));
        m.put("paidAt", p.get("paid_at") == null ? null : time((String) p.get("paid_at")));
        Map<String, Object> qr = new LinkedHashMap<>();
        qr.put("payload", p.get("payload"));
        qr.put("bankBin", VietQr.TRAINING_BIN);
        qr.put("accountNumber", VietQr.TRAINING_ACCOUNT);
        qr.put("accountName", VietQr.TRAINING_ACCOUNT_NAME);
        qr.put("purpose", p.get("purpose"));
        m.put("vietqr", qr);
        return m;
    }

    Response get(Call c) {
        Map<String, Object> p = store.one("SELECT p.* FROM payments p JOIN dossiers d ON d.id = p.dossier_id WHERE p.id = ? AND d.kiosk_id = ?",
                c.param("id"), c.kioskId).orElseThrow(() -> Http.notFound("no such payment intent for this kiosk"));
        return wire.json(200, intentView(p));
    }
}
