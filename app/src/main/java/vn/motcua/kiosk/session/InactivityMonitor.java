package vn.motcua.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides, from the time of the last touch, whether a session is active, should warn with a
 * countdown, or has expired. It keeps no timer of its own: the screen polls it every second,
 * and tests move a clock instead of waiting.
 */
public final class InactivityMonitor {
    private final Clock clock;
    private final Duration warnAfter;
    private final Duration endAfter;
    private Instant lastActivity;

    public InactivityMonitor(Clock clock, Duration warnAfter, Duration endAfter) {
        if (endAfter.compareTo(warnAfter) <= 0) {
            throw new IllegalArgumentException("the end must come after the warning");
        }
        this.clock = clock;
        this.warnAfter = warnAfter;
        this.endAfter = endAfter;
        this.lastActivity = clock.instant();
    }

    public enum Phase { ACTIVE, WARNING, EXPIRED }

    /** Where the session stands; {@code secondsLeft} counts down to the end during the warning. */
    public record Status(Phase phase, long secondsLeft) {}

    public synchronized void activity() {
        lastActivity = clock.instant();
    }

    public synchronized Status poll() {
        Duration idle = Duration.between(lastActivity, clock.instant());
        if (idle.compareTo(endAfter) >= 0) {
            return new Status(Phase.EXPIRED, 0);
        }
        long left = (long) Math.ceil((endAfter.toMillis() - idle.toMillis()) / 1000.0);
        return new Status(idle.compareTo(warnAfter) >= 0 ? Phase.WARNING : Phase.ACTIVE, left);
    }
}
