// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (so that a room of kiosks coming back online does not
 * knock together), never shorter than the portal's Retry-After.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration cap) {
    public RetryPolicy {
        if (maxAttempts < 1 || base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("maxAttempts >= 1 and 0 <= base <= cap");
        }
    }

    /** Interactive calls: a citizen waits, so a few quick tries, then the screen says so. */
    public static RetryPolicy interactive() {
        return new RetryPolicy(4, Duration.ofMillis(300), Duration.ofSeconds(5));
    }

    /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration delay(int attempt, Optional<Duration> retryAfter, RandomGenerator random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        long jittered = ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
        long floor = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
