// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.ApiException;
import static vn.motcua.portal.training.Http.FieldError;
import static vn.motcua.portal.training.Http.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import vn.motcua.portal.training.Api.Call;

/** JSON in and out, and the small encodings every resource shares. */
final class Wire {
    static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(PortalClock.VIETNAM);
    static final SecureRandom RANDOM = new SecureRandom();

    final ObjectMapper json;
    /** Keys sorted, so that the same content always hashes the same (ETags, idempotency). */
    final ObjectMapper canonicalJson;

    Wire(ObjectMapper json) {
        this.json = json;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    JsonNode readJson(Call c) throws IOException {
        byte[] bytes = c.exchange.getRequestBody().readNBytes(1024 * 1024 + 1);
        if (bytes.length > 1024 * 1024) {
            throw new ApiException(413, "too-large", "Yêu cầu quá lớn", "JSON bodies are limited to 1 MiB");
        }
        try {
            JsonNode n = json.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw Http.badRequest("malformed-request", "a JSON object is expected");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw Http.badRequest("malformed-request", "the body is not valid JSON");
        }
    }

    static String text(JsonNode n, String field, String path, List<FieldError> errors) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            errors.add(new FieldError(path, "required", "Trường này bắt buộc"));
            return null;
        }
        return v.asText().trim();
    }

    Response json(int status, Object body) {
        try {
            return new Response(status, "application/json", json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String time(String instant) {
        return instant == null ? null : RFC3339.format(Instant.parse(instant));
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return hex(b);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
