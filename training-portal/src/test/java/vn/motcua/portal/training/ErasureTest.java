// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training dossiers are erased after the kept days and on the trainer's "start afresh", from the API and from the files. */
class ErasureTest {
    private static final String NAME = "LÊ THỊ XUÂN ĐÀO TẠO";
    private static final String ID_NUMBER = "079301246813";

    @TempDir
    Path data;
    TrainingPortal portal;
    Client client;

    @AfterEach
    void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void theScheduleErasesDossiersStoredLongerAgoThanTheKeptDaysAndKeepsYoungerOnes() throws Exception {
        start();
        String old = file();
        String young = file();
        Path oldUpload = onlyUpload(old);
        assertThat(oldUpload).exists();
        portal.close();
        // Eight and six days ago by the real clock, as if the portal had been off meanwhile.
        storedDaysAgo(old, 8);
        storedDaysAgo(young, 6);

        start();

        assertThat(client.get("/dossiers/" + old).statusCode()).isEqualTo(404);
        assertThat(oldUpload).doesNotExist();
        assertThat(client.get("/dossiers/" + young).statusCode()).isEqualTo(200);
        assertThat(portal.filed()).extracting(TrainingPortal.Filed::id).containsExactly(young);
    }

    @Test
    void theTrainerStartsAfreshAndNothingTheTraineesTypedStaysInTheFiles() throws Exception {
        start();
        String id = file();
        String submitted = file();
        assertThat(client.send(client.request("/dossiers/" + submitted + "/submit").POST(HttpRequest.BodyPublishers.noBody()))
                .statusCode()).isEqualTo(200);
        // The scan finds them before, or its "not found" afterwards would prove nothing.
        assertThat(filesHolding(NAME)).isNotEmpty();
        assertThat(filesHolding(ID_NUMBER)).isNotEmpty();

        HttpResponse<byte[]> erased = client.send(client.request("/trainer/erase").POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(erased.statusCode()).isEqualTo(204);
        assertThat(client.get("/dossiers/" + id).statusCode()).isEqualTo(404);
        assertThat(client.get("/dossiers/" + submitted).statusCode()).isEqualTo(404);
        assertThat(Client.json(client.get("/trainer/dossiers")).get("dossiers")).isEmpty();
        assertThat(portal.filed()).isEmpty();
        assertThat(filesHolding(NAME)).isEmpty();
        assertThat(filesHolding(ID_NUMBER)).isEmpty();
    }

    @Test
    void theTrainerPageOffersStartingAfresh() throws Exception {
        start();
        String page = new String(client.get("/trainer").body(), StandardCharsets.UTF_8);
        assertThat(page).contains("action=/trainer/erase").contains("required");
    }

    private void start() throws Exception {
        portal = TrainingPortal.start(new TrainingPortal.Options(0, data, 1, Duration.ofMinutes(15), 7));
        client = new Client(portal);
        client.login();
    }

    /** A dossier with the distinctive applicant and a complete ID card scan that repeats the name and number. */
    private String file() throws Exception {
        Map<String, Object> body = Map.of("procedureId", "lltp-self", "agencyCode", "000.00.14.H56",
                "applicant", Map.of("fullName", NAME, "idNumber", ID_NUMBER, "phone", "0912345678"));
        HttpResponse<byte[]> created = client.send(client.request("/dossiers").header("Idempotency-Key", "erasure-" + Wire.randomHex(6))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(Client.JSON.writeValueAsBytes(body))));
        assertThat(created.statusCode()).isEqualTo(201);
        String id = Client.json(created).get("id").asText();
        byte[] doc = ("%PDF-1.7 căn cước " + NAME + ", CCCD " + ID_NUMBER).getBytes(StandardCharsets.UTF_8);
        String url = client.createUpload(id, "idCard", doc, Client.sha256(doc)).headers().firstValue("Location").orElseThrow();
        assertThat(client.patch(url, 0, doc).statusCode()).isEqualTo(204);
        return id;
    }

    private Path onlyUpload(String dossierId) throws IOException {
        return data.resolve("uploads").resolve(portal.filed().stream().filter(f -> f.id().equals(dossierId)).findFirst().orElseThrow()
                .documents().get(0).uploadId());
    }

    private void storedDaysAgo(String dossierId, int days) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("training-portal.sqlite"));
                PreparedStatement ps = c.prepareStatement("UPDATE dossiers SET stored_at_ms = ? WHERE id = ?")) {
            ps.setLong(1, System.currentTimeMillis() - Duration.ofDays(days).toMillis());
            ps.setString(2, dossierId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    /** Every file in the portal's folder (database, WAL, uploads) whose bytes hold the text in UTF-8. */
    private List<Path> filesHolding(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(f), needle) >= 0) {
                    found.add(f);
                }
            }
        }
        return found;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
