package vn.motcua.kiosk.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed attempts at a secret (staff PIN, draft resume code) and locks for a while after
 * too many, so nobody at the counter can try them all. One limiter per secret kind, kiosk-wide.
 */
public final class AttemptLimiter {
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public AttemptLimiter(Clock clock, int maxFailures, Duration lockout) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** Seconds until attempts are allowed again; 0 when they are allowed now. */
    public synchronized long lockedForSeconds() {
        Instant now = clock.instant();
        return now.isBefore(lockedUntil) ? Math.max(1, Duration.between(now, lockedUntil).toSeconds()) : 0;
    }

    public synchronized void succeeded() {
        failures = 0;
    }

    /** Records a failure; returns the attempts left before the lock (0 = now locked). */
    public synchronized int failed() {
        failures++;
        if (failures >= maxFailures) {
            failures = 0;
            lockedUntil = clock.instant().plus(lockout);
            return 0;
        }
        return maxFailures - failures;
    }

    public synchronized int failures() {
        return failures;
    }
}
