// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The /trainer endpoints: the page, faults, clock, device tokens, a dossier's payment and status, withdrawn procedures. */
final class TrainerApi {
    private static final System.Logger LOG = System.getLogger("vn.motcua.portal.training");

    private final TrainingPortal portal;
    private final Store store;
    private final PortalClock clock;
    private final Faults faults;
    private final Api api;
    private final Wire wire;
    private final ObjectMapper json;
    private final Erasure erasure;

    TrainerApi(TrainingPortal portal, Store store, PortalClock clock, Faults faults, Api api, Wire wire, Erasure erasure) {
        this.portal = portal;
        this.store = store;
        this.clock = clock;
        this.faults = faults;
        this.api = api;
        this.wire = wire;
        this.json = wire.json;
        this.erasure = erasure;
    }

    Response handle(HttpExchange ex, String method, String path) throws IOException {
        String ct = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        boolean form = ct.startsWith("application/x-www-form-urlencoded");
        Map<String, String> in = new LinkedHashMap<>();
        JsonNode body = null;
        if ("POST".equals(method)) {
            byte[] bytes = ex.getRequestBody().readNBytes(1024 * 1024);
            if (form) {
                for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
                    if (!pair.isEmpty()) {
                        String[] kv = pair.split("=", 2);
                        in.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                    }
                }
            } else if (bytes.length > 0) {
                body = json.readTree(bytes);
                body.fields().forEachRemaining(e -> in.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            }
        }
        String[] parts = path.split("/");
        Response done = form ? Http.empty(303).header("Location", "/trainer") : null;
        switch (method + " " + (parts.length > 2 ? parts[2] : "")) {
            case "GET " -> {
                return Http.html(TrainerPage.render(portal, store, api, clock, faults, json));
            }
            case "GET faults" -> {
                return wire.json(200, Map.of("rules", faults.describe()));
            }
            case "DELETE faults" -> {
                faults.clear();
                return wire.json(200, Map.of("rules", List.of()));
            }
            case "POST faults" -> {
                JsonNode settings = form ? json.readTree(in.getOrDefault("json", "{}")) : body;
                try {
                    faults.replace(settings == null ? new Faults.Settings() : json.treeToValue(settings, Faults.Settings.class));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw Http.badRequest("faults", e.getOriginalMessage());
                }
                LOG.log(System.Logger.Level.INFO, "faults set: " + faults.describe().size() + " rule(s)");
                return done != null ? done : wire.json(200, Map.of("rules", faults.describe()));
            }
            case "GET clock" -> {
                return wire.json(200, clockView());
            }
            case "POST clock" -> {
                if (in.containsKey("advanceSeconds")) {
                    portal.advanceClock(Duration.ofSeconds(Long.parseLong(in.get("advanceSeconds"))));
                }
                if (in.containsKey("speed")) {
                    clock.setSpeed(Double.parseDouble(in.get("speed")));
                }
                return done != null ? done : wire.json(200, clockView());
            }
            case "POST tokens" -> {
                // Every device token expires now: shows a kiosk renewing its session.
                store.update("UPDATE tokens SET expires_at_ms = ?", System.currentTimeMillis() - 1);
                return done != null ? done : wire.json(200, Map.of("expired", true));
            }
            case "POST erase" -> {
                // "Start training afresh": every dossier, its documents, payments and history, now.
                erasure.eraseAll();
                return done != null ? done : Http.empty(204);
            }
            case "GET dossiers" -> {
                return wire.json(200, Map.of("dossiers", TrainerPage.dossiers(store, api)));
            }
            case "POST dossiers" -> {
                if (parts.length < 5) {
                    throw Http.notFound("POST /trainer/dossiers/{code}/pay or /status");
                }
                Map<String, Object> d = store.one("SELECT * FROM dossiers WHERE code = ?", parts[3])
                        .orElseThrow(() -> Http.notFound("no dossier with that code"));
                Object result = switch (parts[4]) {
                    case "pay" -> pay(d);
                    case "status" -> force(d, in.getOrDefault("status", ""));
                    default -> throw Http.notFound("pay or status");
                };
                return done != null ? done : wire.json(200, result);
            }
            case "POST procedures" -> {
                if (parts.length < 5 || !"withdrawn".equals(parts[4])) {
                    throw Http.notFound("POST /trainer/procedures/{id}/withdrawn");
                }
                boolean withdrawn = Boolean.parseBoolean(in.getOrDefault("withdrawn", "true"));
                if (withdrawn) {
                    store.update("INSERT OR IGNORE INTO withdrawn (procedure_id) VALUES (?)", parts[3]);
                } else {
                    store.update("DELETE FROM withdrawn WHERE procedure_id = ?", parts[3]);
                }
                return done != null ? done : wire.json(200, Map.of("procedureId", parts[3], "withdrawn", withdrawn));
            }
            default -> throw Http.notFound("no such trainer action");
        }
    }

    private Map<String, Object> clockView() {
        return Map.of("now", Wire.time(clock.now().toString()), "speed", clock.speed());
    }

    /** "The fee arrived": the pending intent becomes PAID, or a PAID one is recorded (paid at the counter). */
    private Map<String, Object> pay(Map<String, Object> d) {
        return store.tx(() -> {
            if (((Number) d.get("fee")).longValue() == 0) {
                throw Http.conflict("no-fee-due", "this dossier has no fee");
            }
            String now = clock.now().toString();
            int updated = store.update("UPDATE payments SET status = 'PAID', paid_at = ? WHERE dossier_id = ? AND status = 'PENDING'",
                    now, d.get("id"));
            if (updated == 0 && store.one("SELECT id FROM payments WHERE dossier_id = ? AND status = 'PAID'", d.get("id")).isEmpty()) {
                api.payments.createIntent(d, "PAID");
            }
            LOG.log(System.Logger.Level.INFO, "trainer: payment recorded");
            return Map.of("dossierCode", d.get("code"), "paymentStatus", "PAID");
        });
    }

    private Map<String, Object> force(Map<String, Object> d, String status) {
        return store.tx(() -> {
            String id = (String) d.get("id");
            String now = clock.now().toString();
            switch (status) {
                case "AUTO" -> store.update("UPDATE dossiers SET forced = 0 WHERE id = ?", id);
                case "RECEIVED", "IN_PROGRESS", "DONE" -> {
                    store.update("UPDATE dossiers SET forced = 1, status = ?, done_at = ? WHERE id = ?",
                            status, "DONE".equals(status) ? now : null, id);
                    store.update("INSERT INTO history (dossier_id, status, at, note) VALUES (?, ?, ?, ?)", id, status, now,
                            "Đặt bởi người hướng dẫn tập huấn");
                }
                default -> throw Http.badRequest("status", "status must be RECEIVED, IN_PROGRESS, DONE or AUTO");
            }
            LOG.log(System.Logger.Level.INFO, "trainer: status forced to " + status);
            return api.statuses.statusView(store.dossier(id).orElseThrow());
        });
    }
}
