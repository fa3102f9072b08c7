package vn.motcua.kiosk.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import vn.motcua.kiosk.guard.AttemptLimiter;
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
    private final EventLog events;
    private final AttemptLimiter limiter;

    public StaffGate(PinHash hash, Clock clock, EventLog events) {
        this.hash = hash;
        this.events = events;
        this.limiter = new AttemptLimiter(clock, MAX_ATTEMPTS, LOCKOUT);
    }

    public sealed interface Result {
        record Accepted() implements Result {}

        record Wrong(int attemptsLeft) implements Result {}

        record Locked(long secondsLeft) implements Result {}
    }

    /** Checks the PIN and wipes the array, whatever the outcome. Slow: call it off the UI thread. */
    public synchronized Result check(char[] pin) {
        try {
            long locked = limiter.lockedForSeconds();
            if (locked > 0) {
                return new Result.Locked(locked);
            }
            if (hash.matches(pin)) {
                limiter.succeeded();
                events.record(EventType.STAFF_PIN_ACCEPTED, null, null);
                return new Result.Accepted();
            }
            int left = limiter.failed();
            events.record(EventType.STAFF_PIN_REFUSED, null, "attemptsLeft=" + left);
            return left == 0 ? new Result.Locked(limiter.lockedForSeconds()) : new Result.Wrong(left);
        } finally {
            Arrays.fill(pin, '\0');
        }
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
