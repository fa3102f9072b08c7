package vn.motcua.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("kiosk.db"));
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
        db.close();
    }

    @Test
    void nothingPersonalIsTakenBeforeConsent() {
        sessions.begin();
        assertThatThrownBy(() -> sessions.answer("applicant.name", NAME)).isInstanceOf(IllegalStateException.class);
        assertThat(drafts.all()).isEmpty();
    }

    @Test
    void everyAnswerIsSavedBeforeTheCallReturns() {
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        sessions.answer("applicant.id", ID_NUMBER);
        Draft d = drafts.all().get(0);
        assertThat(d.revision()).isEqualTo(3);
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

        Erasure erasure = sessions.end(EndReason.FINISHED);

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
        Erasure erasure = sessions.declineConsent();
        assertThat(erasure.draftsDeleted()).isZero();
        assertThat(s.workFolder()).doesNotExist();
        assertThat(sessions.current()).isEmpty();
        assertThat(events.recent(10)).extracting(Event::type).containsSubsequence(
                EventType.SESSION_STARTED, EventType.CONSENT_DECLINED, EventType.SESSION_ERASED, EventType.SESSION_ENDED);
        assertThat(events.recent(1).get(0).detail()).isEqualTo("reason=CONSENT_DECLINED");
    }

    @Test
    void theEventLogNeverCarriesPersonalData() {
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        sessions.answer("applicant.id", ID_NUMBER);
        sessions.end(EndReason.TIMEOUT);
        assertThat(events.recent(100)).allSatisfy(e -> assertThat(String.valueOf(e.detail()) + e.sessionId())
                .doesNotContain(ID_NUMBER).doesNotContain(NAME).doesNotContain("Nguy"));
    }

    @Test
    void aSessionCutOffByACrashWaitsForItsResumeWindowThenIsErased() throws Exception {
        KioskSession s = sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", NAME);
        Files.write(s.workFolder().resolve("scan.jpg"), new byte[10]);
        // The kiosk dies here: no end(). A new process starts with a new service on the same data.
        SessionService afterCrash = newService();
        clock.advance(Duration.ofMinutes(5));
        afterCrash.sweep(Duration.ofMinutes(15), Duration.ofDays(30));
        assertThat(drafts.all()).hasSize(1);
        assertThat(s.workFolder()).exists();

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
        assertThat(events.recent(3)).extracting(Event::detail).contains("reason=PARKED");

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
        db = Database.open(dir.resolve("kiosk.db"));
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
        sessions.end(EndReason.FINISHED);
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

    @Test
    void resumeCodesAreForgivingToType() {
        ResumeCode code = ResumeCode.random();
        assertThat(ResumeCode.parse(code.display().toLowerCase())).contains(code);
        assertThat(ResumeCode.parse(" " + code.value().substring(0, 3) + " " + code.value().substring(3))).contains(code);
        assertThat(ResumeCode.parse("ABC10O")).isEmpty();
        assertThat(code.toString()).doesNotContain(code.value());
    }
}
