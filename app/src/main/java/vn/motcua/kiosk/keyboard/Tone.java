package vn.motcua.kiosk.keyboard;

/** The six tones; each but the level tone is written as a combining mark on one vowel. */
public enum Tone {
    NONE('\0'),
    /** sắc */
    ACUTE('\u0301'),
    /** huyền */
    GRAVE('\u0300'),
    /** hỏi */
    HOOK('\u0309'),
    /** ngã */
    TILDE('\u0303'),
    /** nặng */
    DOT('\u0323');

    final char combining;

    Tone(char combining) {
        this.combining = combining;
    }

    static Tone ofCombining(char c) {
        for (Tone t : values()) {
            if (t != NONE && t.combining == c) {
                return t;
            }
        }
        return null;
    }
}
