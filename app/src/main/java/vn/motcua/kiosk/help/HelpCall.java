package vn.motcua.kiosk.help;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import vn.motcua.kiosk.store.EventRecorder;
import vn.motcua.kiosk.store.EventType;

/**
 * A citizen's "Cần hỗ trợ?" until someone comes. Until volunteers have devices of their own the
 * kiosk calls out loud: a chime at once and again every {@link #REPEAT} while nobody has
 * answered, so a volunteer busy with another citizen who missed one still hears the next.
 * It ends only when a volunteer or staff member answers with the PIN: not at the idle reset nor
 * at the session's end, since the person who called may still be standing there, and a call
 * that rings until someone looks is better than one that silently gives up. The event log gets
 * counts only: when, how long, how many chimes.
 */
public final class HelpCall {
    /** Long enough not to nag a busy hall, short enough that nobody waits long unheard. */
    public static final Duration REPEAT = Duration.ofSeconds(30);

    private final Chime chime;
    private final Clock clock;
    private final Duration repeat;
    private final EventRecorder events;
    private final Supplier<String> sessionId;
    private Instant since; // null: nobody is waiting
    private Instant nextChime;
    private int chimes;
    private boolean heard;


    /** @param sessionId the open session's id for the log (not personal), or null between sessions */
    public HelpCall(Chime chime, Clock clock, Duration repeat, EventRecorder events, Supplier<String> sessionId) {
        this.chime = chime;
        this.clock = clock;
        this.repeat = repeat;
        this.events = events;
        this.sessionId = sessionId;
    }

    /** "Cần hỗ trợ?": rings and waits. A second tap while waiting changes nothing. */
    public synchronized void call() {
        if (since != null) {
            return;
        }
        since = clock.instant();
        chimes = 0;
        ring();
        events.record(EventType.HELP_REQUESTED, sessionId.get(), heard ? "chime=heard" : "chime=silent");
    }

    public synchronized boolean waiting() {
        return since != null;
    }

    /** Whether the last chime reached a sound device (false: the screen is all the kiosk has). */
    public synchronized boolean heard() {
        return heard;
    }

    /** The shell's timer, every second: rings again once the interval has passed. */
    public synchronized void tick() {
        if (since != null && !clock.instant().isBefore(nextChime)) {
            ring();
        }
    }

    /** Someone came and said so with the PIN (who, for the log: unknown). */
    public synchronized void answered() {
        answered(null);
    }

    /** Someone came and said so with their PIN: {@code by} "volunteer" or "staff", or null. */
    public synchronized void answered(String by) {
        if (since == null) {
            return;
        }
        long waited = Duration.between(since, clock.instant()).toSeconds();
        events.record(EventType.HELP_ANSWERED, sessionId.get(), "waitedSeconds=" + waited + " chimes=" + chimes
                + (by == null ? "" : " by=" + by));
        since = null;
    }

    private void ring() {
        heard = chime.ring();
        chimes++;
        nextChime = clock.instant().plus(repeat);
    }
}
