package vn.motcua.kiosk.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.drafts.DraftSealer;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.DraftStore;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.store.SessionStore;
import vn.motcua.kiosk.testing.TestClock;
import vn.motcua.kiosk.testing.TestKeys;

/**
 * A session cut off by a crash is offered again to the next run, on the real SQLite file: only
 * non-personal facts before the birth year is given; once taken up it is gone for good.
 */
class InterruptedDraftsTest {
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final String NAME = "Nguyễn Văn An";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();
    private Database db;
    private DraftStore drafts;
    private EventLog events;
    private CatalogueService catalogue;
    private SessionService crashed;
    private SessionService afterCrash;
    private InterruptedDrafts offers;

    @BeforeEach
    void open() throws Exception {
        db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
        drafts = new DraftStore(db);
        events = new EventLog(db, clock);
        catalogue = CatalogueService.load(ConfigSource.embedded(), clock);
        crashed = newService();
    }

    private SessionService newService() {
        return new SessionService(new SessionStore(db), drafts, events, dir.resolve("sessions"), clock,
                new DraftSealer(new byte[16], 1_000));
    }

    @AfterEach
    void close() {
        crashed.close();
        if (afterCrash != null) {
            afterCrash.close();
        }
        db.close();
    }

    /** An LLTP form half filled, then the process dies (no end); the next run starts and sweeps. */
    private KioskSession cutOffMidForm() throws Exception {
        KioskSession s = crashed.begin();
        crashed.acceptConsent();
        crashed.chooseProcedure("lltp-self");
        crashed.answer("fullName", NAME);
        crashed.answer("birthDate", "1995-03-14");
        crashed.moveTo(Step.PAPERS);
        crashed.flush();
        Files.write(s.workFolder().resolve("scan.jpg"), new byte[10]);
        restart();
        return s;
    }

    private void restart() {
        clock.advance(Duration.ofMinutes(5));
        afterCrash = newService();
        afterCrash.sweep(WINDOW, Duration.ofDays(30));
        offers = new InterruptedDrafts(afterCrash, new ApplicantBirthYear(catalogue), WINDOW, clock);
    }

    private void consentedSession() {
        afterCrash.begin();
        afterCrash.acceptConsent();
    }

    @Test
    void theNextRunOffersItWithoutPersonalDataAndTheRightBirthYearBringsTheAnswersBackOnce() throws Exception {
        Instant savedAt = clock.instant();
        KioskSession old = cutOffMidForm();

        List<InterruptedDraft> offered = offers.offers();
        assertThat(offered).containsExactly(new InterruptedDraft(old.id(), "lltp-self", savedAt, savedAt.plus(WINDOW)));
        assertThat(offered.toString()).doesNotContain(NAME).doesNotContain("1995");
        assertThat(offers.open(offered.get(0))).isTrue();

        consentedSession();
        assertThat(offers.resume(old.id(), 1996)).isEqualTo(new SessionService.Resume.WrongCode(4));
        assertThat(afterCrash.current().orElseThrow().answers()).isEmpty();

        assertThat(offers.resume(old.id(), 1995)).isEqualTo(new SessionService.Resume.Restored(Step.FORM));
        KioskSession now = afterCrash.current().orElseThrow();
        assertThat(now.answers()).containsEntry("fullName", NAME).containsEntry("birthDate", "1995-03-14");
        assertThat(now.procedureId()).isEqualTo("lltp-self");
        assertThat(now.documents()).isEmpty();

        // The interrupted record is erased: its draft row, its folder; the new session holds the one copy.
        assertThat(drafts.workingDraft(old.id())).isEmpty();
        assertThat(drafts.all()).singleElement().satisfies(d -> assertThat(d.sessionId()).isEqualTo(now.id()));
        assertThat(old.workFolder()).doesNotExist();
        assertThat(new SessionStore(db).interrupted()).extracting(SessionStore.Interrupted::id).doesNotContain(old.id());
        assertThat(offers.offers()).isEmpty();

        afterCrash.end(EndReason.FINISHED).join();
        consentedSession();
        assertThat(offers.resume(old.id(), 1995)).isEqualTo(new SessionService.Resume.Gone());
        assertThat(afterCrash.current().orElseThrow().answers()).isEmpty();

        List<Event> logged = events.recent(100);
        assertThat(logged).extracting(Event::type)
                .contains(EventType.DRAFT_RESUME_REFUSED, EventType.INTERRUPTED_DRAFT_RESUMED, EventType.INTERRUPTED_SESSION_ERASED);
        assertThat(logged).allSatisfy(e -> assertThat(String.valueOf(e.detail()))
                .doesNotContain("Nguy").doesNotContain("1995").doesNotContain("lltp"));
    }

    @Test
    void theOfferEndsWithItsWindowAndTheHousekeepingErasesIt() throws Exception {
        KioskSession old = cutOffMidForm();
        InterruptedDraft offer = offers.offers().get(0);
        clock.advance(Duration.ofMinutes(10));
        assertThat(offers.open(offer)).isFalse();
        assertThat(offers.offers()).isEmpty();
        consentedSession();
        assertThat(offers.resume(old.id(), 1995)).isEqualTo(new SessionService.Resume.Gone());

        assertThat(afterCrash.expire(WINDOW, Duration.ofDays(30)).interruptedDrafts()).isEqualTo(1);
        assertThat(drafts.workingDraft(old.id())).isEmpty();
    }

    @Test
    void thisRunsOwnSessionsAFiledDossierAndAnswersWithoutABirthYearAreNotOffered() throws Exception {
        KioskSession filed = crashed.begin();
        crashed.acceptConsent();
        crashed.chooseProcedure("lltp-self");
        crashed.answer("birthDate", "1980-01-01");
        crashed.filed("KIOSK-0001");
        crashed.flush();
        crashed.end(EndReason.FINISHED).join(); // a finished one is not interrupted at all
        KioskSession noYear = crashed.begin();
        crashed.acceptConsent();
        crashed.chooseProcedure("lltp-self");
        crashed.answer("fullName", NAME);
        crashed.flush();
        restart();
        assertThat(offers.offers()).isEmpty();
        assertThat(filed.id()).isNotEqualTo(noYear.id());

        // The next run's own session, cut short by nothing yet, is not an earlier run's.
        consentedSession();
        afterCrash.chooseProcedure("lltp-self");
        afterCrash.answer("birthDate", "1990-05-05");
        afterCrash.flush();
        assertThat(offers.offers()).isEmpty();
    }

    @Test
    void formsWithoutABirthDateAreCheckedAgainstTheYearInTheApplicantsIdNumber() throws Exception {
        KioskSession old = crashed.begin();
        crashed.acceptConsent();
        crashed.chooseProcedure("trich-luc-ho-tich");
        crashed.answer("applicant.idNumber", "001095012345");
        crashed.answer("subject.birthDate", "1960-01-01"); // someone else's: never the check
        crashed.flush();
        restart();
        assertThat(offers.offers()).extracting(InterruptedDraft::sessionId).containsExactly(old.id());
        consentedSession();
        assertThat(offers.resume(old.id(), 1960)).isInstanceOf(SessionService.Resume.WrongCode.class);
        assertThat(offers.resume(old.id(), 1995)).isEqualTo(new SessionService.Resume.Restored(Step.APPLICANT));
    }

    @Test
    void reachingTheLockErasesTheInterruptedDraftABirthYearIsTooEasyToGuess() throws Exception {
        KioskSession old = cutOffMidForm();
        consentedSession();
        for (int year = 1990; year < 1994; year++) {
            assertThat(offers.resume(old.id(), year)).isInstanceOf(SessionService.Resume.WrongCode.class);
        }
        assertThat(offers.resume(old.id(), 1994)).isInstanceOf(SessionService.Resume.LockedAndErased.class);
        afterCrash.flush();
        assertThat(drafts.workingDraft(old.id())).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(offers.resume(old.id(), 1995)).isEqualTo(new SessionService.Resume.Gone());
        assertThat(afterCrash.current().orElseThrow().answers()).isEmpty();
    }
}
