// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's rules one by one, each seen the way a client sees it. */
class ApiBehaviourTest extends PortalTestBase {

    @Test
    void catalogueAnswers304ToItsOwnEtagAndChangesWhenAProcedureIsWithdrawn() throws Exception {
        HttpResponse<byte[]> first = client.get("/procedures");
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(Client.json(first).get("procedures")).extracting(p -> p.get("id").asText()).contains("lltp-self", "doi-gplx");

        HttpResponse<byte[]> again = client.send(client.request("/procedures").header("If-None-Match", etag).GET());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);

        HttpResponse<byte[]> agencies = client.get("/agencies");
        String agenciesTag = agencies.headers().firstValue("ETag").orElseThrow();
        assertThat(client.send(client.request("/agencies").header("If-None-Match", "W/" + agenciesTag).GET()).statusCode()).isEqualTo(304);

        client.post("/trainer/procedures/doi-gplx/withdrawn", Map.of("withdrawn", true));
        HttpResponse<byte[]> changed = client.send(client.request("/procedures").header("If-None-Match", etag).GET());
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isNotEqualTo(etag);
        assertThat(Client.json(changed).get("procedures")).extracting(p -> p.get("id").asText()).doesNotContain("doi-gplx");
        HttpResponse<byte[]> refused = create("withdrawn-1", Map.of("procedureId", "doi-gplx", "agencyCode", "000.00.21.H56",
                "applicant", Map.of("fullName", "A", "idNumber", "001095012345", "phone", "0912345678")));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(Client.json(refused).at("/errors/0/code").asText()).isEqualTo("withdrawn");
    }

    @Test
    void validationProblemsNameEachFieldByItsJsonPath() throws Exception {
        Map<String, Object> bad = new LinkedHashMap<>(Client.lltpBody());
        bad.put("agencyCode", "000.25.14.H56"); // a ward does not issue LLTP
        bad.put("copies", 0);
        bad.put("applicant", Map.of("fullName", "NGUYỄN VĂN AN", "idNumber", "12345", "phone", "912345678", "email", "not-mail"));
        HttpResponse<byte[]> r = create("invalid-0001", bad);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode p = Client.json(r);
        assertThat(p.get("type").asText()).endsWith("/validation");
        assertThat(p.get("status").asInt()).isEqualTo(422);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("errors")).extracting(e -> e.get("path").asText()).containsExactlyInAnyOrder(
                "$.agencyCode", "$.applicant.idNumber", "$.applicant.phone", "$.applicant.email", "$.copies");
        assertThat(p.get("errors")).allSatisfy(e -> assertThat(e.get("message").asText()).isNotBlank());

        // A refused body does not use up the key: the corrected body may go with it.
        assertThat(create("invalid-0001", Client.lltpBody()).statusCode()).isEqualTo(201);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefusedAndMakesNoSecondDossier() throws Exception {
        String id = createLltp("same-key-0001");
        Map<String, Object> other = new LinkedHashMap<>(Client.lltpBody());
        other.put("copies", 5);
        HttpResponse<byte[]> r = create("same-key-0001", other);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Client.json(r).get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(Client.json(create("same-key-0001", Client.lltpBody())).get("id").asText()).isEqualTo(id);
        HttpResponse<byte[]> noKey = client.post("/dossiers", Client.lltpBody());
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(Client.json(noKey).get("type").asText()).endsWith("/idempotency-key-missing");
    }

    @Test
    void anExpiredTokenAnswers401AndANewSessionWorks() throws Exception {
        assertThat(client.get("/procedures").statusCode()).isEqualTo(200);
        client.post("/trainer/tokens/expire", Map.of());
        HttpResponse<byte[]> expired = client.get("/procedures");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(Client.json(expired).get("type").asText()).endsWith("/token-expired");
        assertThat(expired.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        client.login();
        assertThat(client.get("/procedures").statusCode()).isEqualTo(200);

        client.token = "made-up";
        assertThat(Client.json(client.get("/procedures")).get("type").asText()).endsWith("/token-invalid");
        client.token = null;
        assertThat(Client.json(client.get("/procedures")).get("type").asText()).endsWith("/token-missing");
        HttpResponse<byte[]> wrong = client.post("/device-sessions", Map.of("kioskId", "TAP-HUAN-01", "secret", "guess"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Client.json(wrong).get("type").asText()).endsWith("/bad-credentials");
    }

    @Test
    void aFileWhoseSha256DiffersIsRefusedAndTheUploadRemoved() throws Exception {
        String id = createLltp("sha-0001");
        byte[] bytes = "%PDF-1.7 the real scan".getBytes();
        byte[] claimedOther = "%PDF-1.7 another scan".getBytes();
        String url = client.createUpload(id, "idCard", bytes, Client.sha256(claimedOther)).headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> r = client.patch(url, 0, bytes);
        assertThat(r.statusCode()).isEqualTo(460);
        assertThat(Client.json(r).get("type").asText()).endsWith("/checksum-mismatch");
        assertThat(client.head(url).statusCode()).isEqualTo(410);
        assertThat(client.patch(url, 0, bytes).statusCode()).isEqualTo(410);
        // Nothing complete: submit names the missing required document.
        HttpResponse<byte[]> submit = client.post("/dossiers/" + id + "/submit", Map.of());
        assertThat(submit.statusCode()).isEqualTo(422);
        assertThat(Client.json(submit).at("/errors/0/path").asText()).isEqualTo("$.documents.idCard");
    }

    @Test
    void aTusCreationRepeatedWithItsKeyNamesTheSameUploadAndAnotherDocumentCannotReuseTheKey() throws Exception {
        String id = createLltp("key-0001");
        byte[] bytes = new byte[1000];
        String first = client.createUpload(id, "doc-key-0001", "idCard", bytes, Client.sha256(bytes)).headers().firstValue("Location").orElseThrow();
        assertThat(client.patch(first, 0, Arrays.copyOf(bytes, 400)).statusCode()).isEqualTo(204);
        HttpResponse<byte[]> again = client.createUpload(id, "doc-key-0001", "idCard", bytes, Client.sha256(bytes));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Location")).hasValue(first);
        assertThat(again.headers().firstValue("Upload-Offset")).hasValue("400");
        byte[] other = new byte[999];
        HttpResponse<byte[]> misused = client.createUpload(id, "doc-key-0001", "idCard", other, Client.sha256(other));
        assertThat(misused.statusCode()).isEqualTo(422);
        assertThat(Client.json(misused).get("type").asText()).endsWith("/idempotency-key-reused");
        assertThat(client.createUpload(id, "doc-key-0002", "idCard", bytes, Client.sha256(bytes)).statusCode())
                .as("another key is another upload").isEqualTo(201);
    }

    @Test
    void anUnfinishedUploadThatBlocksSubmitIsTerminatedByTheKioskThenTheDossierSubmits() throws Exception {
        String id = createLltp("term-0001");
        byte[] bytes = new byte[1000];
        String used = client.createUpload(id, "doc-term-0001", "idCard", bytes, Client.sha256(bytes)).headers().firstValue("Location")
                .orElseThrow();
        assertThat(client.patch(used, 0, bytes).statusCode()).isEqualTo(204);
        // A creation without a key that arrived late: a second upload nobody will finish.
        String orphan = client.createUpload(id, "idCard", bytes, Client.sha256(bytes)).headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> blocked = client.post("/dossiers/" + id + "/submit", Map.of());
        assertThat(blocked.statusCode()).isEqualTo(409);
        assertThat(Client.json(blocked).get("type").asText()).endsWith("/upload-incomplete");

        HttpResponse<byte[]> noVersion = client.send(client.request(orphan).DELETE());
        assertThat(noVersion.statusCode()).isEqualTo(412);
        assertThat(client.send(client.request(orphan).header("Tus-Resumable", "1.0.0").DELETE()).statusCode()).isEqualTo(204);
        assertThat(client.send(client.request(orphan).header("Tus-Resumable", "1.0.0").DELETE()).statusCode())
                .as("a repeated termination is harmless").isEqualTo(204);
        assertThat(client.head(orphan).statusCode()).isEqualTo(410);
        assertThat(client.patch(orphan, 0, bytes).statusCode()).isEqualTo(410);
        assertThat(Client.json(client.get("/dossiers/" + id)).get("documents")).singleElement()
                .satisfies(d -> assertThat(d.get("uploadUrl").asText()).isEqualTo(used));

        assertThat(client.post("/dossiers/" + id + "/submit", Map.of()).statusCode()).isEqualTo(200);
        assertThat(client.send(client.request(used).header("Tus-Resumable", "1.0.0").DELETE()).statusCode())
                .as("a submitted dossier keeps its documents").isEqualTo(409);
    }

    @Test
    void aRefusedUploadFreesItsKeyForTheNewUploadItAsksFor() throws Exception {
        String id = createLltp("key-0002");
        byte[] bytes = "%PDF-1.7 the real scan".getBytes();
        String refused = client.createUpload(id, "doc-key-0003", "idCard", bytes, Client.sha256("%PDF-1.7 other scan!".getBytes()))
                .headers().firstValue("Location").orElseThrow();
        assertThat(client.patch(refused, 0, bytes).statusCode()).isEqualTo(460);
        HttpResponse<byte[]> fresh = client.createUpload(id, "doc-key-0003", "idCard", bytes, Client.sha256(bytes));
        assertThat(fresh.statusCode()).isEqualTo(201);
        assertThat(fresh.headers().firstValue("Location")).isPresent().get().isNotEqualTo(refused);
    }

    @Test
    void tusRefusesWrongOffsetsMissingVersionAndWrongContentType() throws Exception {
        String id = createLltp("tus-0001");
        byte[] bytes = new byte[1000];
        String url = client.createUpload(id, "idCard", bytes, Client.sha256(bytes)).headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> wrongOffset = client.patch(url, 10, Arrays.copyOf(bytes, 10));
        assertThat(wrongOffset.statusCode()).isEqualTo(409);
        assertThat(wrongOffset.headers().firstValue("Upload-Offset")).hasValue("0");
        HttpResponse<byte[]> noVersion = client.send(client.request(url).header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream").method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertThat(noVersion.statusCode()).isEqualTo(412);
        assertThat(noVersion.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        HttpResponse<byte[]> wrongType = client.send(client.request(url).header("Tus-Resumable", "1.0.0").header("Upload-Offset", "0")
                .header("Content-Type", "application/pdf").method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        HttpResponse<byte[]> options = client.send(client.request("/dossiers/" + id + "/documents")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        HttpResponse<byte[]> unknownType = client.createUpload(id, "passportPhoto", bytes, Client.sha256(bytes));
        assertThat(unknownType.statusCode()).isEqualTo(422);
        assertThat(Client.json(unknownType).at("/errors/0/path").asText()).isEqualTo("$.metadata.documentType");
        // An upload still in progress holds the submit back.
        assertThat(client.post("/dossiers/" + id + "/submit", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void anotherKioskSeesNeitherTheDossierNorItsCodeButACitizenLookupWorksAnywhere() throws Exception {
        String id = createLltp("own-0001");
        Client other = new Client(portal);
        HttpResponse<byte[]> login = other.post("/device-sessions", Map.of("kioskId", "TAP-HUAN-02", "secret", "tap-huan-secret-02"));
        other.token = Client.json(login).get("accessToken").asText();
        assertThat(other.get("/dossiers/" + id).statusCode()).isEqualTo(404);
        assertThat(client.get("/dossiers/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void answersLeaveWithoutNaglesDelay() {
        // Headers and body leave in two writes; with Nagle on, every JSON body waited 40 ms for the
        // client's delayed ACK. The effect is measured by scripts/bench-upload.sh, not timed here.
        assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }
}
