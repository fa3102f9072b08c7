// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import vn.motcua.kiosk.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.RetryPolicy;
import vn.motcua.kiosk.portal.TusUpload;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.portal.training.TrainingPortal;

/** The outbox against the real training portal over HTTP: sent once, parked when refused, resumed after drops. */
class OutboxTest {
    @TempDir
    Path dir;
    TrainingPortalFixture portal;
    Database db;
    Outbox outbox;

    @BeforeEach
    void open() throws Exception {
        portal = new TrainingPortalFixture(dir.resolve("portal"));
        db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
        outbox = new Outbox(new OutboxStore(db), dir.resolve("outbox"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
        portal.close();
    }

    static String body(String procedureId, String phone) {
        return "{\"procedureId\":\"" + procedureId + "\",\"agencyCode\":\"000.00.14.H56\",\"copies\":1,"
                + "\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\",\"idNumber\":\"001095012345\",\"phone\":\"" + phone + "\"},"
                + "\"form\":{\"purpose\":\"xin việc\"}}";
    }

    Path pdf(String name, int size, long seed) throws Exception {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    OutboxWorker worker(long chunk, List<Boolean> online) {
        PortalClient client = new PortalClient(portal.endpoint(), PortalClient.defaultHttp(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(200)), d -> Thread.sleep(d.toMillis()), new Random(3));
        TusUpload tus = new TusUpload(client, chunk, new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200)),
                d -> Thread.sleep(d.toMillis()), new Random(4));
        return new OutboxWorker(outbox, client, tus, new RetryPolicy(1, Duration.ZERO, Duration.ZERO), Clock.systemUTC(),
                new OutboxWorker.Listener() {
                    @Override
                    public void online(boolean reachable) {
                        online.add(reachable);
                    }
                });
    }

    @Test
    void aDossierIsCreatedUploadedAndSubmittedOnceAndItsFilesAreErased() throws Exception {
        Path card = pdf("cccd.pdf", 300_000, 1);
        Path form = pdf("to-khai.pdf", 20_000, 2);
        String ref = outbox.add(new Outbox.Submission("lltp-self", body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", card), new Outbox.Paper("declaration", "to-khai.pdf", form))));
        assertThat(ref).matches("CG-\\d{6}-[A-Z2-9]{6}");
        Files.delete(card); // the session may erase its copy at once: the outbox has its own

        List<Boolean> online = new ArrayList<>();
        assertThat(worker(64 * 1024, online).drainOnce()).isEqualTo(1);

        OutboxStore.Entry e = outbox.store().find(ref).orElseThrow();
        assertThat(e.state()).isEqualTo(OutboxStore.State.SENT);
        assertThat(e.dossierCode()).matches("000\\.00\\.14\\.H56-\\d{6}-\\d{4}");
        assertThat(e.bodyJson()).isNull();
        assertThat(e.documents()).allSatisfy(d -> assertThat(d.path()).isNull());
        assertThat(dir.resolve("outbox").resolve(ref)).doesNotExist();
        assertThat(online).containsOnly(true);

        List<TrainingPortal.Filed> filed = portal.portal.filed();
        assertThat(filed).singleElement().satisfies(f -> {
            assertThat(f.state()).isEqualTo("SUBMITTED");
            assertThat(f.code()).isEqualTo(e.dossierCode());
            assertThat(f.documents()).hasSize(2).allSatisfy(d -> {
                assertThat(d.state()).isEqualTo("COMPLETE");
                assertThat(d.receivedSha256()).isEqualTo(d.announcedSha256());
            });
        });
        // Nothing left to do: a second round sends nothing more.
        assertThat(worker(64 * 1024, online).drainOnce()).isZero();
        assertThat(portal.portal.filed()).hasSize(1);
    }

    @Test
    void anEntryStillGoesWhenTheDataFolderWasMovedElsewhere() throws Exception {
        String ref = outbox.add(new Outbox.Submission("lltp-self", body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf("cccd.pdf", 40_000, 5)))));
        db.close();
        // A technician restores the data folder to another place (the install test seeds it from the host).
        Path moved = Files.createDirectories(dir.resolve("restored"));
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("kiosk.db")).toList()) {
                Files.move(f, moved.resolve(f.getFileName()));
            }
        }
        Files.move(dir.resolve("outbox"), moved.resolve("outbox"));
        db = vn.motcua.kiosk.store.Database.open(moved.resolve("kiosk.db"), TestKeys.forDatabase(dir.resolve("kiosk.db")));
        outbox = new Outbox(new OutboxStore(db), moved.resolve("outbox"), Clock.systemUTC());

        assertThat(worker(64 * 1024, new ArrayList<>()).drainOnce()).isEqualTo(1);
        assertThat(outbox.store().find(ref).orElseThrow().state()).isEqualTo(OutboxStore.State.SENT);
    }

    @Test
    void aLocalReferenceIsFoundWithThePhonesLastFourDigitsUntilSentThenByThePortalsCode() throws Exception {
        String ref = outbox.add(new Outbox.Submission("lltp-self", body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf("w.pdf", 5_000, 9)))));
        assertThat(Outbox.REFERENCE.matcher(ref).matches()).isTrue();
        assertThat(outbox.whereabouts(ref, "5678")).isInstanceOf(Outbox.Whereabouts.Waiting.class);
        assertThat(outbox.whereabouts(ref, "1234")).isInstanceOf(Outbox.Whereabouts.OtherDigits.class);
        assertThat(outbox.whereabouts(ref.substring(0, 10) + "ZZZZZZ", "5678")).isInstanceOf(Outbox.Whereabouts.Unknown.class);

        assertThat(worker(64 * 1024, new ArrayList<>()).drainOnce()).isEqualTo(1);
        // Sent: the phone is gone with the body, so any digits lead to the portal, which checks them.
        String code = outbox.store().find(ref).orElseThrow().dossierCode();
        assertThat(outbox.whereabouts(ref, "1234")).isEqualTo(new Outbox.Whereabouts.Sent(code));
    }

    @Test
    void offlineTheEntryWaitsAndGoesWhenThePortalIsBack() throws Exception {
        String ref = outbox.add(new Outbox.Submission("lltp-self", body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf("a.pdf", 5_000, 5)))));
        portal.faults("{\"rules\":[{\"endpoint\":\"*\",\"kind\":\"DROP_CONNECTION\"}]}");
        List<Boolean> online = new ArrayList<>();
        OutboxWorker w = worker(64 * 1024, online);
        assertThat(w.drainOnce()).isZero();
        OutboxStore.Entry waiting = outbox.store().find(ref).orElseThrow();
        assertThat(waiting.state()).isEqualTo(OutboxStore.State.QUEUED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("createDeviceSession").doesNotContain("NGUYỄN").doesNotContain("001095012345");
        assertThat(online).containsExactly(false);

        portal.noFaults();
        assertThat(w.drainOnce()).isEqualTo(1);
        assertThat(outbox.store().find(ref).orElseThrow().state()).isEqualTo(OutboxStore.State.SENT);
        assertThat(online).endsWith(true);
    }

    @Test
    void aDossierThePortalRefusesIsParkedWithItsReasonAndTheRestStillGo() throws Exception {
        String bad = outbox.add(new Outbox.Submission("lltp-self", body("lltp-self", "12345"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf("b.pdf", 5_000, 6)))));
        String good = outbox.add(new Outbox.Submission("lltp-self", body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf("c.pdf", 5_000, 7)))));
        assertThat(worker(64 * 1024, new ArrayList<>()).drainOnce()).isEqualTo(1);
        OutboxStore.Entry parked = outbox.store().find(bad).orElseThrow();
        assertThat(parked.state()).isEqualTo(OutboxStore.State.PARKED);
        assertThat(parked.parkedReason()).contains("createDossier 422").contains("$.applicant.phone").contains("Số điện thoại");
        assertThat(parked.bodyJson()).isNotNull(); // kept for staff to see and send again
        assertThat(outbox.store().find(good).orElseThrow().state()).isEqualTo(OutboxStore.State.SENT);
        // A parked entry is never picked up again on its own.
        assertThat(worker(64 * 1024, new ArrayList<>()).drainOnce()).isZero();
        assertThat(outbox.store().find(bad).orElseThrow().state()).isEqualTo(OutboxStore.State.PARKED);
    }

    @Test
    void whileADossierWaitsItsBodyPapersAndRefusalAreOnDiskOnlySealed() throws Exception {
        Path paper = dir.resolve("to-khai.pdf");
        Files.writeString(paper, "%PDF-1.7 NGUYỄN VĂN AN 001095012345", java.nio.charset.StandardCharsets.UTF_8);
        String ref = outbox.add(new Outbox.Submission("lltp-self", body("lltp-self", "12345"),
                List.of(new Outbox.Paper("declaration", "to-khai.pdf", paper))));
        Files.delete(paper);
        assertThat(worker(64 * 1024, new ArrayList<>()).drainOnce()).isZero(); // refused: parked with the portal's words
        OutboxStore.Entry parked = outbox.store().find(ref).orElseThrow();
        assertThat(parked.parkedReason()).contains("Số điện thoại");
        assertThat(outbox.open(ref, parked.documents().get(0))).asString(java.nio.charset.StandardCharsets.UTF_8)
                .startsWith("%PDF-1.7 NGUYỄN");

        List<Path> files;
        try (var walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> !f.startsWith(dir.resolve("portal"))).toList();
        }
        assertThat(files).isNotEmpty().noneSatisfy(f -> {
            String bytes = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(bytes).containsAnyOf(latin("NGUYỄN VĂN AN"), "001095012345", latin("Số điện thoại"));
        });
        assertThat(files).noneSatisfy(f -> assertThat(Files.readAllBytes(f)).startsWith("%PDF".getBytes()));
    }

    private static String latin(String text) {
        return new String(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void aConnectionDroppedMidUploadResumesFromThePortalsOffsetResendingLessThanAChunk() throws Exception {
        int size = 3 * 1024 * 1024;
        long chunk = 1024 * 1024;
        String ref = outbox.add(new Outbox.Submission("lltp-self", body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf("big.pdf", size, 8)))));
        portal.faults("{\"rules\":[{\"endpoint\":\"patchUpload\",\"kind\":\"DROP_MID_UPLOAD\",\"afterBytes\":300000,\"count\":2}]}");
        AtomicLong sentBytes = new AtomicLong();
        PortalClient client = new PortalClient(portal.endpoint(), PortalClient.defaultHttp(),
                new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(200)), d -> Thread.sleep(d.toMillis()), new Random(3));
        long[] lastReported = {0};
        TusUpload tus = new TusUpload(client, chunk, new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200)),
                d -> Thread.sleep(d.toMillis()), new Random(4));
        OutboxWorker w = new OutboxWorker(outbox, client, tus, new RetryPolicy(1, Duration.ZERO, Duration.ZERO), Clock.systemUTC(),
                new OutboxWorker.Listener() {
                    @Override
                    public void uploading(String localRef, int document, long bytes, long total) {
                        // Count bytes put on the wire: every forward step of the reported position.
                        // (After a drop the position goes back to the portal's offset; what follows is re-sent.)
                        if (bytes > lastReported[0]) {
                            sentBytes.addAndGet(bytes - lastReported[0]);
                        }
                        lastReported[0] = bytes;
                    }
                });
        assertThat(w.drainOnce()).isEqualTo(1);
        assertThat(outbox.store().find(ref).orElseThrow().state()).isEqualTo(OutboxStore.State.SENT);
        TrainingPortal.FiledDocument doc = portal.portal.filed().get(0).documents().get(0);
        assertThat(doc.receivedSha256()).isEqualTo(doc.announcedSha256());
        // Two drops, each after 300,000 bytes of a 1 MiB chunk: the portal kept those bytes, so the
        // kiosk re-sent at most the rest of each broken chunk, never the whole file again.
        long resent = sentBytes.get() - size;
        assertThat(resent).as("bytes re-sent").isBetween(1L, 2 * chunk);
    }
}
