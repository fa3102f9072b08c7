// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every error shape of the API, one by one, from a scripted server. */
class PortalClientTest {
    private static final String TOKEN = "{\"accessToken\":\"t-1\",\"tokenType\":\"Bearer\",\"expiresIn\":900,\"expiresAt\":\"x\"}";
    private static final String DOSSIER = "{\"id\":\"d-1\",\"procedureId\":\"lltp-self\",\"agencyCode\":\"A\",\"state\":\"DRAFT\","
            + "\"fee\":{\"amount\":200000,\"currency\":\"VND\"},\"documents\":[],\"createdAt\":\"x\"}";

    MockWebServer server;
    PortalClient client;
    List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new PortalClient(new PortalClient.Endpoint(URI.create(server.url("/api/v1").toString()), "K-01", "s3cret"),
                PortalClient.defaultHttp().newBuilder().readTimeout(Duration.ofSeconds(1)).build(),
                new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2)), waits::add, new Random(1));
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    private void json(int status, String body) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body));
    }

    private void problem(int status, String kind, String extra) {
        server.enqueue(new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/problem+json")
                .setBody("{\"type\":\"https://portal.example/problems/" + kind + "\",\"title\":\"T\",\"status\":" + status + extra + "}"));
    }

    @Test
    void logsInOnceSendsTheBearerAndTheIdempotencyKeyAndToleratesUnknownFields() throws Exception {
        json(201, TOKEN);
        json(201, DOSSIER.replace("{\"id\"", "{\"somethingNew\":{\"a\":1},\"id\""));
        json(200, DOSSIER);
        Answers.Dossier d = client.createDossier("key-00000001", "{\"procedureId\":\"lltp-self\"}");
        client.createDossier("key-00000001", "{\"procedureId\":\"lltp-self\"}");
        assertThat(d.id()).isEqualTo("d-1");
        RecordedRequest login = server.takeRequest();
        assertThat(login.getPath()).isEqualTo("/api/v1/device-sessions");
        assertThat(login.getBody().readUtf8()).contains("\"kioskId\":\"K-01\"").contains("\"secret\":\"s3cret\"");
        for (int i = 0; i < 2; i++) {
            RecordedRequest create = server.takeRequest();
            assertThat(create.getHeader("Authorization")).isEqualTo("Bearer t-1");
            assertThat(create.getHeader("Idempotency-Key")).isEqualTo("key-00000001");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void anExpiredTokenIsRenewedOnceAndTheCallRepeated() throws Exception {
        json(201, TOKEN);
        problem(401, "token-expired", "");
        json(201, TOKEN.replace("t-1", "t-2"));
        json(200, DOSSIER);
        assertThat(client.dossier("d-1").id()).isEqualTo("d-1");
        server.takeRequest();
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer t-1");
        server.takeRequest();
        assertThat(server.takeRequest().getHeader("Authorization")).isEqualTo("Bearer t-2");
        assertThat(waits).isEmpty();
    }

    @Test
    void wrongCredentialsAreARefusalNotALoop() {
        problem(401, "bad-credentials", "");
        PortalRefusedException e = catchThrowableOfType(PortalRefusedException.class, () -> client.login());
        assertThat(e.problem().kind()).isEqualTo("bad-credentials");
        assertThat(e.getMessage()).contains("createDeviceSession").doesNotContain("s3cret");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tooManyRequestsWaitsAtLeastRetryAfter() throws Exception {
        json(201, TOKEN);
        server.enqueue(new MockResponse().setResponseCode(429).setHeader("Retry-After", "7"));
        json(200, DOSSIER);
        client.dossier("d-1");
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void unavailableIsRetriedWithGrowingJitteredWaitsThenReported() throws Exception {
        json(201, TOKEN);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setResponseCode(503));
        }
        PortalUnreachableException e = catchThrowableOfType(PortalUnreachableException.class, () -> client.dossier("d-1"));
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryable()).isTrue();
        assertThat(e.messageKey()).isEqualTo("portal.error.busy");
        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
        assertThat(waits.get(1)).isLessThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aDroppedConnectionIsOfflineAndRetried() throws Exception {
        json(201, TOKEN);
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AT_START));
        json(200, DOSSIER);
        assertThat(client.dossier("d-1").id()).isEqualTo("d-1");
        assertThat(waits).hasSize(1);
    }

    @Test
    void aTimeoutIsOfflineWithStatusZero() {
        json(201, TOKEN);
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        }
        PortalUnreachableException e = catchThrowableOfType(PortalUnreachableException.class, () -> client.dossier("d-1"));
        assertThat(e.status()).isZero();
        assertThat(e.messageKey()).isEqualTo("portal.error.offline");
    }

    @Test
    void validationProblemsKeepTheFieldPathsAndAreNotRetried() {
        json(201, TOKEN);
        problem(422, "validation", ",\"errors\":[{\"path\":\"$.applicant.phone\",\"code\":\"pattern\",\"message\":\"Số điện thoại gồm 10 chữ số\"}]");
        PortalRefusedException e = catchThrowableOfType(PortalRefusedException.class, () -> client.createDossier("key-00000002", "{}"));
        assertThat(e.retryable()).isFalse();
        assertThat(e.messageKey()).isEqualTo("portal.error.invalid");
        assertThat(e.problem().errors()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("$.applicant.phone");
            assertThat(f.message()).isEqualTo("Số điện thoại gồm 10 chữ số");
        });
        assertThat(waits).isEmpty();
    }

    @Test
    void aMalformedAnswerNamesTheEndpointAndIsNotACrash() {
        json(201, TOKEN);
        for (int i = 0; i < 3; i++) {
            json(200, "{\"id\":\"d-1\",\"state\":");
        }
        PortalAnswerException e = catchThrowableOfType(PortalAnswerException.class, () -> client.dossier("d-1"));
        assertThat(e.operation()).isEqualTo("getDossier");
        assertThat(e.getMessage()).startsWith("getDossier → 200: unreadable answer");
    }

    @Test
    void aProblemWithoutABodyIsStillARefusal() {
        json(201, TOKEN);
        server.enqueue(new MockResponse().setResponseCode(404));
        PortalRefusedException e = catchThrowableOfType(PortalRefusedException.class, () -> client.uploadOffset(server.url("/u/1").toString()));
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.problem().kind()).isEmpty();
    }

    @Test
    void aTusCreationIsRetriedWithTheSameIdempotencyKey() throws Exception {
        json(201, TOKEN);
        server.enqueue(new MockResponse().setResponseCode(503));
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("Location", "documents/u-9").setHeader("Tus-Resumable", "1.0.0"));
        client.createUpload("d-1", "doc-key-0001", "idCard", "cccd.pdf", 10, "ab".repeat(32));
        server.takeRequest();
        assertThat(server.takeRequest().getHeader("Idempotency-Key")).isEqualTo("doc-key-0001");
        assertThat(server.takeRequest().getHeader("Idempotency-Key")).isEqualTo("doc-key-0001");
        assertThat(waits).hasSize(1);
    }

    @Test
    void aTusCreationSendsTheMetadataAndResolvesTheLocation() throws Exception {
        json(201, TOKEN);
        server.enqueue(new MockResponse().setResponseCode(201).setHeader("Location", "documents/u-9").setHeader("Tus-Resumable", "1.0.0"));
        String url = client.createUpload("d-1", "doc-key-0001", "idCard", "cccd.pdf", 10, "ab".repeat(32));
        assertThat(url).isEqualTo(server.url("/api/v1/dossiers/d-1/documents/u-9").toString());
        server.takeRequest();
        RecordedRequest create = server.takeRequest();
        assertThat(create.getHeader("Tus-Resumable")).isEqualTo("1.0.0");
        assertThat(create.getHeader("Upload-Length")).isEqualTo("10");
        assertThat(create.getHeader("Upload-Metadata")).contains("filename Y2NjZC5wZGY=").contains("documentType aWRDYXJk");
    }

    @Test
    void plainHttpIsOnlyForThisMachine() {
        assertThatThrownBy(() -> new PortalClient.Endpoint(URI.create("http://portal.example.vn/api/v1"), "K", "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https");
        new PortalClient.Endpoint(URI.create("https://portal.example.vn/api/v1"), "K", "s");
        new PortalClient.Endpoint(URI.create("http://127.0.0.1:8787/api/v1"), "K", "s");
        new PortalClient.Endpoint(URI.create("http://localhost:8787/api/v1"), "K", "s");
        assertThat(new PortalClient.Endpoint(URI.create("http://[::1]:1/api"), "K", "secret-x").toString()).doesNotContain("secret-x");
    }

    @Test
    void everyFailureHasWordsInBothLanguages() {
        List<PortalException> all = List.of(new PortalUnreachableException("x", 0, null, "d", null),
                new PortalUnreachableException("x", 503, null, "d", null), new PortalAnswerException("x", 200, "d", null),
                new PortalRefusedException("x", new Problem(null, null, 409, null, null)),
                new PortalRefusedException("x", new Problem(null, null, 422, null, null)));
        for (java.util.Locale locale : new java.util.Locale[] {new java.util.Locale("vi"), java.util.Locale.ENGLISH}) {
            java.util.ResourceBundle b = java.util.ResourceBundle.getBundle("vn.motcua.kiosk.i18n.messages", locale);
            for (PortalException e : all) {
                assertThat(b.getString(e.messageKey())).isNotBlank();
            }
            assertThat(b.getString("portal.error.offline")).isNotEqualTo(b.getString("portal.error.busy"));
        }
    }
}
