package vn.motcua.kiosk.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.testing.TestClock;
import vn.motcua.kiosk.testing.TestKeys;

class FiguresTest {
    @TempDir
    Path dir;

    /** Sunday 1 November (this month, an earlier week), Monday 23 November (this week), Wednesday 25 (today). */
    @Test
    void todayThisWeekAndThisMonthCountTheirOwnEventsInTheKiosksTimeZone() {
        // 2026-11-01 10:00 in Vietnam: this month, not this week.
        TestClock clock = new TestClock(Instant.parse("2026-11-01T03:00:00Z"));
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            EventLog events = new EventLog(db, clock);
            session(events, clock, "a", "FINISHED", "lltp-self", 10);
            // Monday 23 November, 08:00 in Vietnam (01:00 UTC): this week, not today.
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-23T01:00:00Z")));
            session(events, clock, "b", "TIMEOUT", null, 3);
            events.record(EventType.HELP_REQUESTED, "b", "chime=heard");
            events.record(EventType.HELP_ANSWERED, "b", "waitedSeconds=40 chimes=2");
            // Wednesday 25 November, 00:30 in Vietnam (24 November 17:30 UTC): today, just after midnight.
            clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-24T17:30:00Z")));
            session(events, clock, "c", "FINISHED", "lltp-self", 4);
            session(events, clock, "d", "FINISHED", "birth-registration", 6);
            events.record(EventType.SESSION_STARTED, "e", null);
            events.record(EventType.SESSION_ENDED, "e", "reason=CONSENT_DECLINED");
            events.record(EventType.HELP_REQUESTED, "d", "chime=heard");
            events.record(EventType.HELP_ANSWERED, "d", "waitedSeconds=11 chimes=1");
            events.record(EventType.HELP_REQUESTED, "d", "chime=silent");
            events.record(EventType.HELP_ANSWERED, "d", "waitedSeconds=20 chimes=1");
            events.record(EventType.STAFF_ACTION, null, "action=reprint staff=Lan");
            events.record(EventType.SESSION_HELPED, "c", "volunteer=Nguyễn_Lan");
            events.record(EventType.SESSION_HELPED, "d", "volunteer=Hoa");
            clock.advance(Duration.ofHours(2));

            Figures figures = new Figures(events, clock);
            Figures.Tally today = figures.of(Period.TODAY);
            assertThat(today).isEqualTo(new Figures.Tally(3, 1, 2, 0, 0, 2,
                    Map.of("birth-registration", 1, "lltp-self", 1), 2, 2, 16, 1, new Figures.Spread(300, 360), 2, Map.of("Hoa", 1, "Nguyễn Lan", 1),
                    new Figures.Dossiers(0, 2, Map.of(), 0, 0, 0, 0), Map.of()));
            assertThat(today.filedByProcedure().keySet()).containsExactly("birth-registration", "lltp-self");
            Figures.Tally week = figures.of(Period.THIS_WEEK);
            assertThat(week).isEqualTo(new Figures.Tally(4, 1, 2, 1, 0, 2,
                    Map.of("birth-registration", 1, "lltp-self", 1), 3, 3, 24, 1, new Figures.Spread(300, 360), 2, Map.of("Hoa", 1, "Nguyễn Lan", 1),
                    new Figures.Dossiers(0, 2, Map.of(), 0, 0, 0, 0), Map.of()));
            Figures.Tally month = figures.of(Period.THIS_MONTH);
            assertThat(month.sessionsStarted()).isEqualTo(5);
            assertThat(month.sessionsFinished()).isEqualTo(3);
            assertThat(month.filedByProcedure()).isEqualTo(Map.of("birth-registration", 1, "lltp-self", 2));
            // Consent to filed: 10, 4 and 6 minutes; the 90th percentile by nearest rank is the longest of three.
            assertThat(month.fileSeconds()).isEqualTo(new Figures.Spread(400, 600));
        }
    }

    @Test
    void dossiersOnlineOrQueuedFeesPagesSignaturesAndWhereSessionsWereAbandoned() {
        TestClock clock = new TestClock();
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            EventLog events = new EventLog(db, clock);
            events.record(EventType.DOSSIER_FILED, "a", "procedure=lltp-self level=full papers=2 pages=3 signed=1 fee=200000");
            events.record(EventType.DOSSIER_SENT, null, "procedure=lltp-self waitedSeconds=4");
            events.record(EventType.PAYMENT_CONFIRMED, "a", "amount=200000");
            events.record(EventType.SESSION_ENDED, "a", "reason=FINISHED step=RECEIPT");
            events.record(EventType.DOSSIER_FILED, "b", "procedure=khai-sinh level=partial papers=1 pages=2 signed=0 fee=0");
            events.record(EventType.SESSION_ENDED, "b", "reason=FINISHED step=RECEIPT");
            events.record(EventType.DOSSIER_FILED, "c", "procedure=lltp-self level=full papers=2 pages=4 signed=0 fee=200000");
            events.record(EventType.DOSSIER_SENT, null, "procedure=lltp-self waitedSeconds=900"); // went from the outbox
            events.record(EventType.SESSION_ENDED, "c", "reason=TIMEOUT step=RECEIPT");
            events.record(EventType.SESSION_ENDED, "d", "reason=TIMEOUT step=FORM");
            events.record(EventType.SESSION_ENDED, "e", "reason=FINISHED step=FORM");
            events.record(EventType.SESSION_ENDED, "f", "reason=KIOSK_CLOSED step=PAPERS");
            events.record(EventType.SESSION_ENDED, "g", "reason=CONSENT_DECLINED step=CONSENT");
            events.record(EventType.SESSION_ENDED, "h", "reason=PARKED step=FORM");

            Figures.Tally t = new Figures(events, clock).of(Period.TODAY);
            assertThat(t.dossiers()).isEqualTo(new Figures.Dossiers(1, 2, Map.of("full", 2, "partial", 1), 2, 1, 9, 1));
            assertThat(t.dossiers().paidOnlinePercent()).isEqualTo(50);
            // Declined consent and parked drafts are not abandoned; a filed dossier's session is not either.
            assertThat(t.abandonedAt()).containsExactly(Map.entry("FORM", 2), Map.entry("PAPERS", 1));
        }
    }

    private static void session(EventLog events, TestClock clock, String id, String reason, String filed, int minutes) {
        events.record(EventType.SESSION_STARTED, id, null);
        events.record(EventType.CONSENT_GIVEN, id, null);
        clock.advance(Duration.ofMinutes(minutes));
        if (filed != null) {
            events.record(EventType.DOSSIER_FILED, id, "procedure=" + filed + " papers=2");
        }
        events.record(EventType.SESSION_ENDED, id, "reason=" + reason);
    }
}
