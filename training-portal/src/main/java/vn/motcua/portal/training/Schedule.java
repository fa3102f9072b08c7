// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Due dates and the plan by which a dossier moves RECEIVED → IN_PROGRESS → DONE.
 * Working days are Monday–Friday; public holidays are not known here (the kiosk's calendar data
 * has them; sharing it is later work). Offices close at 17:00.
 */
final class Schedule {
    static final LocalTime CLOSE = LocalTime.of(17, 0);

    private Schedule() {
    }

    record Plan(Instant dueAt, Instant inProgressAt, Instant doneAt, boolean late) {
    }

    static Instant dueAt(Catalogue.Procedure p, Instant received) {
        ZonedDateTime r = received.atZone(PortalClock.VIETNAM);
        ZonedDateTime day = r;
        if ("sameDay".equals(p.handlingKind())) {
            // Received after the cutoff (or after closing, or on a weekend): the next working day.
            boolean tooLate = !r.toLocalTime().isBefore(p.cutoff());
            if (tooLate || !isWorkingDay(day)) {
                day = nextWorkingDay(day);
            }
        } else {
            int days = p.handlingDays();
            if (!isWorkingDay(day) || !r.toLocalTime().isBefore(CLOSE)) {
                day = nextWorkingDay(day);
                days = Math.max(0, days - 1);
            }
            for (int i = 0; i < days; i++) {
                day = nextWorkingDay(day);
            }
        }
        return day.with(CLOSE).toInstant();
    }

    /**
     * Every fourth dossier of an agency's day is planned late (done one day after its due date), so
     * a training room sees both on-time and late dossiers; the rest finish at 60 % of their time.
     */
    static Plan plan(Catalogue.Procedure p, Instant received, int sequence) {
        Instant due = dueAt(p, received);
        Duration span = Duration.between(received, due);
        Duration toProgress = min(Duration.ofHours(1), span.dividedBy(10));
        boolean late = sequence % 4 == 0;
        Instant done = late ? due.plus(Duration.ofDays(1))
                : received.plus(max(Duration.ofMinutes(30), span.multipliedBy(6).dividedBy(10)));
        return new Plan(due, received.plus(toProgress), done, late);
    }

    private static boolean isWorkingDay(ZonedDateTime d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY;
    }

    private static ZonedDateTime nextWorkingDay(ZonedDateTime d) {
        ZonedDateTime n = d.plusDays(1);
        while (!isWorkingDay(n)) {
            n = n.plusDays(1);
        }
        return n;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
