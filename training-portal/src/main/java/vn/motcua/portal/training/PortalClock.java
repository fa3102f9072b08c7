// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The portal's own time: real time multiplied by a speed, plus jumps a trainer or a test asks for.
 * Dossiers advance on this clock, so a training session can watch a 10-day procedure finish
 * in minutes, and tests move it instead of waiting.
 */
public final class PortalClock {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private Instant anchorTraining;
    private long anchorNanos;
    private double speed;

    public PortalClock(Instant start, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("clock speed must be > 0");
        }
        this.anchorTraining = start;
        this.anchorNanos = System.nanoTime();
        this.speed = speed;
    }

    public synchronized Instant now() {
        long elapsed = System.nanoTime() - anchorNanos;
        return anchorTraining.plusNanos((long) (elapsed * speed));
    }

    public synchronized void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("the clock only goes forward");
        }
        rebase();
        anchorTraining = anchorTraining.plus(d);
    }

    public synchronized void setSpeed(double newSpeed) {
        if (!(newSpeed > 0)) {
            throw new IllegalArgumentException("clock speed must be > 0");
        }
        rebase();
        speed = newSpeed;
    }

    public synchronized double speed() {
        return speed;
    }

    private void rebase() {
        anchorTraining = now();
        anchorNanos = System.nanoTime();
    }
}
