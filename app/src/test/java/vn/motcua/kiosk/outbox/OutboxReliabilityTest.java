// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import vn.motcua.kiosk.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.portal.training.TrainingPortal;

/**
 * 200 dossiers (1–5 documents, up to 10 MB) through a training portal that drops connections,
 * answers 5xx and 429, stalls past the client's timeout and cuts uploads, while the kiosk (a
 * real child JVM) is killed with SIGKILL at random moments. Every dossier must end on the portal
 * exactly once with byte-identical documents.
 */
class OutboxReliabilityTest {
    private static final int DOSSIERS = 200;
    private static final int KILLS = 12;

    @TempDir
    Path dir;

    @Test
    void everyDossierReachesThePortalExactlyOnceThroughFaultsAndKills() throws Exception {
        long started = System.nanoTime();
        Random random = new Random(20261122L);
        Path dbFile = dir.resolve("kiosk.db");
        Path outboxDir = dir.resolve("outbox");
        Map<String, List<String>> expected = new HashMap<>(); // local ref → sha256 of each document
        long bytes = 0;
        int documents = 0;
        try (Database db = TestKeys.openDatabase(dbFile)) {
            Outbox outbox = new Outbox(new OutboxStore(db), outboxDir, Clock.systemUTC());
            Path scratch = Files.createDirectories(dir.resolve("scratch"));
            for (int i = 0; i < DOSSIERS; i++) {
                int count = 1 + random.nextInt(5);
                List<Outbox.Paper> papers = new ArrayList<>();
                for (int k = 0; k < count; k++) {
                    byte[] content = new byte[size(random)];
                    random.nextBytes(content);
                    Path f = scratch.resolve(i + "-" + k + ".pdf");
                    Files.write(f, content);
                    papers.add(new Outbox.Paper(k == 0 ? "idCard" : "declaration", "giay-to-" + k + ".pdf", f));
                    bytes += content.length;
                }
                documents += count;
                String ref = outbox.add(new Outbox.Submission("lltp-self", OutboxTest.body("lltp-self", "0912345678"), papers));
                expected.put(ref, outbox.store().find(ref).orElseThrow().documents().stream().map(OutboxStore.Document::sha256).toList());
                for (Outbox.Paper p : papers) {
                    Files.delete(p.file());
                }
            }
        }

        int kills = 0;
        String faultCounts;
        try (TrainingPortalFixture portal = new TrainingPortalFixture(dir.resolve("portal"))) {
            portal.faults("""
                    {"seed": 7, "rules": [
                      {"endpoint": "*", "kind": "LATENCY", "latencyMs": 2500, "rate": 0.004},
                      {"endpoint": "*", "kind": "ERROR", "status": 503, "rate": 0.03},
                      {"endpoint": "*", "kind": "ERROR", "status": 500, "rate": 0.01},
                      {"endpoint": "*", "kind": "RATE_LIMIT", "retryAfterSeconds": 1, "rate": 0.004},
                      {"endpoint": "*", "kind": "DROP_CONNECTION", "rate": 0.02},
                      {"endpoint": "*", "kind": "DROP_RESPONSE", "rate": 0.03},
                      {"endpoint": "*", "kind": "TRUNCATED_JSON", "rate": 0.01},
                      {"endpoint": "patchUpload", "kind": "DROP_MID_UPLOAD", "afterBytes": 200000, "rate": 0.05}
                    ]}""");
            for (; kills < KILLS; kills++) {
                Process child = child(dbFile, outboxDir, portal);
                CountDownLatch ready = new CountDownLatch(1);
                CountDownLatch done = new CountDownLatch(1);
                watch(child, ready, done);
                assertThat(ready.await(60, TimeUnit.SECONDS)).as("child started").isTrue();
                boolean finished = done.await(300 + random.nextInt(2500), TimeUnit.MILLISECONDS);
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no last write
                child.waitFor();
                if (finished) {
                    break;
                }
            }
            // The last kiosk run is left alone until the queue is empty.
            Process last = child(dbFile, outboxDir, portal);
            CountDownLatch ready = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            watch(last, ready, done);
            assertThat(done.await(8, TimeUnit.MINUTES)).as("outbox emptied").isTrue();
            assertThat(last.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(last.exitValue()).isZero();
            faultCounts = fired(portal);

            // The portal: one submitted dossier per entry, its documents exactly the kiosk's bytes.
            List<TrainingPortal.Filed> filed = portal.portal.filed();
            Map<String, List<TrainingPortal.Filed>> byRef = filed.stream().collect(Collectors.groupingBy(TrainingPortal.Filed::localReference));
            assertThat(byRef.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            try (Database db = TestKeys.openDatabase(dbFile)) {
                OutboxStore store = new OutboxStore(db);
                for (Map.Entry<String, List<String>> e : expected.entrySet()) {
                    assertThat(byRef.get(e.getKey())).as("dossiers for %s", e.getKey()).hasSize(1);
                    TrainingPortal.Filed f = byRef.get(e.getKey()).get(0);
                    assertThat(f.state()).isEqualTo("SUBMITTED");
                    List<String> complete = f.documents().stream().filter(d -> "COMPLETE".equals(d.state()))
                            .map(TrainingPortal.FiledDocument::receivedSha256).toList();
                    assertThat(complete).as("documents of %s", e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
                    assertThat(f.documents()).as("no half-made upload left behind").allSatisfy(d -> assertThat(d.state()).isIn("COMPLETE", "REFUSED"));
                    OutboxStore.Entry entry = store.find(e.getKey()).orElseThrow();
                    assertThat(entry.state()).isEqualTo(OutboxStore.State.SENT);
                    assertThat(entry.dossierCode()).isEqualTo(f.code());
                }
                assertThat(store.count(OutboxStore.State.PARKED)).isZero();
            }
            assertThat(Files.list(outboxDir).count()).as("files erased once sent").isZero();
        }
        System.out.printf("outbox reliability: %d dossiers, %d documents, %.1f MB, %d SIGKILLs, all sent once, in %d s; faults fired: %s%n",
                DOSSIERS, documents, bytes / 1e6, kills, (System.nanoTime() - started) / 1_000_000_000L, faultCounts);
    }

    /** Mostly small scans, some large, a few near the 10 MB the issue names. */
    private static int size(Random r) {
        double p = r.nextDouble();
        if (p < 0.85) {
            return 20_000 + r.nextInt(280_000);
        }
        if (p < 0.97) {
            return 300_000 + r.nextInt(1_700_000);
        }
        return 2_000_000 + r.nextInt(8_000_000);
    }

    private static Process child(Path db, Path outbox, TrainingPortalFixture portal) throws Exception {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                OutboxChild.class.getName(), db.toString(), outbox.toString(), portal.portal.apiUrl(),
                TrainingPortal.TRAINING_KIOSK, TrainingPortal.TRAINING_SECRET))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void watch(Process child, CountDownLatch ready, CountDownLatch done) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("READY")) {
                        ready.countDown();
                    } else if (line.equals("DONE")) {
                        done.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the child was killed: its pipe closes
            }
        });
        t.setDaemon(true);
        t.start();
    }

    private static String fired(TrainingPortalFixture portal) throws Exception {
        try (Response r = new OkHttpClient().newCall(new Request.Builder().url(portal.portal.baseUrl() + "/trainer/faults").build()).execute()) {
            com.fasterxml.jackson.databind.JsonNode rules = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body().string()).get("rules");
            List<String> out = new ArrayList<>();
            rules.forEach(rule -> out.add(rule.get("kind").asText() + (rule.has("status") ? " " + rule.get("status").asText() : "")
                    + " ×" + rule.get("fired").asInt()));
            return String.join(", ", out);
        }
    }
}
