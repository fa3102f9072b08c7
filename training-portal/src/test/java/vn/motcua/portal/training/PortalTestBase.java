// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh portal on a free port with its own data folder for each test, and a logged-in client. */
abstract class PortalTestBase {
    @TempDir
    Path data;
    TrainingPortal portal;
    Client client;

    @BeforeEach
    void startPortal() throws Exception {
        portal = TrainingPortal.start(new TrainingPortal.Options(0, data, 1, Duration.ofMinutes(15)));
        client = new Client(portal);
        client.login();
    }

    @AfterEach
    void stopPortal() {
        portal.close();
    }

    HttpResponse<byte[]> create(String key, Object body) throws Exception {
        return client.send(client.request("/dossiers").header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Client.JSON.writeValueAsBytes(body))));
    }

    String createLltp(String key) throws Exception {
        return Client.json(create(key, Client.lltpBody())).get("id").asText();
    }

    void faults(String json) throws Exception {
        HttpResponse<byte[]> r = client.send(client.request("/trainer/faults").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("faults refused: " + new String(r.body()));
        }
    }
}
