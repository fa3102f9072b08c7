package vn.motcua.kiosk.keyboard;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders one word from its strokes. Every rule looks at the word as it stands, never at the
 * key history, so a tone or mark key may come anywhere after the letters it changes
 * (duocwdj → được) and the same rendering comes out whatever the order.
 */
final class Composer {

    /** What a stroke did: added a letter, changed the word in place, or nothing. */
    enum Outcome { APPENDED, TRANSFORMED, NOTHING }

    record Result(String text, Outcome last) {}

    private final InputMethod method;
    private final ToneStyle style;
    private final List<Letter> letters = new ArrayList<>();
    private final StringBuilder raw = new StringBuilder();
    private Tone tone = Tone.NONE;
    // Set when a typed key was read as a command: only then may an un-Vietnamese result be
    // put back to the keys as typed (goo → gô, but google stays google).
    private boolean keyCommand;
    // A key typed twice to escape its meaning is deliberate: such a word is never put back (VIÊTJ).
    private boolean escaped;
    // The ư that a lone Telex w made: a second w turns it back into w (ww → w, not uw).
    private int loneW = -1;

    private Composer(InputMethod method, ToneStyle style) {
        this.method = method;
        this.style = style;
    }

    static Result render(List<Stroke> strokes, InputMethod method, ToneStyle style) {
        Composer c = new Composer(method, style);
        Outcome last = Outcome.NOTHING;
        for (Stroke s : strokes) {
            last = c.apply(s);
        }
        return new Result(c.text(), last);
    }

    private Outcome apply(Stroke s) {
        if (s instanceof Stroke.Key k) {
            raw.append(k.c());
            Outcome o = switch (method) {
                case TELEX -> telex(k.c());
                case VNI -> vni(k.c());
                case PLAIN -> null;
            };
            if (o != null) {
                keyCommand = true;
                return o;
            }
            letters.add(Letter.of(k.c()));
            return Outcome.APPENDED;
        }
        if (s instanceof Stroke.Literal l) {
            raw.append(l.c());
            Letter.Parsed p = Letter.parse(l.c());
            letters.add(p.letter());
            if (p.tone() != Tone.NONE) {
                tone = p.tone();
            }
            return Outcome.APPENDED;
        }
        if (s instanceof Stroke.ToneTap t) {
            if (letters.stream().noneMatch(Letter::vowel)) {
                return Outcome.NOTHING;
            }
            tone = tone == t.tone() ? Tone.NONE : t.tone();
            return Outcome.TRANSFORMED;
        }
        Mark m = ((Stroke.MarkTap) s).mark();
        Outcome o = mark(m, Syllable.of(letters), null);
        return o == null ? Outcome.NOTHING : o;
    }

    // ---- Telex ---------------------------------------------------------------------------

    private Outcome telex(char key) {
        Syllable syl = Syllable.of(letters);
        if (!syl.valid()) {
            return null;
        }
        char k = Character.toLowerCase(key);
        return switch (k) {
            case 's' -> tone(Tone.ACUTE, key, syl);
            case 'f' -> tone(Tone.GRAVE, key, syl);
            case 'r' -> tone(Tone.HOOK, key, syl);
            case 'x' -> tone(Tone.TILDE, key, syl);
            case 'j' -> tone(Tone.DOT, key, syl);
            case 'z' -> clearTone();
            case 'a', 'e', 'o' -> circumflex(k, key, syl);
            case 'd' -> stroke(key);
            case 'w' -> {
                Outcome o = horn(key, syl, true);
                if (o == null && !syl.hasVowel()) {
                    // w alone is ư in common Telex: tw → tư, nhw → như.
                    loneW = letters.size();
                    letters.add(new Letter('u', Character.isUpperCase(key), Mark.HORN));
                    yield Outcome.APPENDED;
                }
                yield o;
            }
            default -> null;
        };
    }

    // ---- VNI -----------------------------------------------------------------------------

    private Outcome vni(char key) {
        if (key < '0' || key > '9') {
            return null;
        }
        Syllable syl = Syllable.of(letters);
        if (!syl.valid()) {
            return null;
        }
        return switch (key) {
            case '1' -> tone(Tone.ACUTE, key, syl);
            case '2' -> tone(Tone.GRAVE, key, syl);
            case '3' -> tone(Tone.HOOK, key, syl);
            case '4' -> tone(Tone.TILDE, key, syl);
            case '5' -> tone(Tone.DOT, key, syl);
            case '0' -> clearTone();
            case '6' -> mark(Mark.CIRCUMFLEX, syl, key);
            case '7' -> mark(Mark.HORN, syl, key);
            case '8' -> mark(Mark.BREVE, syl, key);
            default -> mark(Mark.STROKE, syl, key);
        };
    }

    // ---- shared rules --------------------------------------------------------------------

    private Outcome tone(Tone t, char key, Syllable syl) {
        if (!syl.hasVowel()) {
            return null;
        }
        if (tone == t) {
            // The same tone key twice: take the tone off and type the key itself (ass → as).
            tone = Tone.NONE;
            escaped = true;
            letters.add(Letter.of(key));
            return Outcome.APPENDED;
        }
        tone = t;
        return Outcome.TRANSFORMED;
    }

    private Outcome clearTone() {
        if (tone == Tone.NONE) {
            return null;
        }
        tone = Tone.NONE;
        return Outcome.TRANSFORMED;
    }

    /** Telex aa ee oo: the circumflex on that vowel of the cluster, or undone by a third key. */
    private Outcome circumflex(char vowel, char key, Syllable syl) {
        for (int i = syl.vowelEnd() - 1; i >= syl.vowelStart(); i--) {
            if (letters.get(i).base() == vowel && fits(i, Mark.CIRCUMFLEX, syl)) {
                return toggle(i, Mark.CIRCUMFLEX, key);
            }
        }
        return null;
    }

    /** Telex dd, VNI 9: only the first letter of a syllable can be đ. */
    private Outcome stroke(char key) {
        if (letters.isEmpty() || letters.get(0).base() != 'd') {
            return null;
        }
        return toggle(0, Mark.STROKE, key);
    }

    /**
     * A mark from VNI (key set) or the diacritic row (key null, undo without a letter).
     * Circumflex goes on the last a/e/o of the cluster, breve on the a, horn as {@link #horn}.
     */
    private Outcome mark(Mark m, Syllable syl, Character key) {
        switch (m) {
            case STROKE:
                if (letters.isEmpty() || letters.get(0).base() != 'd') {
                    return null;
                }
                return toggle(0, Mark.STROKE, key);
            case HORN:
                return horn(key, syl, false);
            case CIRCUMFLEX:
            case BREVE:
                for (int i = end(syl) - 1; i >= start(syl); i--) {
                    if (m.fits(letters.get(i).base()) && fits(i, m, syl)) {
                        return toggle(i, m, key);
                    }
                }
                return null;
            default:
                return null;
        }
    }

    // A diacritic-row mark still works on a word that is not Vietnamese (café-like names).
    private int start(Syllable syl) {
        return syl.valid() ? syl.vowelStart() : 0;
    }

    private int end(Syllable syl) {
        return syl.valid() ? syl.vowelEnd() : letters.size();
    }

    /**
     * Telex w, VNI 7, the horn key: uo → ươ (uơ when the syllable ends there after a consonant:
     * thuở, huơ), ua → ưa, then ă (Telex only) or ơ, then ư.
     */
    private Outcome horn(Character key, Syllable syl, boolean breveToo) {
        int s = start(syl);
        int e = end(syl);
        if (loneW >= 0 && loneW == letters.size() - 1 && letters.get(loneW).mark() == Mark.HORN && key != null) {
            letters.set(loneW, Letter.of(key));
            escaped = true;
            return Outcome.APPENDED;
        }
        for (int i = s + 1; i < e; i++) {
            if (letters.get(i).base() == 'o' && letters.get(i - 1).base() == 'u') {
                if (letters.get(i).mark() == Mark.HORN) {
                    letters.set(i, letters.get(i).with(Mark.NONE));
                    letters.set(i - 1, letters.get(i - 1).with(Mark.NONE));
                    return undone(key);
                }
                letters.set(i, letters.get(i).with(Mark.HORN));
                boolean openAfterConsonant = i == letters.size() - 1 && !syl.initial().isEmpty();
                if (!openAfterConsonant) {
                    letters.set(i - 1, letters.get(i - 1).with(Mark.HORN));
                }
                return Outcome.TRANSFORMED;
            }
        }
        if (e - s >= 2 && letters.get(s).base() == 'u' && letters.get(s + 1).base() == 'a' && fits(s, Mark.HORN, syl)) {
            return toggle(s, Mark.HORN, key);
        }
        char[] order = breveToo ? new char[] {'a', 'o', 'u'} : new char[] {'o', 'u'};
        for (char v : order) {
            Mark m = v == 'a' ? Mark.BREVE : Mark.HORN;
            for (int i = s; i < e; i++) {
                if (letters.get(i).base() == v && fits(i, m, syl)) {
                    return toggle(i, m, key);
                }
            }
        }
        return null;
    }

    /** Whether marking letter i keeps the cluster one the language writes (so oeo stays oeo). */
    private boolean fits(int i, Mark m, Syllable syl) {
        if (!syl.valid() || letters.get(i).mark() == m) {
            return true;
        }
        List<Letter> tried = new ArrayList<>(letters);
        tried.set(i, tried.get(i).with(m));
        return Syllable.fitsNucleus(tried, syl.vowelStart(), syl.vowelEnd());
    }

    /** Puts the mark on, or takes it off when it is already there (the key is then typed). */
    private Outcome toggle(int i, Mark m, Character key) {
        Letter l = letters.get(i);
        if (l.mark() == m) {
            letters.set(i, l.with(Mark.NONE));
            return undone(key);
        }
        letters.set(i, l.with(m));
        return Outcome.TRANSFORMED;
    }

    private Outcome undone(Character key) {
        if (key == null) {
            return Outcome.TRANSFORMED;
        }
        escaped = true;
        letters.add(Letter.of(key));
        return Outcome.APPENDED;
    }

    // ---- output --------------------------------------------------------------------------

    private String text() {
        Syllable syl = Syllable.of(letters);
        boolean diacritics = tone != Tone.NONE || letters.stream().anyMatch(l -> l.mark() != Mark.NONE);
        if (!syl.valid() && keyCommand && !escaped && diacritics) {
            // Not Vietnamese after all (goo → gô, then googl): show the keys as typed.
            return raw.toString();
        }
        int toneAt = tone == Tone.NONE ? -1 : syl.toneIndex(letters, style);
        StringBuilder sb = new StringBuilder(letters.size() + 2);
        for (int i = 0; i < letters.size(); i++) {
            Letter l = letters.get(i);
            // uơ followed by anything is written ươ (nuơc → nước, nguơi → người).
            if (syl.valid() && l.base() == 'u' && l.mark() == Mark.NONE && i >= syl.vowelStart()
                    && i + 2 < letters.size() + 1 && i + 1 < syl.vowelEnd()
                    && letters.get(i + 1).base() == 'o' && letters.get(i + 1).mark() == Mark.HORN
                    && i + 2 < letters.size()) {
                l = l.with(Mark.HORN);
            }
            sb.append(l.text(i == toneAt ? tone : Tone.NONE));
        }
        return sb.toString();
    }
}
