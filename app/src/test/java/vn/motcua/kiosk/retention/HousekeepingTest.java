// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.drafts.DraftSealer;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.receipt.Receipts;
import vn.motcua.kiosk.receipt.Reprints;
import vn.motcua.kiosk.session.Expired;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.DraftStore;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.store.ReceiptStore;
import vn.motcua.kiosk.store.SessionStore;
import vn.motcua.kiosk.testing.TestClock;
import vn.motcua.kiosk.testing.TestKeys;

/**
 * The kiosk erases what is due by itself, on a real database, time moved by a test clock:
 * yesterday's reprint copies, refused dossiers past their days, interrupted and parked drafts.
 */
class HousekeepingTest {
    private static final Housekeeping.Rules RULES = new Housekeeping.Rules(Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(14));
    private static final String BODY = "{\"procedureId\":\"lltp-self\",\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\",\"phone\":\"0912345678\"}}";

    @TempDir
    Path dir;
    // 10:00 in Vietnam.
    final TestClock clock = new TestClock(Instant.parse("2026-11-22T03:00:00Z"));
    Database db;
    EventLog events;
    Reprints reprints;
    Outbox outbox;
    DraftStore drafts;
    SessionService sessions;
    Housekeeping housekeeping;

    @BeforeEach
    void open() {
        db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
        events = new EventLog(db, clock);
        reprints = new Reprints(new ReceiptStore(db), ref -> Optional.empty(), clock);
        outbox = new Outbox(new OutboxStore(db), dir.resolve("outbox"), clock);
        drafts = new DraftStore(db);
        sessions = newSessions();
        housekeeping = new Housekeeping(reprints, outbox, sessions::expire, events, RULES, clock);
    }

    private SessionService newSessions() {
        return new SessionService(new SessionStore(db), drafts, events, dir.resolve("sessions"), clock, new DraftSealer(new byte[16], 1_000));
    }

    @AfterEach
    void close() {
        housekeeping.close();
        sessions.close();
        db.close();
    }

    private String refusedDossier() throws Exception {
        Path pdf = Files.write(dir.resolve("a.pdf"), new byte[100]);
        String ref = outbox.add(new Outbox.Submission("lltp-self", BODY, List.of(new Outbox.Paper("idCard", "a.pdf", pdf))));
        outbox.store().parked(ref, "createDossier 422", clock.instant());
        return ref;
    }

    @Test
    void yesterdaysReprintCopiesGoJustAfterMidnightWithoutAnyScreenOpened() {
        reprints.remember(Receipts.filed(true));
        assertThat(housekeeping.runOnce().reprints()).isZero();
        assertThat(new ReceiptStore(db).all()).hasSize(1);

        clock.advance(Duration.ofHours(14).plus(Housekeeping.AFTER_MIDNIGHT)); // 00:00:30 the next day
        Housekeeping.Erased erased = housekeeping.runOnce();

        assertThat(erased).isEqualTo(new Housekeeping.Erased(1, 0, 0, 0));
        assertThat(new ReceiptStore(db).all()).isEmpty();
        Event event = events.recent(1).get(0);
        assertThat(event.type()).isEqualTo(EventType.RETENTION_ERASED);
        assertThat(event.detail()).isEqualTo("reprints=1 refusedOutbox=0 interruptedDrafts=0 parkedDrafts=0");
    }

    @Test
    void refusedDossiersPastTheirDaysBecomeExpiredTombstonesAndWaitingOnesStay() throws Exception {
        String old = refusedDossier();
        Path pdf = Files.write(dir.resolve("b.pdf"), new byte[100]);
        String waiting = outbox.add(new Outbox.Submission("lltp-self", BODY, List.of(new Outbox.Paper("idCard", "b.pdf", pdf))));
        clock.advance(Duration.ofDays(13));
        String recent = refusedDossier();
        assertThat(housekeeping.runOnce().refusedOutbox()).isZero();

        clock.advance(Duration.ofDays(1).plusMinutes(1)); // old: refused 14 days and a minute ago
        assertThat(housekeeping.runOnce().refusedOutbox()).isEqualTo(1);

        assertThat(outbox.store().find(old)).isEmpty();
        assertThat(dir.resolve("outbox").resolve(old)).doesNotExist();
        assertThat(outbox.whereabouts(old, "5678")).isEqualTo(new Outbox.Whereabouts.Cancelled(clock.instant(),
                vn.motcua.kiosk.outbox.DiscardReason.EXPIRED));
        assertThat(outbox.store().find(recent)).isPresent();
        assertThat(outbox.store().find(waiting)).isPresent();
        assertThat(events.recent(1).get(0).detail()).isEqualTo("reprints=0 refusedOutbox=1 interruptedDrafts=0 parkedDrafts=0");
    }

    @Test
    void anInterruptedDraftGoesOnceItsMinutesAreOverWhileTheKioskRuns() {
        // A session cut off by a crash: the next run finds its draft.
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", "Nguyễn Văn An");
        sessions.flush();
        sessions.close();
        sessions = newSessions();
        housekeeping = new Housekeeping(reprints, outbox, sessions::expire, events, RULES, clock);
        sessions.sweep(Duration.ofMinutes(15), Duration.ofDays(30)); // the start
        clock.advance(Duration.ofMinutes(10));
        assertThat(housekeeping.runOnce().interruptedDrafts()).isZero();
        assertThat(drafts.all()).hasSize(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(housekeeping.runOnce().interruptedDrafts()).isEqualTo(1);
        assertThat(drafts.all()).isEmpty();
    }

    @Test
    void theOpenSessionAndOnesThisRunBeganAreNeverTakenForInterrupted() {
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", "Nguyễn Văn An");
        sessions.flush();
        clock.advance(Duration.ofHours(2)); // a slow citizen: still at the screen
        assertThat(housekeeping.runOnce().interruptedDrafts()).isZero();
        assertThat(drafts.all()).hasSize(1);
    }

    @Test
    void parkedDraftsPastTheirDaysGo() {
        sessions.begin();
        sessions.acceptConsent();
        sessions.answer("applicant.name", "Nguyễn Văn An");
        sessions.park(1995);
        clock.advance(Duration.ofDays(29));
        assertThat(housekeeping.runOnce().parkedDrafts()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(housekeeping.runOnce().parkedDrafts()).isEqualTo(1);
        assertThat(drafts.all()).isEmpty();
    }

    @Test
    void nothingDueLeavesNoEvent() {
        int before = events.recent(100).size();
        assertThat(housekeeping.runOnce().total()).isZero();
        assertThat(events.recent(100)).hasSize(before);
    }

    @Test
    void theNextRunIsInTenMinutesOrJustAfterMidnightIfThatComesFirst() {
        assertThat(Housekeeping.untilNextRun(Instant.parse("2026-11-22T03:00:00Z"))).isEqualTo(Duration.ofMinutes(10)); // 10:00
        assertThat(Housekeeping.untilNextRun(Instant.parse("2026-11-22T16:55:00Z"))) // 23:55
                .isEqualTo(Duration.ofMinutes(5).plus(Housekeeping.AFTER_MIDNIGHT));
        assertThat(Housekeeping.untilNextRun(Instant.parse("2026-11-22T17:00:10Z"))) // 00:00:10
                .isEqualTo(Housekeeping.AFTER_MIDNIGHT.minusSeconds(10));
        assertThat(Housekeeping.untilNextRun(Instant.parse("2026-11-22T17:00:30Z"))).isEqualTo(Duration.ofMinutes(10)); // 00:00:30
    }

    @Test
    void startedItRunsByItselfOffTheCallersThread() throws Exception {
        // 00:00:29.95 in Vietnam: the after-midnight run is 50 ms away.
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-22T17:00:29.950Z")));
        CountDownLatch ran = new CountDownLatch(1);
        String[] thread = new String[1];
        housekeeping = new Housekeeping(reprints, outbox, (window, parked) -> {
            thread[0] = Thread.currentThread().getName();
            ran.countDown();
            return new Expired(0, 0);
        }, events, RULES, clock);
        housekeeping.start();
        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(thread[0]).isEqualTo("housekeeping");
    }
}
