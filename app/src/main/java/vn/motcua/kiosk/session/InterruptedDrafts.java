package vn.motcua.kiosk.session;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Welcome's offer to go on after a crash: the sessions an earlier run left cut off, for
 * {@code privacy.interruptedDraftMinutes} after their last save, and taking one up after consent
 * with the citizen's birth year. The papers are not kept (their folder is erased at start).
 */
public final class InterruptedDrafts {
    private final SessionService sessions;
    private final BirthYearOf birthYears;
    private final Duration window;
    private final Clock clock;

    public InterruptedDrafts(SessionService sessions, BirthYearOf birthYears, Duration window, Clock clock) {
        this.sessions = sessions;
        this.birthYears = birthYears;
        this.window = window;
        this.clock = clock;
    }

    /** What can be taken up now, newest first. Reads the database: not on the UI thread. */
    public List<InterruptedDraft> offers() {
        return sessions.interruptedDrafts(window, birthYears);
    }

    /** Whether an offer is still inside its window (no disk: the shell asks every second). */
    public boolean open(InterruptedDraft offer) {
        return clock.instant().isBefore(offer.until());
    }

    /** Into the current, consented session; slow-ish (disk): not on the UI thread. */
    public SessionService.Resume resume(String sessionId, int birthYear) {
        return sessions.resumeInterrupted(sessionId, birthYear, window, birthYears);
    }
}
