// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.volunteer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import vn.motcua.kiosk.store.EventRecorder;
import vn.motcua.kiosk.store.EventType;

/**
 * Who is helping at the kiosk: one volunteer (or staff member) signed in with their PIN, until
 * they sign out or leave the screen untouched for the configured time. They stay signed in from
 * one citizen to the next. The log records when they came and went, and which sessions they
 * helped with (the session's id, nothing of the citizen); never the citizens a volunteer saw.
 */
public final class VolunteerDesk {
    /** Why they are no longer signed in. */
    public enum SignOut { TAP, INACTIVITY }

    /** @param staff true when a staff member's PIN signed in (the header says "Nhân viên") */
    public record Helper(String name, boolean staff) {}


    private final Clock clock;
    private final Duration signOutAfter;
    private final EventRecorder events;
    private Helper helper;
    private Instant since;
    private Instant lastTouch;
    private Runnable changed = () -> { };

    public VolunteerDesk(Clock clock, Duration signOutAfter, EventRecorder events) {
        this.clock = clock;
        this.signOutAfter = signOutAfter;
        this.events = events;
    }

    /** Told after each sign-in and sign-out, on the thread that caused it (the FX thread's taps and timer). */
    public synchronized void onChange(Runnable listener) {
        changed = listener;
    }

    public synchronized Optional<Helper> helper() {
        return Optional.ofNullable(helper);
    }

    /** A PIN was accepted: this person helps from now on (another's sign-in replaces them). */
    public synchronized void signIn(Helper who) {
        if (helper != null) {
            signOut(SignOut.TAP);
        }
        helper = who;
        since = clock.instant();
        lastTouch = since;
        events.record(EventType.VOLUNTEER_SIGNED_IN, null, "volunteer=" + word(who.name()));
        changed.run();
    }

    public synchronized void signOut(SignOut why) {
        if (helper == null) {
            return;
        }
        long minutes = Duration.between(since, clock.instant()).toMinutes();
        events.record(EventType.VOLUNTEER_SIGNED_OUT, null,
                "volunteer=" + word(helper.name()) + " reason=" + why + " minutes=" + minutes);
        helper = null;
        changed.run();
    }

    /** Any touch on the kiosk: whoever is signed in is still there. */
    public synchronized void activity() {
        lastTouch = clock.instant();
    }

    /** A session opened while someone helps: the session records who (for the figures). */
    public synchronized void helped(String sessionId) {
        if (helper != null && sessionId != null) {
            events.record(EventType.SESSION_HELPED, sessionId, "volunteer=" + word(helper.name()));
        }
    }

    /**
     * The shell's timer: signs out whoever left the screen untouched for the configured time.
     *
     * @return true when it signed someone out just now
     */
    public synchronized boolean tick() {
        if (helper != null && !clock.instant().isBefore(lastTouch.plus(signOutAfter))) {
            signOut(SignOut.INACTIVITY);
            return true;
        }
        return false;
    }

    /** A name as one word of the log's "key=value" details (the shared staff PIN has none). */
    private static String word(String name) {
        return name == null ? "-" : name.strip().replace(' ', '_');
    }
}
