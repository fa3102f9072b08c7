// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.speech;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be said aloud in a public hall. Instructions, field names and hints come from the
 * kiosk and its catalogue; but a message can quote the citizen's own entry (a birth year, an ID
 * number's first digits, a phone), so numbers of four digits or more, and any bracket holding
 * digits, are left out of what is spoken. The citizen still sees them on screen.
 */
public final class SpokenText {
    private static final Pattern BRACKET_WITH_DIGITS = Pattern.compile("\\s*\\([^)]*\\d[^)]*\\)");
    /** A run of digits, perhaps grouped ("0912 345 678", "15/08/1995", "001.095.012"). */
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d./\\- ]*\\d|\\d");
    private static final int LONGEST_SPOKEN_NUMBER = 3;

    private SpokenText() {}

    /** {@code text} without the numbers that could be personal data. */
    public static String withoutPersonalData(String text) {
        String s = BRACKET_WITH_DIGITS.matcher(text).replaceAll("");
        Matcher m = NUMBER.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long digits = m.group().chars().filter(Character::isDigit).count();
            m.appendReplacement(out, digits > LONGEST_SPOKEN_NUMBER ? "" : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString().replaceAll("\\s+([,.;:])", "$1").replaceAll("\\s{2,}", " ").strip();
    }

    /** The parts as sentences: each ends with a stop, so the voice pauses between them. */
    public static String sentences(List<String> parts) {
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            String t = p == null ? "" : p.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(t);
            if (!t.matches(".*[.!?:;…]$")) {
                out.append('.');
            }
        }
        return out.toString();
    }
}
