package vn.motcua.kiosk.identity;

import java.util.Optional;

/**
 * Tells a desk QR reader from a person: the reader "types" a whole code in a burst of keystrokes
 * a few milliseconds apart and ends it with Enter; nobody types 20 characters that fast. Feed it
 * every typed character with its time; it answers the scanned text when a burst ends.
 */
public final class ReaderBurst {
    /** Shortest text worth treating as a scan (a CCCD QR is 80+ characters). */
    public static final int MIN_LENGTH = 20;
    /** Longest gap between two keystrokes of one burst. */
    public static final long MAX_GAP_MILLIS = 35;

    private final StringBuilder burst = new StringBuilder();
    private long lastMillis = Long.MIN_VALUE;

    /** A typed character (not Enter). Returns true while a burst may be under way. */
    public boolean typed(char c, long atMillis) {
        if (lastMillis != Long.MIN_VALUE && atMillis - lastMillis > MAX_GAP_MILLIS) {
            burst.setLength(0);
        }
        burst.append(c);
        lastMillis = atMillis;
        return true;
    }

    /** Enter was pressed: the scanned text when the keys before it came as a reader's burst. */
    public Optional<String> enter(long atMillis) {
        boolean quick = lastMillis != Long.MIN_VALUE && atMillis - lastMillis <= MAX_GAP_MILLIS;
        String text = burst.toString();
        reset();
        return quick && text.length() >= MIN_LENGTH ? Optional.of(text) : Optional.empty();
    }

    /** How many characters the current burst holds (what to take back from a text field). */
    public int length() {
        return burst.length();
    }

    public void reset() {
        burst.setLength(0);
        lastMillis = Long.MIN_VALUE;
    }
}
