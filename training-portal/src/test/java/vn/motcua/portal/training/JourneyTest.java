// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kiosk's whole path through the portal, over real HTTP, as the portal client will walk it. */
class JourneyTest {
    @TempDir
    Path data;
    TrainingPortal portal;
    Client client;

    @BeforeEach
    void start() throws Exception {
        portal = TrainingPortal.start(new TrainingPortal.Options(0, data, 1, Duration.ofMinutes(15)));
        client = new Client(portal);
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void fileUploadSubmitPayAndPrintTheResult() throws Exception {
        client.login();

        // Create twice with one key (a retry): one dossier.
        HttpResponse<byte[]> first = client.send(client.request("/dossiers").header("Idempotency-Key", "outbox-entry-0001")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Client.JSON.writeValueAsBytes(Client.lltpBody()))));
        assertThat(first.statusCode()).isEqualTo(201);
        HttpResponse<byte[]> again = client.send(client.request("/dossiers").header("Idempotency-Key", "outbox-entry-0001")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Client.JSON.writeValueAsBytes(Client.lltpBody()))));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        String dossierId = Client.json(first).get("id").asText();
        assertThat(Client.json(again).get("id").asText()).isEqualTo(dossierId);
        assertThat(Client.json(first).at("/fee/amount").asLong()).isEqualTo(205_000); // 200,000 incl. 2 copies + 5,000 for the 3rd
        assertThat(Client.json(client.get("/trainer/dossiers"))).isNotNull();

        // tus: create, first half, HEAD, second half.
        byte[] pdf = new byte[300_000];
        new Random(7).nextBytes(pdf);
        HttpResponse<byte[]> created = client.createUpload(dossierId, "idCard", pdf, Client.sha256(pdf));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
        String uploadUrl = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<byte[]> p1 = client.patch(uploadUrl, 0, Arrays.copyOfRange(pdf, 0, 120_000));
        assertThat(p1.statusCode()).isEqualTo(204);
        assertThat(p1.headers().firstValue("Upload-Offset")).hasValue("120000");
        HttpResponse<byte[]> head = client.head(uploadUrl);
        assertThat(head.statusCode()).isEqualTo(200);
        long offset = Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
        assertThat(offset).isEqualTo(120_000);
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        HttpResponse<byte[]> p2 = client.patch(uploadUrl, offset, Arrays.copyOfRange(pdf, (int) offset, pdf.length));
        assertThat(p2.statusCode()).isEqualTo(204);
        assertThat(p2.headers().firstValue("Upload-Offset")).hasValue(String.valueOf(pdf.length));
        JsonNode dossier = Client.json(client.get("/dossiers/" + dossierId));
        assertThat(dossier.at("/documents/0/state").asText()).isEqualTo("COMPLETE");
        assertThat(portal.uploadedBytes(dossier.at("/documents/0/uploadId").asText())).isEqualTo(pdf);

        // Submit (twice: the second is a retry and answers the same receipt).
        HttpResponse<byte[]> submitted = client.post("/dossiers/" + dossierId + "/submit", Map.of());
        assertThat(submitted.statusCode()).isEqualTo(200);
        JsonNode receipt = Client.json(submitted);
        String code = receipt.get("dossierCode").asText();
        assertThat(code).matches("000\\.00\\.14\\.H56-\\d{6}-0001");
        assertThat(receipt.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(receipt.at("/fee/amount").asLong()).isEqualTo(205_000);
        assertThat(receipt.get("dueAt").asText()).endsWith("+07:00");
        assertThat(Client.json(client.post("/dossiers/" + dossierId + "/submit", Map.of())).get("dossierCode").asText()).isEqualTo(code);

        // Status, for the kiosk and for the citizen (code + last 4 phone digits).
        JsonNode status = Client.json(client.get("/dossiers/by-code/" + code));
        assertThat(status.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(status.get("paymentStatus").asText()).isEqualTo("UNPAID");
        assertThat(client.post("/dossier-lookups", Map.of("dossierCode", code, "phoneLast4", "0000")).statusCode()).isEqualTo(404);

        // Payment: VietQR payload with a correct CRC, then the trainer "receives" the money.
        HttpResponse<byte[]> intentResponse = client.post("/dossiers/" + dossierId + "/payment-intents", Map.of());
        assertThat(intentResponse.statusCode()).isEqualTo(201);
        JsonNode intent = Client.json(intentResponse);
        assertThat(intent.get("amount").asLong()).isEqualTo(205_000);
        assertThat(intent.get("status").asText()).isEqualTo("PENDING");
        String payload = intent.at("/vietqr/payload").asText();
        String withoutCrc = payload.substring(0, payload.length() - 4);
        assertThat(withoutCrc).endsWith("6304").contains("5406205000").contains("0010A000000727").contains(code);
        assertThat(payload.substring(payload.length() - 4))
                .isEqualTo(String.format("%04X", VietQr.crc16(withoutCrc.getBytes(StandardCharsets.US_ASCII))));
        assertThat(client.post("/dossiers/" + dossierId + "/payment-intents", Map.of()).statusCode()).isEqualTo(200);
        assertThat(client.post("/trainer/dossiers/" + code + "/pay", Map.of()).statusCode()).isEqualTo(200);
        JsonNode paid = Client.json(client.get("/payment-intents/" + intent.get("intentId").asText()));
        assertThat(paid.get("status").asText()).isEqualTo("PAID");

        // Before it is done there is no result.
        HttpResponse<byte[]> early = client.get("/dossiers/" + dossierId + "/result");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(Client.json(early).get("type").asText()).endsWith("/result-not-ready");

        // The clock moves three weeks: the LLTP's 10 working days are over.
        portal.advanceClock(Duration.ofDays(21));
        JsonNode done = Client.json(client.post("/dossier-lookups", Map.of("dossierCode", code, "phoneLast4", "5678")));
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("paymentStatus").asText()).isEqualTo("PAID");
        assertThat(done.get("history")).extracting(h -> h.get("status").asText()).containsExactly("RECEIVED", "IN_PROGRESS", "DONE");
        assertThat(done.get("onTime").asBoolean()).isEqualTo(!done.get("late").asBoolean());

        // The e-result, both ways, opens with PDFBox and says it is training.
        for (String path : new String[] {"/dossiers/" + dossierId + "/result", "/dossier-lookups/" + done.get("lookupId").asText() + "/result"}) {
            HttpResponse<byte[]> result = client.get(path);
            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.headers().firstValue("Content-Type")).hasValue("application/pdf");
            try (PDDocument doc = Loader.loadPDF(result.body())) {
                assertThat(doc.getNumberOfPages()).isEqualTo(1);
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains(code).contains("TẬP HUẤN").contains("Ký bởi");
            }
        }
    }

    @Test
    void freeProceduresHaveNoPaymentAndCodesCountPerAgencyAndDay() throws Exception {
        client.login();
        String[] codes = new String[2];
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = Map.of("procedureId", "khai-sinh", "agencyCode", "000.25.14.H56",
                    "applicant", Map.of("fullName", "TRẦN THỊ BÌNH", "idNumber", "079190000001", "phone", "0987000111"));
            HttpResponse<byte[]> r = client.send(client.request("/dossiers").header("Idempotency-Key", "birth-000" + i)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Client.JSON.writeValueAsBytes(body))));
            String id = Client.json(r).get("id").asText();
            assertThat(Client.json(r).at("/fee/amount").asLong()).isZero();
            byte[] doc = "%PDF-1.4 giay chung sinh".getBytes(StandardCharsets.US_ASCII);
            String url = client.createUpload(id, "birthNotice", doc, Client.sha256(doc)).headers().firstValue("Location").orElseThrow();
            assertThat(client.patch(url, 0, doc).statusCode()).isEqualTo(204);
            codes[i] = Client.json(client.post("/dossiers/" + id + "/submit", Map.of())).get("dossierCode").asText();
            HttpResponse<byte[]> intent = client.post("/dossiers/" + id + "/payment-intents", Map.of());
            assertThat(intent.statusCode()).isEqualTo(409);
            assertThat(Client.json(intent).get("type").asText()).endsWith("/no-fee-due");
        }
        assertThat(codes[0]).endsWith("-0001");
        assertThat(codes[1]).endsWith("-0002").startsWith(codes[0].substring(0, codes[0].length() - 4));
    }
}
