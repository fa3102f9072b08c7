package vn.motcua.kiosk.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Folding of Vietnamese text for search: "Lý lịch Tư pháp" and "ly lich tu phap" meet at
 * "ly lich tu phap". Marks are stripped after NFD decomposition; đ/Đ have no decomposition
 * (they are letters of their own), so they are mapped to d explicitly.
 */
public final class Fold {
    private Fold() {}

    /** Lower case, without diacritics, đ → d, every run of non-letters/digits as one space, trimmed. */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || Character.getType(c) == Character.ENCLOSING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ' || c == 'ð' || c == 'Ð') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The folded words of a text. */
    public static List<String> tokens(String text) {
        String folded = fold(text);
        List<String> tokens = new ArrayList<>();
        if (!folded.isEmpty()) {
            for (String t : folded.split(" ")) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /**
     * True when a and b are at most one edit apart: one letter inserted, deleted, replaced, or two
     * neighbours swapped ("lihc" for "lich": the optimal-string-alignment distance ≤ 1).
     */
    public static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            // Replace at i, or swap i and i+1.
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true;
            }
            return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        // Insert/delete at i.
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }
}
