package vn.motcua.kiosk.session;

import vn.motcua.kiosk.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.drafts.DraftSealer;
import vn.motcua.kiosk.drafts.ResumeCode;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.Draft;
import vn.motcua.kiosk.store.DraftStore;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.store.SessionStore;
import vn.motcua.kiosk.testing.TestClock;

class SessionServiceTest {
    private static final String ID_NUMBER = "001095012345";
    private static final String NAME = "Nguyễn Văn An";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private Database db;
    private DraftStore drafts;
    private EventLog events;
    private SessionService sessions;
    private HeldWrites heldWrites;

    @BeforeEach
    void open() {
        db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
        drafts = new DraftStore(db);
        events = new EventLog(db, clock);
        sessions = newService();
    }

    private SessionService newService() {
        return new SessionService(new SessionStore(db), drafts, events, dir.resolve("sessions"), clock,
                new DraftSealer(new byte[16], 1_000));
    }

    @AfterEach
    void close() {
        if (heldWrites != null) {
            heldWrites.letGo();
        }
        sessions.close();
        db.close();
    }

    @Test
    void nothingPersonalIsTakenBeforeConsent() {
        sessions.begin();
        assertThatThrownBy(() -> sessions.answer("applicant.name", NAME)).isInstanceOf(IllegalStateException.class);
        sessions.flush();
        assertThat(drafts.all()).isEmpty();
    }

    @Test
    void everyAnswerIsInTheDraftOnceFlushed() {
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        sessions.answer("applicant.id", ID_NUMBER);
        sessions.flush();
        Draft d = drafts.all().get(0);
        assertThat(d.revision()).isBetween(1L, 3L);
        assertThat(new String(d.payload(), StandardCharsets.UTF_8)).contains(NAME, ID_NUMBER, "PROCEDURE");
    }

    @Test
    void endingErasesMemoryFilesAndDraftsAndSaysSo() throws Exception {
        KioskSession s = sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        Files.createDirectories(s.workFolder().resolve("scans"));
        Files.write(s.workFolder().resolve("scans/page-1.jpg"), new byte[1024]);
        Files.write(s.workFolder().resolve("id-card.png"), new byte[512]);
        sessions.flush(); // the draft is on disk (a save not yet made when the session ends is never made)

        Erasure erasure = sessions.end(EndReason.FINISHED).join();

        assertThat(erasure).isEqualTo(new Erasure(2, 1, 1, false));
        assertThat(s.workFolder()).doesNotExist();
        assertThat(s.answers()).isEmpty();
        assertThat(drafts.all()).isEmpty();
        assertThat(sessions.current()).isEmpty();
        assertThat(events.recent(10)).extracting(Event::type).containsSubsequence(
                EventType.SESSION_STARTED, EventType.CONSENT_GIVEN, EventType.SESSION_ERASED, EventType.SESSION_ENDED);
    }

    @Test
    void decliningEndsAtOnceWithNothingKept() {
        KioskSession s = sessions.begin();
        Erasure erasure = sessions.declineConsent().join();
        assertThat(erasure.draftsDeleted()).isZero();
        assertThat(s.workFolder()).doesNotExist();
        assertThat(sessions.current()).isEmpty();
        assertThat(events.recent(10)).extracting(Event::type).containsSubsequence(
                EventType.SESSION_STARTED, EventType.CONSENT_DECLINED, EventType.SESSION_ERASED, EventType.SESSION_ENDED);
        assertThat(events.recent(1).get(0).detail()).isEqualTo("reason=CONSENT_DECLINED step=CONSENT");
    }

    @Test
    void theEventLogNeverCarriesPersonalData() {
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        sessions.answer("applicant.id", ID_NUMBER);
        sessions.end(EndReason.TIMEOUT).join();
        assertThat(events.recent(100)).allSatisfy(e -> assertThat(String.valueOf(e.detail()) + e.sessionId())
                .doesNotContain(ID_NUMBER).doesNotContain(NAME).doesNotContain("Nguy"));
    }

    @Test
    void aSessionCutOffByACrashKeepsItsSealedDraftForTheResumeWindowButNotItsPapers() throws Exception {
        KioskSession s = sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        sessions.flush();
        Files.write(s.workFolder().resolve("scan.jpg"), new byte[10]);
        // The kiosk dies here: no end(). A new process starts with a new service on the same data.
        SessionService afterCrash = newService();
        clock.advance(Duration.ofMinutes(5));
        afterCrash.sweep(Duration.ofMinutes(15), Duration.ofDays(30));
        assertThat(drafts.all()).hasSize(1);
        // The papers are plain files and a draft restores answers only: they go at the first start.
        assertThat(s.workFolder()).doesNotExist();

        clock.advance(Duration.ofMinutes(11));
        afterCrash.sweep(Duration.ofMinutes(15), Duration.ofDays(30));
        assertThat(drafts.all()).isEmpty();
        assertThat(s.workFolder()).doesNotExist();
        assertThat(events.recent(1).get(0).type()).isEqualTo(EventType.INTERRUPTED_SESSION_ERASED);
    }

    @Test
    void foldersNobodyKnowsAreErasedAtStart() throws Exception {
        Path stray = dir.resolve("sessions/unknown");
        Files.createDirectories(stray);
        Files.write(stray.resolve("scan.jpg"), new byte[10]);
        sessions.sweep(Duration.ofMinutes(15), Duration.ofDays(30));
        assertThat(stray).doesNotExist();
    }

    @Test
    void aParkedDraftOutlivesItsSessionUntilItExpires() {
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        sessions.park(1995);
        assertThat(sessions.current()).isEmpty();
        assertThat(drafts.all()).hasSize(1);
        assertThat(events.recent(3)).extracting(Event::detail).contains("reason=PARKED step=PROCEDURE");

        clock.advance(Duration.ofDays(31));
        sessions.sweep(Duration.ofMinutes(15), Duration.ofDays(30));
        assertThat(drafts.all()).isEmpty();
        assertThat(events.recent(1).get(0).type()).isEqualTo(EventType.PARKED_DRAFTS_EXPIRED);
    }

    private ResumeCode parkAnAnsweredDraft() {
        sessions.begin();
        sessions.acceptConsent();
        sessions.chooseProcedure("lltp-self");
        sessions.recordDueDate(java.time.LocalDate.of(2026, 12, 7));
        sessions.answer("applicant.name", NAME);
        sessions.answer("applicant.id", ID_NUMBER);
        sessions.moveTo(Step.FORM);
        return sessions.park(1995);
    }

    @Test
    void aParkedDraftIsSealedSoTheDatabaseFileRevealsNothing() throws Exception {
        ResumeCode code = parkAnAnsweredDraft();
        db.close();
        for (String file : new String[] {"kiosk.db", "kiosk.db-wal"}) {
            Path p = dir.resolve(file);
            if (Files.exists(p)) {
                String bytes = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                String utf8 = new String(NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file).doesNotContain(ID_NUMBER).doesNotContain(utf8).doesNotContain(code.value());
            }
        }
        db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
    }

    @Test
    void resumingRestoresEveryAnswerAndTheStepInANewSession() {
        ResumeCode code = parkAnAnsweredDraft();
        KioskSession next = sessions.begin();
        sessions.acceptConsent();
        assertThat(sessions.resume(code, 1995)).isEqualTo(new SessionService.Resume.Restored(Step.FORM));
        assertThat(next.answers()).containsEntry("applicant.name", NAME).containsEntry("applicant.id", ID_NUMBER);
        assertThat(next.step()).isEqualTo(Step.FORM);
        assertThat(next.procedureId()).isEqualTo("lltp-self");
        assertThat(next.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 7));
        // Resumed: no parked copy is left behind; the session's own draft carries on.
        assertThat(drafts.all()).hasSize(1).allSatisfy(d -> assertThat(d.parked()).isFalse());
        sessions.end(EndReason.FINISHED).join();
        assertThat(drafts.all()).isEmpty();
    }

    @Test
    void aWrongCodeOrBirthYearRestoresNothingAndCountsDownToALock() {
        ResumeCode code = parkAnAnsweredDraft();
        KioskSession next = sessions.begin();
        sessions.acceptConsent();
        assertThat(sessions.resume(code, 1996)).isEqualTo(new SessionService.Resume.WrongCode(4));
        ResumeCode other = ResumeCode.parse(code.value().equals("AAAAAA") ? "BBBBBB" : "AAAAAA").orElseThrow();
        for (int left = 3; left >= 1; left--) {
            assertThat(sessions.resume(other, 1995)).isEqualTo(new SessionService.Resume.WrongCode(left));
        }
        assertThat(sessions.resume(other, 1995)).isInstanceOf(SessionService.Resume.Locked.class);
        // Even the right code waits out the lock.
        assertThat(sessions.resume(code, 1995)).isInstanceOf(SessionService.Resume.Locked.class);
        assertThat(next.answers()).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(sessions.resume(code, 1995)).isEqualTo(new SessionService.Resume.Restored(Step.FORM));
    }

    /**
     * Holds every database write made on another thread than the test's until {@link #letGo()}:
     * what the session does meanwhile shows what waits for the disk and what does not.
     */
    private final class HeldWrites implements Runnable {
        private final Thread test = Thread.currentThread();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch letGo = new CountDownLatch(1);
        private final AtomicInteger writes = new AtomicInteger();

        HeldWrites() {
            db.beforeEachWrite(this);
            heldWrites = this;
        }

        @Override
        public void run() {
            writes.incrementAndGet();
            if (Thread.currentThread() != test) {
                held.countDown();
                try {
                    letGo.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Whether a write reached another thread (and is held there). */
        boolean holding() throws InterruptedException {
            return held.await(20, TimeUnit.SECONDS);
        }

        void letGo() {
            letGo.countDown();
        }
    }

    @Test
    void answersTypedWhileTheDiskIsBusyBecomeOneWriteOfTheLatest() throws Exception {
        sessions.begin();
        sessions.acceptConsent();
        sessions.flush();
        HeldWrites disk = new HeldWrites();
        String name = "Nguyễn Văn An Bình";
        sessions.answer("applicant.name", name.substring(0, 1));
        assertThat(disk.holding()).as("the first keystroke's save runs on the session's writer").isTrue();
        for (int typed = 2; typed <= name.length(); typed++) {
            sessions.answer("applicant.name", name.substring(0, typed));
        }
        disk.letGo();
        sessions.flush();
        // The held save and one more with the latest answer: never one per keystroke.
        assertThat(disk.writes.get()).isLessThanOrEqualTo(2);
        assertThat(new String(drafts.all().get(0).payload(), StandardCharsets.UTF_8)).contains("\"" + name + "\"");
    }

    @Test
    void theNextSessionTouchesTheDiskOnlyOnceThePreviousIsErased() throws Exception {
        KioskSession first = sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        sessions.flush();
        Files.write(first.workFolder().resolve("scan.jpg"), new byte[10]);
        HeldWrites disk = new HeldWrites();

        sessions.end(EndReason.FINISHED);
        KioskSession next = sessions.begin();
        assertThat(disk.holding()).as("the erasure runs on the session's writer").isTrue();
        assertThat(sessions.current()).containsSame(next);
        assertThat(first.answers()).isEmpty();
        assertThat(next.workFolder()).as("the next session waits for the erasure").doesNotExist();

        disk.letGo();
        sessions.flush();
        assertThat(first.workFolder()).doesNotExist();
        assertThat(next.workFolder()).exists();
        // Read through another connection: the erasure is committed (WAL included), not just done in memory.
        try (Database other = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            assertThat(new DraftStore(other).all()).noneMatch(d -> d.sessionId().equals(first.id()));
            assertThat(new EventLog(other, clock).recent(10)).extracting(Event::type).containsSubsequence(
                    EventType.SESSION_ERASED, EventType.SESSION_ENDED, EventType.SESSION_STARTED);
        }
    }

    @Test
    void whileADraftIsSealedTheSessionStillAnswers() throws Exception {
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        sessions.flush();
        HeldWrites disk = new HeldWrites();
        CompletableFuture<ResumeCode> parking = CompletableFuture.supplyAsync(() -> sessions.park(1995));
        assertThat(disk.holding()).as("parking is writing").isTrue();

        // What the screens ask meanwhile is answered at once, not after the key derivation and the write.
        CompletableFuture<Optional<KioskSession>> asked = CompletableFuture.supplyAsync(sessions::current);
        assertThat(asked.get(20, TimeUnit.SECONDS)).isPresent();

        disk.letGo();
        assertThat(parking.get(20, TimeUnit.SECONDS)).isNotNull();
        sessions.flush();
        assertThat(sessions.current()).isEmpty();
        assertThat(drafts.all()).singleElement().satisfies(d -> assertThat(d.parked()).isTrue());
    }

    @Test
    void resumeCodesAreForgivingToType() {
        ResumeCode code = ResumeCode.random();
        assertThat(ResumeCode.parse(code.display().toLowerCase())).contains(code);
        assertThat(ResumeCode.parse(" " + code.value().substring(0, 3) + " " + code.value().substring(3))).contains(code);
        assertThat(ResumeCode.parse("ABC10O")).isEmpty();
        assertThat(code.toString()).doesNotContain(code.value());
    }
}
