package vn.motcua.kiosk.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import vn.motcua.kiosk.guard.AttemptLimiter;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;

/**
 * Guards staff actions (leaving full screen, quitting, reprints, the outbox) behind the staff PINs
 * and records each action with who did it. After too many wrong PINs it locks for a while, so a
 * curious visitor cannot try every 4-digit PIN at the counter.
 */
public final class StaffGate {
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(1);

    /** Whose PIN this is: a name from the configuration, or null for the shared PIN. */
    public record Member(String name, PinHash pin) {}

    private final List<Member> members;
    private final EventLog events;
    private final AttemptLimiter limiter;

    /** One shared PIN, no names. */
    public StaffGate(PinHash hash, Clock clock, EventLog events) {
        this(List.of(new Member(null, hash)), clock, events);
    }

    public StaffGate(List<Member> members, Clock clock, EventLog events) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no staff PIN");
        }
        this.members = List.copyOf(members);
        this.events = events;
        this.limiter = new AttemptLimiter(clock, MAX_ATTEMPTS, LOCKOUT);
    }

    public sealed interface Result {
        /** @param who the member's name, or null when the shared PIN was typed */
        record Accepted(String who) implements Result {}

        record Wrong(int attemptsLeft) implements Result {}

        record Locked(long secondsLeft) implements Result {}
    }

    /**
     * Checks the PIN against each member's and wipes the array, whatever the outcome. Slow (one
     * slow hash per member): call it off the UI thread.
     */
    public synchronized Result check(char[] pin) {
        try {
            long locked = limiter.lockedForSeconds();
            if (locked > 0) {
                return new Result.Locked(locked);
            }
            for (Member m : members) {
                if (m.pin().matches(pin)) {
                    limiter.succeeded();
                    events.record(EventType.STAFF_PIN_ACCEPTED, null, staff(m.name()));
                    return new Result.Accepted(m.name());
                }
            }
            int left = limiter.failed();
            events.record(EventType.STAFF_PIN_REFUSED, null, "attemptsLeft=" + left);
            return left == 0 ? new Result.Locked(limiter.lockedForSeconds()) : new Result.Wrong(left);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * Records a staff action after the PIN was accepted, with who did it ({@code who}: the name
     * {@link Result.Accepted} gave, or null for the shared PIN). Leaving full screen and shutting
     * down keep their own event types; the others are {@link EventType#STAFF_ACTION}.
     */
    public void acted(StaffAction action, String who) {
        String by = staff(who);
        switch (action) {
            case LEAVE_FULL_SCREEN -> events.record(EventType.STAFF_LEFT_FULL_SCREEN, null, by);
            case SHUT_DOWN -> events.record(EventType.STAFF_QUIT, null, by);
            default -> events.record(EventType.STAFF_ACTION, null,
                    "action=" + action.word() + (by == null ? "" : " " + by));
        }
    }

    private static String staff(String who) {
        return who == null ? null : "staff=" + who;
    }
}
