// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.testing.TestClock;

/**
 * A queued receipt's local reference is checked against the phone's last four digits on this
 * kiosk; like the portal with its codes, the kiosk stops answering guesses after too many.
 */
class TrackingTest {
    private static final String REF = "CG-261204-AB3CDE";

    private final TestClock clock = new TestClock(Instant.parse("2026-12-04T08:00:00Z"));
    private final AtomicInteger asked = new AtomicInteger();
    private final Tracking tracking = new Tracking(() -> null, (ref, digits) -> {
        asked.incrementAndGet();
        return digits.equals("5678") ? new Outbox.Whereabouts.Waiting(Instant.parse("2026-12-04T07:00:00Z"), false)
                : new Outbox.Whereabouts.OtherDigits();
    }, clock);

    @Test
    void afterFiveWrongDigitsTheReferenceIsNotAnsweredForAMinute() {
        for (int i = 0; i < Tracking.MAX_WRONG_DIGITS; i++) {
            assertThat(tracking.lookup(REF, String.format("%04d", i))).isInstanceOf(Tracking.Outcome.NotFound.class);
        }
        // Locked: even the right digits get no answer, and the outbox is not asked.
        int before = asked.get();
        assertThat(tracking.lookup(REF, "5678")).isEqualTo(new Tracking.Outcome.Refused("track.local.locked", java.util.List.of()));
        assertThat(asked.get()).isEqualTo(before);

        clock.advance(Tracking.LOCKOUT.plus(Duration.ofSeconds(1)));
        assertThat(tracking.lookup(REF, "5678")).isInstanceOf(Tracking.Outcome.Queued.class);
    }

    @Test
    void theRightDigitsStartTheCountAfresh() {
        for (int i = 0; i < Tracking.MAX_WRONG_DIGITS - 1; i++) {
            tracking.lookup(REF, "0000");
        }
        assertThat(tracking.lookup(REF, "5678")).isInstanceOf(Tracking.Outcome.Queued.class);
        assertThat(tracking.lookup(REF, "0000")).isInstanceOf(Tracking.Outcome.NotFound.class);
        assertThat(tracking.lookup(REF, "5678")).isInstanceOf(Tracking.Outcome.Queued.class);
    }

    @Test
    void aDiscardedReferenceIsToldAsCancelledNotAsUnknown() {
        Instant at = Instant.parse("2026-12-03T09:00:00Z");
        Tracking cancelled = new Tracking(() -> null,
                (ref, digits) -> new Outbox.Whereabouts.Cancelled(at, vn.motcua.kiosk.outbox.DiscardReason.DUPLICATE), clock);
        assertThat(cancelled.lookup(REF.toLowerCase(java.util.Locale.ROOT), "1234")).isEqualTo(new Tracking.Outcome.Cancelled(REF, at));
    }
}
