package vn.motcua.kiosk.store;

import vn.motcua.kiosk.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A power cut or a crash must not lose an acknowledged draft nor corrupt the database. A real
 * child JVM writes drafts and is killed with SIGKILL at random moments, over and over; after each
 * kill the database must open, pass {@code integrity_check}, and hold every acknowledged write.
 */
class DraftDurabilityTest {
    private static final int KILLS = 100;

    @TempDir
    Path dir;

    @Test
    void acknowledgedDraftsSurviveSigkill() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Random random = new Random(20261122L);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        long totalAcks = 0;
        int killedBeforeReady = 0;

        for (int round = 0; round < KILLS; round++) {
            Process child = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                    "-cp", System.getProperty("java.class.path"),
                    DraftWriterChild.class.getName(), file.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            CountDownLatch ready = new CountDownLatch(1);
            long[] acks = {0};
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.equals("READY")) {
                            ready.countDown();
                        } else if (line.startsWith("ACK ")) {
                            String[] parts = line.split(" ");
                            acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                            acks[0]++;
                        }
                    }
                } catch (Exception e) {
                    // the pipe closes when the child dies
                }
            });
            reader.start();
            // One round in five is killed without waiting, sometimes while it opens or migrates the file.
            if (round % 5 == 0) {
                Thread.sleep(random.nextInt(400));
            } else {
                assertThat(ready.await(30, TimeUnit.SECONDS)).as("child started").isTrue();
                Thread.sleep(random.nextInt(150));
            }
            if (ready.getCount() > 0) {
                killedBeforeReady++;
            }
            child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            totalAcks += acks[0];
            verify(file, acknowledged, round);
        }
        System.out.printf("durability: %d SIGKILLs (%d before the database was open), %d acknowledged writes, "
                + "all intact%n", KILLS, killedBeforeReady, totalAcks);
        assertThat(totalAcks).as("the children must have written something to lose").isGreaterThan(KILLS);
    }

    private static void verify(Path file, Map<String, Long> acknowledged, int round) {
        try (Database db = TestKeys.openDatabase(file)) {
            assertThat(db.integrityCheck()).as("integrity after kill %d", round).isEqualTo("ok");
            DraftStore drafts = new DraftStore(db);
            for (var ack : acknowledged.entrySet()) {
                Draft d = drafts.find(ack.getKey()).orElseThrow(
                        () -> new AssertionError("acknowledged draft " + ack.getKey() + " lost at kill " + round));
                // A write may have committed just before the kill without its ACK being read: newer is fine.
                assertThat(d.revision()).as("revision of %s at kill %d", d.id(), round).isGreaterThanOrEqualTo(ack.getValue());
                assertThat(d.payload()).as("payload of %s rev %d", d.id(), d.revision())
                        .isEqualTo(DraftWriterChild.payload(d.id(), d.revision()));
            }
        }
    }
}
