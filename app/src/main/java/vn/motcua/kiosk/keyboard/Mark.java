package vn.motcua.kiosk.keyboard;

/** The letter marks that make new letters: â ê ô (circumflex), ă (breve), ơ ư (horn), đ (stroke). */
public enum Mark {
    NONE('\0'),
    CIRCUMFLEX('\u0302'),
    BREVE('\u0306'),
    HORN('\u031B'),
    STROKE('\0');

    final char combining;

    Mark(char combining) {
        this.combining = combining;
    }

    static Mark ofCombining(char c) {
        for (Mark m : values()) {
            if (m.combining != '\0' && m.combining == c) {
                return m;
            }
        }
        return null;
    }

    /** Whether Vietnamese writes this mark on that lower-case base letter. */
    boolean fits(char base) {
        return switch (this) {
            case NONE -> true;
            case CIRCUMFLEX -> base == 'a' || base == 'e' || base == 'o';
            case BREVE -> base == 'a';
            case HORN -> base == 'o' || base == 'u';
            case STROKE -> base == 'd';
        };
    }
}
