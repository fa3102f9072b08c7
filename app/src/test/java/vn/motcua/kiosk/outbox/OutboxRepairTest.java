// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.RetryPolicy;
import vn.motcua.kiosk.portal.TusUpload;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.testing.TestKeys;
import vn.motcua.portal.training.TrainingPortal;

/**
 * Issue 18's parked dossier, mended by the kiosk: an unfinished upload on the portal that none of
 * the entry's documents uses (made here by a raw creation without a key, as a late request from an
 * older client would) is terminated and the dossier submitted, over real HTTP to the training
 * portal; an entry parked for it by an older kiosk, and staff's "Gửi lại", go the same way.
 */
class OutboxRepairTest {
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

    /** The kiosk's client, which makes an orphan upload on the dossier just before its first {@code orphansBeforeSubmit} submits. */
    private OutboxWorker worker(int orphansBeforeSubmit, AtomicInteger made) {
        OkHttpClient http = PortalClient.defaultHttp().newBuilder().addInterceptor(chain -> {
            Request r = chain.request();
            if (r.url().encodedPath().endsWith("/submit") && made.get() < orphansBeforeSubmit) {
                made.incrementAndGet();
                String documents = r.url().toString().replaceAll("/submit$", "/documents");
                orphan(documents, r.header("Authorization"));
            }
            return chain.proceed(r);
        }).build();
        PortalClient client = new PortalClient(portal.endpoint(), http, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)),
                d -> { }, new Random(1));
        TusUpload tus = new TusUpload(client, 64 * 1024, new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)), d -> { },
                new Random(2));
        return new OutboxWorker(outbox, client, tus, new RetryPolicy(1, Duration.ZERO, Duration.ZERO), Clock.systemUTC(), null);
    }

    /** A tus creation with no Idempotency-Key for the same paper: a second upload nobody will finish. */
    private static void orphan(String documentsUrl, String authorization) throws java.io.IOException {
        String meta = "filename " + b64("cccd.pdf") + ",documentType " + b64("idCard") + ",sha256 " + b64("0".repeat(64));
        Request create = new Request.Builder().url(documentsUrl).header("Authorization", authorization).header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", "5000").header("Upload-Metadata", meta).post(RequestBody.create(new byte[0], null)).build();
        try (Response r = new OkHttpClient().newCall(create).execute()) {
            assertThat(r.code()).as("the orphan was made").isEqualTo(201);
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private String queue() throws Exception {
        byte[] pdf = new byte[5_000];
        new Random(18).nextBytes(pdf);
        Path file = Files.write(dir.resolve("cccd.pdf"), pdf);
        return outbox.add(new Outbox.Submission("lltp-self", OutboxTest.body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", file))));
    }

    private void assertSubmittedWithNoOrphan(String ref) throws Exception {
        OutboxStore.Entry e = outbox.store().find(ref).orElseThrow();
        assertThat(e.state()).as("sent, not parked").isEqualTo(OutboxStore.State.SENT);
        TrainingPortal.Filed f = portal.portal.filed().stream().filter(d -> ref.equals(d.localReference())).findFirst().orElseThrow();
        assertThat(f.state()).isEqualTo("SUBMITTED");
        assertThat(f.code()).isEqualTo(e.dossierCode());
        assertThat(f.documents()).as("one complete upload, the orphan terminated").extracting(TrainingPortal.FiledDocument::state)
                .containsExactlyInAnyOrder("COMPLETE", "TERMINATED");
    }

    @Test
    void anOrphanUploadThatBlocksSubmitIsTerminatedAndTheDossierSentNotParked() throws Exception {
        String ref = queue();
        AtomicInteger made = new AtomicInteger();
        assertThat(worker(1, made).drainOnce()).isEqualTo(1);
        assertThat(made).hasValue(1);
        assertSubmittedWithNoOrphan(ref);
    }

    @Test
    void anOrphanThatComesBackAfterTheRepairWaitsForTheNextRoundNeverParks() throws Exception {
        String ref = queue();
        AtomicInteger made = new AtomicInteger();
        OutboxWorker w = worker(2, made);
        assertThat(w.drainOnce()).isZero();
        assertThat(outbox.store().find(ref).orElseThrow().state()).isEqualTo(OutboxStore.State.QUEUED);
        assertThat(w.drainOnce()).isEqualTo(1);
        assertThat(outbox.store().find(ref).orElseThrow().state()).isEqualTo(OutboxStore.State.SENT);
        assertThat(portal.portal.filed().get(0).documents()).extracting(TrainingPortal.FiledDocument::state)
                .containsExactlyInAnyOrder("COMPLETE", "TERMINATED", "TERMINATED");
    }

    @Test
    void anEntryParkedForAnUnfinishedUploadIsMendedAtStartAndStaffResendReadsThePortalFirst() throws Exception {
        // As an older kiosk left it: documents uploaded, an orphan beside them, parked on submit's 409.
        String parked = queue();
        String resent = queue();
        AtomicInteger made = new AtomicInteger();
        OutboxWorker w = worker(0, made);
        portal.faults("{\"rules\":[{\"endpoint\":\"submitDossier\",\"kind\":\"ERROR\",\"status\":503}]}");
        assertThat(w.drainOnce()).isZero();
        portal.noFaults();
        for (String ref : List.of(parked, resent)) {
            OutboxStore.Entry e = outbox.store().find(ref).orElseThrow();
            assertThat(e.documents()).allSatisfy(d -> assertThat(d.uploaded()).isTrue());
            String token = new PortalClient(portal.endpoint()).login().accessToken();
            orphan(portal.portal.apiUrl() + "/dossiers/" + e.dossierId() + "/documents", "Bearer " + token);
            outbox.store().parked(ref, "submitDossier 409: Không thực hiện được ở trạng thái hiện tại — an upload of this dossier is not complete",
                    Instant.now());
        }
        outbox.store().parked(resent, "createDossier 422: Hồ sơ chưa hợp lệ", Instant.now()); // not one the kiosk mends alone

        assertThat(w.requeueRepairable()).isEqualTo(1);
        assertThat(outbox.store().find(resent).orElseThrow().state()).isEqualTo(OutboxStore.State.PARKED);
        assertThat(outbox.resend(resent)).as("staff's Gửi lại").isTrue();
        assertThat(w.drainOnce()).isEqualTo(2);
        assertSubmittedWithNoOrphan(parked);
        assertSubmittedWithNoOrphan(resent);
    }
}
