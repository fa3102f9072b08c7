package vn.motcua.kiosk.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import vn.motcua.kiosk.guard.AttemptLimiter;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;

/**
 * Guards staff actions (leaving full screen, quitting, reprints, the outbox) behind the staff PINs
 * and records each action with who did it. Volunteers' PINs open the counter's lighter doors
 * (signing in to help, answering a help call), never the staff menu. After too many wrong PINs,
 * whoever typed them, it locks for a while, so a curious visitor cannot try every 4-digit PIN at
 * the counter.
 */
public final class StaffGate {
    public static final int MAX_ATTEMPTS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(1);

    /** Who a PIN belongs to: staff open everything, volunteers only what helps a citizen. */
    public enum Role { STAFF, VOLUNTEER }

    /** Whose PIN this is: a name from the configuration, or null for the shared PIN. */
    public record Member(String name, PinHash pin, Role role) {
        public Member(String name, PinHash pin) {
            this(name, pin, Role.STAFF);
        }
    }

    private final List<Member> members;
    /** Read at each check: staff add and remove volunteers on the kiosk. */
    private final Supplier<List<Member>> volunteers;
    private final EventLog events;
    private final AttemptLimiter limiter;

    /** One shared PIN, no names. */
    public StaffGate(PinHash hash, Clock clock, EventLog events) {
        this(List.of(new Member(null, hash)), clock, events);
    }

    public StaffGate(List<Member> members, Clock clock, EventLog events) {
        this(members, List::of, clock, events);
    }

    /** @param volunteers the volunteers as they are at each check */
    public StaffGate(List<Member> members, Supplier<List<Member>> volunteers, Clock clock, EventLog events) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("no staff PIN");
        }
        this.members = List.copyOf(members);
        this.volunteers = volunteers;
        this.events = events;
        this.limiter = new AttemptLimiter(clock, MAX_ATTEMPTS, LOCKOUT);
    }

    public sealed interface Result {
        /** @param who the member's name, or null when the shared PIN was typed */
        record Accepted(String who, Role role) implements Result {
            public Accepted(String who) {
                this(who, Role.STAFF);
            }
        }

        record Wrong(int attemptsLeft) implements Result {}

        record Locked(long secondsLeft) implements Result {}
    }

    /**
     * Checks the PIN against each staff member's and wipes the array, whatever the outcome. Slow
     * (one slow hash per member): call it off the UI thread.
     */
    public Result check(char[] pin) {
        return check(pin, members);
    }

    /**
     * The counter's PIN: a staff member's or a volunteer's (signing in to help, answering a help
     * call). Wipes the array; slow; off the UI thread.
     */
    public Result checkCounter(char[] pin) {
        List<Member> anyone = new java.util.ArrayList<>(members);
        anyone.addAll(volunteers.get());
        return check(pin, anyone);
    }

    private synchronized Result check(char[] pin, List<Member> who) {
        try {
            long locked = limiter.lockedForSeconds();
            if (locked > 0) {
                return new Result.Locked(locked);
            }
            for (Member m : who) {
                if (m.pin().matches(pin)) {
                    limiter.succeeded();
                    if (m.role() == Role.STAFF) {
                        events.record(EventType.STAFF_PIN_ACCEPTED, null, staff(m.name()));
                    }
                    return new Result.Accepted(m.name(), m.role());
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
