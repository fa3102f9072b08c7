// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.drafts;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A name as a volunteer's list of parked drafts shows it: each word's first letter and at most
 * three stars ("Nguyễn Văn An" → "N*** V** A*"), enough for the citizen at the desk to say "that
 * is mine", too little for anyone else to learn who filed.
 */
public final class MaskedName {
    private static final int MAX_STARS = 3;

    private MaskedName() {}

    public static String of(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        List<String> words = new ArrayList<>();
        for (String word : Normalizer.normalize(name.strip(), Normalizer.Form.NFC).split("\\s+")) {
            int first = word.codePointAt(0);
            int letters = word.codePointCount(0, word.length());
            words.add(new String(Character.toChars(Character.toUpperCase(first))) + "*".repeat(Math.min(MAX_STARS, letters - 1)));
        }
        return String.join(" ", words);
    }
}
