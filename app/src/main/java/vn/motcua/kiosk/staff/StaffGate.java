package vn.motcua.kiosk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;

/**
 * Guards staff actions (leaving full screen, quitting, later reprints and settings) behind the
 * staff PIN. After too many wrong PINs it locks for a while, so a curious visitor cannot try
 * every 4-digit PIN at the counter.
 */
public final class StaffGate {
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(1);

    private final PinHash hash;
    private final Clock clock;
    private final EventLog events;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public StaffGate(PinHash hash, Clock clock, EventLog events) {
        this.hash = hash;
        this.clock = clock;
        this.events = events;
    }

    public sealed interface Result {
        record Accepted() implements Result {}

        record Wrong(int attemptsLeft) implements Result {}

        record Locked(long secondsLeft) implements Result {}
    }

    /** Checks the PIN and wipes the array, whatever the outcome. Slow: call it off the UI thread. */
    public synchronized Result check(char[] pin) {
        try {
            Instant now = clock.instant();
            if (now.isBefore(lockedUntil)) {
                return new Result.Locked(secondsLeft(now));
            }
            if (hash.matches(pin)) {
                failures = 0;
                events.record(EventType.STAFF_PIN_ACCEPTED, null, null);
                return new Result.Accepted();
            }
            failures++;
            events.record(EventType.STAFF_PIN_REFUSED, null, "failures=" + failures);
            if (failures >= MAX_ATTEMPTS) {
                failures = 0;
                lockedUntil = now.plus(LOCKOUT);
                return new Result.Locked(secondsLeft(now));
            }
            return new Result.Wrong(MAX_ATTEMPTS - failures);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    private long secondsLeft(Instant now) {
        return Math.max(1, Duration.between(now, lockedUntil).toSeconds());
    }

    /** Records that staff took the kiosk out of full screen (after the PIN was accepted). */
    public void leftFullScreen() {
        events.record(EventType.STAFF_LEFT_FULL_SCREEN, null, null);
    }

    /** Records that staff shut the kiosk (after the PIN was accepted). */
    public void quitting() {
        events.record(EventType.STAFF_QUIT, null, null);
    }
}
