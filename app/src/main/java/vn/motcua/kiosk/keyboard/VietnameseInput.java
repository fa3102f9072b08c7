package vn.motcua.kiosk.keyboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The Vietnamese input engine shared by the on-screen keyboard and physical keyboards: it keeps
 * the strokes of the word being typed and re-renders the whole word after each one, answering
 * with the {@link Edit} the text field must make before its caret. Rules: see package-info.
 * Not thread-safe; one per text field or keyboard.
 */
public final class VietnameseInput {
    private InputMethod method;
    private ToneStyle style;
    private final List<Stroke> strokes = new ArrayList<>();
    private String shown = "";
    // True right after a stroke that changed the word in place: the next backspace takes it back.
    private boolean lastTransformed;

    public VietnameseInput(InputMethod method, ToneStyle style) {
        this.method = method;
        this.style = style;
    }

    /** Runs {@code keys} through a new engine as if typed into an empty field; '\b' is backspace. */
    public static String compose(InputMethod method, ToneStyle style, CharSequence keys) {
        VietnameseInput in = new VietnameseInput(method, style);
        String text = "";
        for (int i = 0; i < keys.length(); i++) {
            char c = keys.charAt(i);
            Edit e = c == '\b' ? in.backspace() : in.type(c);
            text = e.applyTo(text);
            if (c == '\b' && in.word().isEmpty()) {
                in.resume(lastWord(text));
            }
        }
        return text;
    }

    /** The word just left of the caret in {@code textBeforeCaret} (letters and digits). */
    public static String lastWord(String textBeforeCaret) {
        int i = textBeforeCaret.length();
        while (i > 0 && isWordChar(textBeforeCaret.charAt(i - 1))) {
            i--;
        }
        return textBeforeCaret.substring(i);
    }

    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    public InputMethod method() {
        return method;
    }

    public ToneStyle style() {
        return style;
    }

    /** Switching method or style starts a new word; the text already typed stays as it is. */
    public void setMethod(InputMethod method) {
        this.method = method;
        reset();
    }

    public void setStyle(ToneStyle style) {
        this.style = style;
        reset();
    }

    /** The current word as the field shows it. */
    public String word() {
        return shown;
    }

    /** A typed character. Anything but a letter or digit ends the word and is inserted as it is. */
    public Edit type(char c) {
        if (!isWordChar(c)) {
            reset();
            return new Edit(0, String.valueOf(c));
        }
        return push(new Stroke.Key(c));
    }

    /** A letter from the diacritic row (ă â đ ê ô ơ ư), taken as it is. */
    public Edit letter(char c) {
        if (!isWordChar(c)) {
            return type(c);
        }
        return push(new Stroke.Literal(c));
    }

    /** A tone from the diacritic row; the same tone again takes it off. No vowel yet: nothing. */
    public Edit tone(Tone tone) {
        return push(new Stroke.ToneTap(tone));
    }

    /** A mark from the diacritic row (tap a, then ^ → â); the same mark again takes it off. */
    public Edit mark(Mark mark) {
        return push(new Stroke.MarkTap(mark));
    }

    /**
     * Right after a tone or mark stroke: takes that stroke back (tiếng → tiêng). Otherwise deletes
     * the last character of the word with its marks (tiêng → tiên), and the rest of the word stays
     * editable. With no word under way: {@code Edit(1, "")}, an ordinary backspace; the caller may
     * then {@link #resume} the word now before the caret.
     */
    public Edit backspace() {
        if (strokes.isEmpty()) {
            reset();
            return new Edit(1, "");
        }
        if (lastTransformed) {
            strokes.remove(strokes.size() - 1);
            lastTransformed = false;
            return rerender();
        }
        if (shown.isEmpty()) {
            reset();
            return new Edit(1, "");
        }
        String keep = shown.substring(0, shown.offsetByCodePoints(shown.length(), -1));
        strokes.clear();
        keep.chars().forEach(ch -> strokes.add(new Stroke.Literal((char) ch)));
        Edit e = rerender();
        if (shown.isEmpty()) {
            reset();
        }
        return e;
    }

    /** Ends the word: the caret moved, the field changed, or a separator was typed. */
    public void reset() {
        strokes.clear();
        shown = "";
        lastTransformed = false;
    }

    /**
     * Continues a word already in the field (the caret was put right after it, or a backspace
     * came back into it), so a tone typed now still lands: Nguyen + x → Nguyễn.
     */
    public void resume(String word) {
        reset();
        for (int i = 0; i < word.length(); i++) {
            if (!isWordChar(word.charAt(i))) {
                throw new IllegalArgumentException("not a single word: " + word);
            }
            strokes.add(new Stroke.Literal(word.charAt(i)));
        }
        shown = word;
    }

    private Edit push(Stroke s) {
        strokes.add(s);
        Composer.Result r = Composer.render(strokes, method, style);
        if (r.last() == Composer.Outcome.NOTHING) {
            strokes.remove(strokes.size() - 1);
            return Edit.NONE;
        }
        lastTransformed = r.last() == Composer.Outcome.TRANSFORMED;
        Edit e = Edit.between(shown, r.text());
        shown = r.text();
        return e;
    }

    private Edit rerender() {
        String text = Composer.render(strokes, method, style).text();
        Edit e = Edit.between(shown, text);
        shown = text;
        return e;
    }
}
