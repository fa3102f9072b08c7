package vn.motcua.kiosk.keyboard;

import java.text.Normalizer;

/**
 * One letter of the word being composed: a lower-case Latin base, its case and its letter mark.
 * The tone is not here: it belongs to the syllable and is placed on a vowel when rendering, which
 * is what lets a tone key come anywhere in the word. Anything that is not a Vietnamese letter
 * (a digit, ñ, ü…) is kept as an opaque character and makes the word "not Vietnamese".
 */
record Letter(char base, boolean upper, Mark mark) {

    static Letter of(char typed) {
        char lower = Character.toLowerCase(typed);
        if (lower >= 'a' && lower <= 'z') {
            return new Letter(lower, Character.isUpperCase(typed), Mark.NONE);
        }
        return new Letter(typed, false, Mark.NONE);
    }

    boolean latin() {
        return base >= 'a' && base <= 'z';
    }

    boolean vowel() {
        return base == 'a' || base == 'e' || base == 'i' || base == 'o' || base == 'u' || base == 'y';
    }

    boolean marked() {
        return mark == Mark.CIRCUMFLEX || mark == Mark.BREVE || mark == Mark.HORN;
    }

    Letter with(Mark m) {
        return new Letter(base, upper, m);
    }

    /** The letter as NFC text, with the tone when it carries it. */
    String text(Tone tone) {
        if (mark == Mark.STROKE) {
            return upper ? "Đ" : "đ";
        }
        if (!latin()) {
            return String.valueOf(base);
        }
        StringBuilder sb = new StringBuilder(3).append(upper ? Character.toUpperCase(base) : base);
        if (mark != Mark.NONE) {
            sb.append(mark.combining);
        }
        if (tone != Tone.NONE) {
            sb.append(tone.combining);
        }
        return Normalizer.normalize(sb, Normalizer.Form.NFC);
    }

    /** A letter read back from text (resuming a word, or after a backspace) and the tone it carried. */
    record Parsed(Letter letter, Tone tone) {}

    static Parsed parse(char ch) {
        if (ch == 'đ' || ch == 'Đ') {
            return new Parsed(new Letter('d', ch == 'Đ', Mark.STROKE), Tone.NONE);
        }
        String d = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD);
        Letter base = of(d.charAt(0));
        if (d.length() == 1 || !base.latin()) {
            return new Parsed(d.length() == 1 ? base : new Letter(ch, false, Mark.NONE), Tone.NONE);
        }
        Mark mark = Mark.NONE;
        Tone tone = Tone.NONE;
        for (int i = 1; i < d.length(); i++) {
            Mark m = Mark.ofCombining(d.charAt(i));
            Tone t = Tone.ofCombining(d.charAt(i));
            if (m != null && mark == Mark.NONE && m.fits(base.base())) {
                mark = m;
            } else if (t != null && tone == Tone.NONE && base.vowel()) {
                tone = t;
            } else {
                return new Parsed(new Letter(ch, false, Mark.NONE), Tone.NONE);
            }
        }
        return new Parsed(base.with(mark), tone);
    }
}
