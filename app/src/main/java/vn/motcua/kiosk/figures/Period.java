// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.figures;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/** The spans staff read figures for, in the kiosk's time zone; each runs up to now. */
public enum Period {
    TODAY, THIS_WEEK, THIS_MONTH;

    /** Where this period starts, seen from {@code clock}'s now (weeks start on Monday, as in Vietnam). */
    public Instant start(Clock clock) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = switch (this) {
            case TODAY -> today;
            case THIS_WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case THIS_MONTH -> today.withDayOfMonth(1);
        };
        return ZonedDateTime.of(first.atStartOfDay(), clock.getZone()).toInstant();
    }
}
