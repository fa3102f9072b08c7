// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.testing.TestKeys;
import vn.motcua.portal.training.TrainingPortal;

/**
 * Issue 18 as it was found: the kiosk's own outbox (a child JVM, SIGKILLed between steps) sends
 * to a training portal with no faults of its own, through {@link FaultyNetwork}, which on every
 * operation resets requests part-way, cuts answers after the portal acted, stalls requests until
 * the kiosk gives up and delivers them late, and allows one request per connection. Read from the
 * portal's own state: every dossier submitted exactly once with the kiosk's bytes, none parked,
 * no unfinished upload left.
 */
class OutboxNetworkReliabilityTest {
    private static final int DOSSIERS = 30;
    private static final int KILLS = 10;
    private static final long SEED = 18L;

    @TempDir
    Path dir;

    @Test
    void everyDossierIsSubmittedOnceWithNoneParkedAndNoOrphanThroughAFaultyNetworkAndKills() throws Exception {
        long started = System.nanoTime();
        Random random = new Random(SEED);
        Path dbFile = dir.resolve("kiosk.db");
        Path outboxDir = dir.resolve("outbox");
        Map<String, List<String>> expected = new HashMap<>();
        try (Database db = TestKeys.openDatabase(dbFile)) {
            Outbox outbox = new Outbox(new OutboxStore(db), outboxDir, Clock.systemUTC());
            for (int i = 0; i < DOSSIERS; i++) {
                List<Outbox.Paper> papers = new ArrayList<>();
                int count = 1 + random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    byte[] content = new byte[random.nextInt(10) == 0 ? 400_000 + random.nextInt(300_000) : 2_000 + random.nextInt(60_000)];
                    random.nextBytes(content);
                    papers.add(new Outbox.Paper(k == 0 ? "idCard" : "declaration", "giay-to-" + k + ".pdf",
                            Files.write(dir.resolve(i + "-" + k + ".pdf"), content)));
                }
                String ref = outbox.add(new Outbox.Submission("lltp-self", OutboxTest.body("lltp-self", "0912345678"), papers));
                expected.put(ref, outbox.store().find(ref).orElseThrow().documents().stream().map(OutboxStore.Document::sha256).toList());
            }
        }

        int kills = 0;
        Map<String, Map<FaultyNetwork.Fault, Integer>> fired;
        Map<FaultyNetwork.Fault, Integer> totals;
        long requests;
        try (TrainingPortalFixture portal = new TrainingPortalFixture(dir.resolve("portal"))) {
            try (FaultyNetwork net = new FaultyNetwork(portal.portal.port(), SEED, 0.08, 0.10, 0.03, 0.05)) {
                for (; kills < KILLS; kills++) {
                    CountDownLatch event = new CountDownLatch(1);
                    CountDownLatch held = net.holdAt(net.requests() + 1 + random.nextInt(50));
                    Process child = child(dbFile, outboxDir, net.apiUrl());
                    CountDownLatch done = watch(child, event);
                    Thread t = new Thread(() -> {
                        try {
                            held.await();
                            event.countDown();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                    assertThat(event.await(3, TimeUnit.MINUTES)).as("a step to kill at, or the end").isTrue();
                    child.destroyForcibly(); // SIGKILL between two steps: the held request is on its way
                    child.waitFor();
                    net.release();
                    t.interrupt();
                    if (done.getCount() == 0 && held.getCount() > 0) {
                        break;
                    }
                }
                net.holdAt(-1);
                Process last = child(dbFile, outboxDir, net.apiUrl());
                CountDownLatch done = watch(last, new CountDownLatch(1));
                assertThat(done.await(3, TimeUnit.MINUTES)).as("outbox emptied").isTrue();
                assertThat(last.waitFor(30, TimeUnit.SECONDS)).isTrue();
                fired = net.fired();
                totals = net.totals();
                requests = net.requests();
            } // closing waits for every late delivery to reach the portal

            List<TrainingPortal.Filed> filed = portal.portal.filed();
            Map<String, List<TrainingPortal.Filed>> byRef = filed.stream().collect(Collectors.groupingBy(TrainingPortal.Filed::localReference));
            List<String> orphans = filed.stream().flatMap(f -> f.documents().stream()).filter(d -> "UPLOADING".equals(d.state()))
                    .map(TrainingPortal.FiledDocument::uploadId).toList();
            System.out.printf("outbox through a faulty network: %d dossiers, %d requests, %d SIGKILLs, in %d s; faults: %s; by operation: %s%n",
                    DOSSIERS, requests, kills, (System.nanoTime() - started) / 1_000_000_000L, totals, fired);
            assertThat(byRef.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
            assertThat(orphans).as("unfinished uploads left on the portal").isEmpty();
            try (Database db = TestKeys.openDatabase(dbFile)) {
                OutboxStore store = new OutboxStore(db);
                assertThat(store.count(OutboxStore.State.PARKED)).as("parked").isZero();
                for (Map.Entry<String, List<String>> e : expected.entrySet()) {
                    assertThat(byRef.get(e.getKey())).as("dossiers for %s", e.getKey()).hasSize(1);
                    TrainingPortal.Filed f = byRef.get(e.getKey()).get(0);
                    assertThat(f.state()).isEqualTo("SUBMITTED");
                    assertThat(f.documents().stream().filter(d -> "COMPLETE".equals(d.state())).map(TrainingPortal.FiledDocument::receivedSha256))
                            .as("documents of %s", e.getKey()).containsExactlyInAnyOrderElementsOf(e.getValue());
                    OutboxStore.Entry entry = store.find(e.getKey()).orElseThrow();
                    assertThat(entry.state()).isEqualTo(OutboxStore.State.SENT);
                    assertThat(entry.dossierCode()).isEqualTo(f.code());
                }
            }
        }
        // Each fault fired on every operation the outbox sends.
        for (String op : List.of("createDossier", "createUpload", "headUpload", "patchUpload", "submitDossier")) {
            assertThat(fired.get(op)).as("faults on %s", op).containsKeys(FaultyNetwork.Fault.RESET_REQUEST,
                    FaultyNetwork.Fault.CUT_RESPONSE, FaultyNetwork.Fault.STALL);
        }
        assertThat(kills).isPositive();
    }

    private static Process child(Path db, Path outbox, String api) throws Exception {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutboxChild.class.getName(), db.toString(), outbox.toString(), api,
                TrainingPortal.TRAINING_KIOSK, TrainingPortal.TRAINING_SECRET, "1000", "262144"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Counts the returned latch down on DONE, and {@code event} on DONE too. */
    private static CountDownLatch watch(Process child, CountDownLatch event) {
        CountDownLatch done = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("DONE")) {
                        done.countDown();
                        event.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // killed: its pipe closes
            }
        });
        t.setDaemon(true);
        t.start();
        return done;
    }
}
