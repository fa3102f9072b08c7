package vn.motcua.kiosk.keyboard;

/**
 * What the text field must do after a key: delete {@code delete} characters (UTF-16 units) just
 * before the caret, then insert {@code insert} there. Small edits keep the caret and undo history
 * of the field sensible instead of replacing the whole text.
 */
public record Edit(int delete, String insert) {
    public static final Edit NONE = new Edit(0, "");

    public Edit {
        if (delete < 0) {
            throw new IllegalArgumentException("delete < 0");
        }
    }

    /** The smallest edit that turns {@code before} (just left of the caret) into {@code after}. */
    static Edit between(String before, String after) {
        int p = 0;
        int max = Math.min(before.length(), after.length());
        while (p < max && before.charAt(p) == after.charAt(p)) {
            p++;
        }
        // Never split a surrogate pair.
        if (p > 0 && Character.isHighSurrogate(before.charAt(p - 1))) {
            p--;
        }
        return new Edit(before.length() - p, after.substring(p));
    }

    public boolean isEmpty() {
        return delete == 0 && insert.isEmpty();
    }

    /** Applies the edit to a text whose caret is at its end; for tests and the physical-key filter. */
    public String applyTo(String textBeforeCaret) {
        // A backspace at the start of the field deletes nothing.
        return textBeforeCaret.substring(0, Math.max(0, textBeforeCaret.length() - delete)) + insert;
    }
}
