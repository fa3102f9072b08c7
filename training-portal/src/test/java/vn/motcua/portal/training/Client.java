// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

/** A plain java.net.http client for the tests: the portal is only ever reached over real HTTP. */
final class Client {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String api;
    final String base;
    String token;

    Client(TrainingPortal portal) {
        this.api = portal.apiUrl();
        this.base = portal.baseUrl();
    }

    HttpRequest.Builder request(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : pathOrUrl.startsWith("/trainer") ? base + pathOrUrl : api + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    HttpResponse<byte[]> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    HttpResponse<byte[]> post(String path, Object body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))));
    }

    HttpResponse<byte[]> delete(String path) throws IOException, InterruptedException {
        return send(request(path).DELETE());
    }

    void login() throws IOException, InterruptedException {
        token = null;
        HttpResponse<byte[]> r = post("/device-sessions", java.util.Map.of("kioskId", TrainingPortal.TRAINING_KIOSK,
                "secret", TrainingPortal.TRAINING_SECRET));
        if (r.statusCode() != 201) {
            throw new IllegalStateException("login: " + r.statusCode());
        }
        token = json(r).get("accessToken").asText();
    }

    HttpResponse<byte[]> createUpload(String dossierId, String type, byte[] content, String sha256Hex) throws IOException, InterruptedException {
        return createUpload(dossierId, null, type, content, sha256Hex);
    }

    /** With an Idempotency-Key (null: none, as a client from before it would send). */
    HttpResponse<byte[]> createUpload(String dossierId, String key, String type, byte[] content, String sha256Hex)
            throws IOException, InterruptedException {
        String meta = "filename " + b64("giay-to.pdf") + ",documentType " + b64(type) + ",sha256 " + b64(sha256Hex);
        HttpRequest.Builder b = request("/dossiers/" + dossierId + "/documents").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(content.length)).header("Upload-Metadata", meta);
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return send(b.POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<byte[]> patch(String uploadUrl, long offset, byte[] bytes) throws IOException, InterruptedException {
        return send(request(uploadUrl).header("Tus-Resumable", "1.0.0").header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    HttpResponse<byte[]> head(String uploadUrl) throws IOException, InterruptedException {
        return send(request(uploadUrl).header("Tus-Resumable", "1.0.0").method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] b) {
        return HexFormat.of().formatHex(Wire.sha256(b));
    }

    static java.util.Map<String, Object> lltpBody() {
        return java.util.Map.of("procedureId", "lltp-self", "agencyCode", "000.00.14.H56", "copies", 3,
                "applicant", java.util.Map.of("fullName", "NGUYỄN VĂN AN", "idNumber", "001095012345", "phone", "0912345678"),
                "form", java.util.Map.of("purpose", "xin việc"));
    }
}
