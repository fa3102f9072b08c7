package vn.motcua.kiosk.keyboard;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A word split the Vietnamese way: initial consonants, the vowel cluster, the final consonant.
 * "qu" and "gi" before another vowel are consonants (quý, giá); otherwise the i of "gi" is the
 * vowel (gì, gìn). {@code valid} means the word has the shape of a Vietnamese syllable or of the
 * beginning of one; only such words are transformed by tone and mark keys.
 */
record Syllable(String initial, int vowelStart, int vowelEnd, String coda, boolean valid) {

    private static final Set<String> INITIALS = Set.of("", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k",
            "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x");
    private static final Set<String> CODAS = Set.of("", "c", "ch", "m", "n", "ng", "nh", "p", "t");
    // Every vowel cluster of the language (tone-free); a cluster being typed must fit one of them.
    private static final List<List<Letter>> NUCLEI = Stream.of("a", "ai", "ao", "au", "ay", "ă", "â", "âu", "ây",
                    "e", "eo", "ê", "êu", "i", "ia", "iu", "iê", "iêu", "o", "oa", "oai", "oay", "oă", "oe", "oeo", "oo",
                    "oi", "ô", "ôi", "ơ", "ơi", "u", "ua", "uâ", "uây", "uê", "ui", "uô", "uôi", "uơ", "uy", "uya",
                    "uyê", "uyu", "ư", "ưa", "ưi", "ưu", "ươ", "ươi", "ươu", "y", "yê", "yêu")
            .map(n -> n.chars().mapToObj(c -> Letter.parse((char) c).letter()).toList())
            .toList();

    static Syllable of(List<Letter> letters) {
        int n = letters.size();
        int i = 0;
        while (i < n && !letters.get(i).vowel()) {
            i++;
        }
        String initial = consonants(letters, 0, i);
        if (i + 1 < n && letters.get(i + 1).vowel() && letters.get(i).mark() == Mark.NONE) {
            char v = letters.get(i).base();
            if ((initial.equals("q") && v == 'u') || (initial.equals("g") && v == 'i')) {
                initial = initial + v;
                i++;
            }
        }
        int start = i;
        while (i < n && letters.get(i).vowel()) {
            i++;
        }
        int end = i;
        String coda = consonants(letters, end, n);
        boolean allLatin = letters.stream().allMatch(Letter::latin);
        boolean valid = allLatin && INITIALS.contains(initial) && CODAS.contains(coda)
                && fitsNucleus(letters, start, end) && (end > start || coda.isEmpty());
        return new Syllable(initial, start, end, coda, valid);
    }

    /**
     * Whether letters [from, to) are a vowel cluster of the language or the start of one; a vowel
     * still without its mark fits (uo on the way to ươ), a mark the language never writes there
     * does not (ôe, iư).
     */
    static boolean fitsNucleus(List<Letter> letters, int from, int to) {
        int k = to - from;
        if (k == 0) {
            return true;
        }
        for (List<Letter> n : NUCLEI) {
            if (n.size() < k) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < k && fits; i++) {
                Letter c = letters.get(from + i);
                fits = c.base() == n.get(i).base() && (c.mark() == Mark.NONE || c.mark() == n.get(i).mark());
            }
            if (fits) {
                return true;
            }
        }
        return false;
    }

    private static String consonants(List<Letter> letters, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            Letter l = letters.get(k);
            sb.append(l.mark() == Mark.STROKE ? 'đ' : l.base());
        }
        return sb.toString();
    }

    boolean hasVowel() {
        return vowelEnd > vowelStart;
    }

    int vowels() {
        return vowelEnd - vowelStart;
    }

    /**
     * The index of the letter that carries the tone: the marked vowel (the last one, so ươ → ơ);
     * else the only vowel; else, with a final consonant, the last vowel; else the middle of three;
     * else the first of two, except open oa/oe/uy, which depend on the style.
     */
    int toneIndex(List<Letter> letters, ToneStyle style) {
        if (!valid || !hasVowel()) {
            for (int k = letters.size() - 1; k >= 0; k--) {
                if (letters.get(k).vowel()) {
                    return k;
                }
            }
            return -1;
        }
        for (int k = vowelEnd - 1; k >= vowelStart; k--) {
            if (letters.get(k).marked()) {
                return k;
            }
        }
        if (vowels() == 1) {
            return vowelStart;
        }
        if (!coda.isEmpty()) {
            return vowelEnd - 1;
        }
        if (vowels() == 3) {
            return vowelStart + 1;
        }
        String pair = "" + letters.get(vowelStart).base() + letters.get(vowelStart + 1).base();
        boolean styled = pair.equals("oa") || pair.equals("oe") || pair.equals("uy");
        return styled && style == ToneStyle.NEW ? vowelStart + 1 : vowelStart;
    }
}
