// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.ApiException;
import static vn.motcua.portal.training.Http.FieldError;
import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.hex;
import static vn.motcua.portal.training.Wire.sha256;
import static vn.motcua.portal.training.Wire.text;
import static vn.motcua.portal.training.Wire.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.portal.training.Api.Call;

/** POST /device-sessions and the bearer tokens it hands out. */
final class DeviceSessions {
    private final Store store;
    private final Wire wire;
    private final Duration tokenTtl;

    DeviceSessions(Store store, Wire wire, Duration tokenTtl) {
        this.store = store;
        this.wire = wire;
        this.tokenTtl = tokenTtl;
    }

    Response create(Call c) throws IOException {
        JsonNode body = wire.readJson(c);
        List<FieldError> errors = new ArrayList<>();
        String kioskId = text(body, "kioskId", "$.kioskId", errors);
        String secret = text(body, "secret", "$.secret", errors);
        if (!errors.isEmpty()) {
            throw Http.validation(errors);
        }
        Optional<Map<String, Object>> device = store.one("SELECT secret_sha256 FROM devices WHERE kiosk_id = ?", kioskId);
        byte[] given = sha256(secret.getBytes(StandardCharsets.UTF_8));
        byte[] expected = device.map(d -> HexFormat.of().parseHex((String) d.get("secret_sha256"))).orElse(new byte[32]);
        if (device.isEmpty() | !MessageDigest.isEqual(given, expected)) {
            throw new ApiException(401, "bad-credentials", "Thiết bị không được nhận diện", "kioskId or secret wrong");
        }
        byte[] raw = new byte[32];
        Wire.RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long expires = System.currentTimeMillis() + tokenTtl.toMillis();
        store.update("INSERT INTO tokens (token_sha256, kiosk_id, expires_at_ms) VALUES (?, ?, ?)",
                hex(sha256(token.getBytes(StandardCharsets.US_ASCII))), kioskId, expires);
        store.update("DELETE FROM tokens WHERE expires_at_ms < ?", System.currentTimeMillis() - Duration.ofDays(1).toMillis());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessToken", token);
        m.put("tokenType", "Bearer");
        m.put("expiresIn", tokenTtl.toSeconds());
        m.put("expiresAt", Wire.RFC3339.format(Instant.ofEpochMilli(expires)));
        m.put("kioskId", kioskId);
        return wire.json(201, m).header("Cache-Control", "no-store");
    }

    /** Token times are real time, not the training clock: a fast clock must not log kiosks out. */
    String authenticate(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("token-missing", "Authorization: Bearer <token> required");
        }
        String hash = hex(sha256(h.substring(7).trim().getBytes(StandardCharsets.US_ASCII)));
        Map<String, Object> t = store.one("SELECT kiosk_id, expires_at_ms FROM tokens WHERE token_sha256 = ?", hash)
                .orElseThrow(() -> unauthorized("token-invalid", "unknown token"));
        if (((Number) t.get("expires_at_ms")).longValue() <= System.currentTimeMillis()) {
            throw unauthorized("token-expired", "token expired; create a new device session");
        }
        return (String) t.get("kiosk_id");
    }

    private static ApiException unauthorized(String type, String detail) {
        return new ApiException(401, type, "Phiên thiết bị không hợp lệ", detail)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }
}
