package vn.motcua.kiosk.identity;

import java.util.Optional;

/**
 * Tells a desk QR reader from a person: the reader "types" a whole code in a burst of keystrokes
 * a few milliseconds apart and ends it with Enter; nobody types 20 characters that fast. Feed it
 * every typed character with the time it was handled; it answers the scanned text when a burst ends.
 *
 * <p>The time is when the kiosk handled the key, not when the reader sent it: a pause of the UI
 * thread (garbage collection, a busy machine) shows as one long gap inside a burst, after which
 * the queued keys come as fast as before. A gap of up to {@link #MAX_STALL_MILLIS} therefore keeps
 * the burst going when at least {@link #MIN_RUN} keys came fast just before it — a person typing
 * never does that — and starts a new burst otherwise.
 */
public final class ReaderBurst {
    /** Shortest text worth treating as a scan (a CCCD QR is 80+ characters). */
    public static final int MIN_LENGTH = 20;
    /** Longest gap between two keystrokes of one burst. */
    public static final long MAX_GAP_MILLIS = 35;
    /** Longest pause of the kiosk itself that a burst survives. */
    public static final long MAX_STALL_MILLIS = 1000;
    /** Fast keys in a row that show a reader (not a person) was typing before a pause. */
    public static final int MIN_RUN = 4;

    private final StringBuilder burst = new StringBuilder();
    private long lastMillis = Long.MIN_VALUE;
    /** Keys since the last gap longer than {@link #MAX_GAP_MILLIS}. */
    private int run;

    /** A typed character (not Enter). Returns true when it starts a new burst (what came before is not part of it). */
    public boolean typed(char c, long atMillis) {
        boolean fresh = lastMillis == Long.MIN_VALUE;
        if (!fresh && atMillis - lastMillis > MAX_GAP_MILLIS) {
            if (!stalled(atMillis)) {
                burst.setLength(0);
                fresh = true;
            }
            run = 0;
        }
        burst.append(c);
        run++;
        lastMillis = atMillis;
        return fresh;
    }

    /** Enter was pressed: the scanned text when the keys before it came as a reader's burst. */
    public Optional<String> enter(long atMillis) {
        boolean quick = lastMillis != Long.MIN_VALUE && (atMillis - lastMillis <= MAX_GAP_MILLIS || stalled(atMillis));
        String text = burst.toString();
        reset();
        return quick && text.length() >= MIN_LENGTH ? Optional.of(text) : Optional.empty();
    }

    /** A long gap after a reader's fast run: the kiosk paused, not the reader. */
    private boolean stalled(long atMillis) {
        return atMillis - lastMillis <= MAX_STALL_MILLIS && run >= MIN_RUN;
    }

    /** How many characters the current burst holds (what to take back from a text field). */
    public int length() {
        return burst.length();
    }

    public void reset() {
        burst.setLength(0);
        lastMillis = Long.MIN_VALUE;
        run = 0;
    }
}
