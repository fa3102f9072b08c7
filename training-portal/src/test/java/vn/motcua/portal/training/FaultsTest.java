// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each fault switched on through POST /trainer/faults and seen by a plain HTTP client. */
class FaultsTest extends PortalTestBase {

    @Test
    void errorRatePerEndpointAnswers5xxWithRetryAfterOnThatEndpointOnly() throws Exception {
        faults("{\"rules\":[{\"endpoint\":\"listAgencies\",\"kind\":\"ERROR\",\"status\":503,\"retryAfterSeconds\":7}]}");
        HttpResponse<byte[]> r = client.get("/agencies");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(client.get("/procedures").statusCode()).isEqualTo(200);

        // A rate below 1 fails some requests and not others (seeded, so the run repeats).
        faults("{\"seed\":1,\"rules\":[{\"endpoint\":\"listProcedures\",\"kind\":\"ERROR\",\"status\":500,\"rate\":0.5}]}");
        List<Integer> codes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(client.get("/procedures").statusCode());
        }
        assertThat(codes).contains(500, 200).containsOnly(500, 200);
        assertThat(Client.json(client.get("/trainer/faults")).at("/rules/0/fired").asInt()).isEqualTo((int) codes.stream().filter(c -> c == 500).count());
    }

    @Test
    void aRateLimitBurstAnswers429WithRetryAfterThenLetsRequestsThrough() throws Exception {
        faults("{\"rules\":[{\"kind\":\"RATE_LIMIT\",\"count\":3,\"retryAfterSeconds\":2}]}");
        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> r = client.get("/procedures");
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(Client.json(r).get("type").asText()).endsWith("/rate-limited");
        }
        assertThat(client.get("/procedures").statusCode()).isEqualTo(200);
    }

    @Test
    void latencyDelaysAnswersBeyondAClientTimeout() throws Exception {
        faults("{\"rules\":[{\"endpoint\":\"listProcedures\",\"kind\":\"LATENCY\",\"latencyMs\":3000}]}");
        // The delay is only compared with a client timeout far below it; nothing here measures speed.
        assertThatThrownBy(() -> client.send(client.request("/procedures").timeout(Duration.ofMillis(300)).GET()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/agencies").statusCode()).isEqualTo(200);
    }

    @Test
    void aDroppedConnectionGivesNoAnswerAtAll() throws Exception {
        // No count: java.net.http (like OkHttp) silently retries a GET once on a closed connection.
        faults("{\"rules\":[{\"endpoint\":\"listProcedures\",\"kind\":\"DROP_CONNECTION\"}]}");
        assertThatThrownBy(() -> client.get("/procedures")).isInstanceOf(IOException.class);
        assertThat(Client.json(client.get("/trainer/faults")).at("/rules/0/fired").asInt()).isGreaterThanOrEqualTo(1);
        client.delete("/trainer/faults");
        assertThat(client.get("/procedures").statusCode()).isEqualTo(200);
    }

    @Test
    void aResponseLostAfterCreateIsRecoveredByRetryingWithTheSameKey() throws Exception {
        faults("{\"rules\":[{\"endpoint\":\"createDossier\",\"kind\":\"DROP_RESPONSE\",\"count\":1}]}");
        assertThatThrownBy(() -> create("lost-answer-01", Client.lltpBody())).isInstanceOf(IOException.class);
        HttpResponse<byte[]> retry = create("lost-answer-01", Client.lltpBody());
        assertThat(retry.statusCode()).isEqualTo(200); // created the first time, replayed now
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(Client.json(client.get("/dossiers/" + Client.json(retry).get("id").asText())).get("state").asText()).isEqualTo("DRAFT");
    }

    @Test
    void aRefusalAnswersItsFourHundredStatusWithTheTrainersDetailAndCreatesNothing() throws Exception {
        faults("{\"rules\":[{\"endpoint\":\"createDossier\",\"kind\":\"REFUSE\",\"count\":1,"
                + "\"title\":\"Số định danh 001095012345 không hợp lệ\","
                + "\"detail\":\"Họ tên NGUYỄN VĂN AN không khớp với số định danh\"}]}");
        HttpResponse<byte[]> refused = create("refused-0001", Client.lltpBody());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Client.json(refused).get("title").asText()).isEqualTo("Số định danh 001095012345 không hợp lệ");
        assertThat(Client.json(refused).get("detail").asText()).isEqualTo("Họ tên NGUYỄN VĂN AN không khớp với số định danh");
        // Not handled: the same key creates the dossier once the rule has fired.
        HttpResponse<byte[]> created = create("refused-0001", Client.lltpBody());
        assertThat(created.statusCode()).isLessThan(300);
        assertThat(created.headers().firstValue("Idempotent-Replayed")).isEmpty();

        faults("{\"rules\":[{\"endpoint\":\"createDossier\",\"kind\":\"REFUSE\",\"status\":410}]}");
        HttpResponse<byte[]> gone = create("refused-0002", Client.lltpBody());
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(Client.json(gone).get("title").asText()).isEqualTo("Hồ sơ bị từ chối");
        for (String bad : new String[] {"{\"rules\":[{\"kind\":\"REFUSE\",\"status\":503}]}",
                "{\"rules\":[{\"kind\":\"REFUSE\",\"status\":429}]}"}) {
            HttpResponse<byte[]> r = client.send(client.request("/trainer/faults").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bad)));
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void aConnectionDroppedMidUploadKeepsTheBytesThatArrivedAndTheUploadResumes() throws Exception {
        String id = createLltp("drop-upload-1");
        byte[] pdf = new byte[400_000];
        new Random(3).nextBytes(pdf);
        String url = client.createUpload(id, "idCard", pdf, Client.sha256(pdf)).headers().firstValue("Location").orElseThrow();
        faults("{\"rules\":[{\"endpoint\":\"patchUpload\",\"kind\":\"DROP_MID_UPLOAD\",\"afterBytes\":100000,\"count\":1}]}");

        assertThatThrownBy(() -> client.patch(url, 0, pdf)).isInstanceOf(IOException.class);
        HttpResponse<byte[]> head = client.head(url);
        assertThat(head.statusCode()).isEqualTo(200);
        long offset = Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
        assertThat(offset).isEqualTo(100_000);

        HttpResponse<byte[]> rest = client.patch(url, offset, Arrays.copyOfRange(pdf, (int) offset, pdf.length));
        assertThat(rest.statusCode()).isEqualTo(204);
        String uploadId = url.substring(url.lastIndexOf('/') + 1);
        assertThat(portal.uploadedBytes(uploadId)).isEqualTo(pdf);
        assertThat(client.post("/dossiers/" + id + "/submit", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aDropAfterTheLastByteStillCompletesTheUpload() throws Exception {
        String id = createLltp("drop-upload-2");
        byte[] small = "%PDF small scan".getBytes();
        String url = client.createUpload(id, "idCard", small, Client.sha256(small)).headers().firstValue("Location").orElseThrow();
        faults("{\"rules\":[{\"endpoint\":\"patchUpload\",\"kind\":\"DROP_MID_UPLOAD\",\"afterBytes\":1000000,\"count\":1}]}");
        assertThatThrownBy(() -> client.patch(url, 0, small)).isInstanceOf(IOException.class);
        assertThat(client.head(url).headers().firstValue("Upload-Offset")).hasValue(String.valueOf(small.length));
        assertThat(client.post("/dossiers/" + id + "/submit", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void truncatedAndMalformedJsonReachTheClientAsUnparseableBodies() throws Exception {
        faults("{\"rules\":[{\"endpoint\":\"listProcedures\",\"kind\":\"TRUNCATED_JSON\",\"count\":1},"
                + "{\"endpoint\":\"listAgencies\",\"kind\":\"MALFORMED_JSON\",\"count\":1}]}");
        HttpResponse<byte[]> truncated = client.get("/procedures");
        assertThat(truncated.statusCode()).isEqualTo(200);
        assertThat(truncated.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThatThrownBy(() -> Client.JSON.readTree(truncated.body())).isInstanceOf(JsonProcessingException.class);
        HttpResponse<byte[]> malformed = client.get("/agencies");
        assertThat(malformed.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> Client.JSON.readTree(malformed.body())).isInstanceOf(JsonProcessingException.class);
        // count 1: the next answers are whole again.
        assertThat(Client.json(client.get("/procedures")).get("procedures").size()).isPositive();
    }

    @Test
    void faultsNeverReachTheTrainerAndCanBeClearedAndUnknownSettingsAreRefused() throws Exception {
        faults("{\"rules\":[{\"kind\":\"ERROR\",\"status\":503}]}");
        assertThat(client.get("/procedures").statusCode()).isEqualTo(503);
        assertThat(client.get("/trainer").statusCode()).isEqualTo(200);
        assertThat(client.delete("/trainer/faults").statusCode()).isEqualTo(200);
        assertThat(client.get("/procedures").statusCode()).isEqualTo(200);

        for (String bad : new String[] {"{\"rules\":[{\"kind\":\"ERROR\",\"endpoint\":\"noSuchOperation\"}]}",
                "{\"rules\":[{\"kind\":\"SOMETHING\"}]}", "{\"rules\":[{\"kind\":\"ERROR\",\"rate\":2}]}",
                "{\"rules\":[{\"kind\":\"ERROR\",\"typo\":1}]}"}) {
            HttpResponse<byte[]> r = client.send(client.request("/trainer/faults").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(bad)));
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void theTrainerPageDrivesPaymentsStatusesClockAndFaultsWithPlainForms() throws Exception {
        String id = createLltp("page-0001");
        byte[] doc = "%PDF scan".getBytes();
        String url = client.createUpload(id, "idCard", doc, Client.sha256(doc)).headers().firstValue("Location").orElseThrow();
        client.patch(url, 0, doc);
        String code = Client.json(client.post("/dossiers/" + id + "/submit", Map.of())).get("dossierCode").asText();

        String page = new String(client.get("/trainer").body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains(code).contains("TẬP HUẤN").doesNotContain("NGUYỄN VĂN AN").doesNotContain("001095012345");

        assertThat(form("/trainer/dossiers/" + code + "/pay", "").statusCode()).isEqualTo(303);
        assertThat(Client.json(client.get("/dossiers/by-code/" + code)).get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(form("/trainer/dossiers/" + code + "/status", "status=DONE").statusCode()).isEqualTo(303);
        assertThat(Client.json(client.get("/dossiers/by-code/" + code)).get("status").asText()).isEqualTo("DONE");
        assertThat(client.get("/dossiers/" + id + "/result").statusCode()).isEqualTo(200);
        assertThat(form("/trainer/clock", "advanceSeconds=3600").statusCode()).isEqualTo(303);
        assertThat(form("/trainer/faults", "json=" + java.net.URLEncoder.encode("{\"rules\":[{\"kind\":\"ERROR\"}]}",
                java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(303);
        assertThat(client.get("/procedures").statusCode()).isEqualTo(503);
    }

    private HttpResponse<byte[]> form(String path, String body) throws Exception {
        return client.send(client.request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
