package vn.motcua.kiosk.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Accent-insensitive, word-based search over a fixed list of items, shared by the procedure
 * search and the place search. Every word of the query must match a word of the item: exactly,
 * as a prefix (the citizen is still typing), or — for words of 4 letters or more — with one
 * letter wrong, missing, extra or swapped. Items rank by how well their words matched
 * (exact > prefix > typo), then by the share of the item's words that were asked for (so
 * "khai sinh" puts "Đăng ký khai sinh" before the bundle that also contains those words), then in
 * the list's order.
 *
 * @param <T> what is searched (a procedure, a commune)
 */
public final class TokenSearch<T> {
    /** How a query word met an item word; higher is better. */
    public enum MatchKind { TYPO, PREFIX, EXACT }

    public record Hit<T>(T item, int score, MatchKind weakest) {}

    private static final int TYPO_MIN_LENGTH = 4;

    private record Entry<T>(T item, int order, List<String> words, int primaryWords) {}

    private final List<Entry<T>> entries = new ArrayList<>();

    /** @param texts what the item is found by, all of equal weight */
    public TokenSearch(List<T> items, Function<T, List<String>> texts) {
        this(items, texts, t -> List.of());
    }

    /**
     * @param primary   what the item is called (its names): a word matched here counts more
     * @param secondary what else finds it (keywords, codes, its area): a word matched only here
     *                  counts a little less, so "trích lục" puts the extract procedure before the
     *                  death registration whose keywords mention its extract
     */
    public TokenSearch(List<T> items, Function<T, List<String>> primary, Function<T, List<String>> secondary) {
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            List<String> words = new ArrayList<>();
            addWords(words, primary.apply(item));
            int primaryWords = words.size();
            addWords(words, secondary.apply(item));
            entries.add(new Entry<>(item, i, List.copyOf(words), primaryWords));
        }
    }

    private static void addWords(List<String> words, List<String> texts) {
        for (String text : texts) {
            for (String w : Fold.tokens(text)) {
                if (!words.contains(w)) {
                    words.add(w);
                }
            }
        }
    }

    /** The items every query word matches, best first; an empty query finds nothing. */
    public List<Hit<T>> search(String query, int limit) {
        List<String> q = Fold.tokens(query);
        if (q.isEmpty()) {
            return List.of();
        }
        List<Hit<T>> hits = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        List<Double> coverage = new ArrayList<>();
        for (Entry<T> e : entries) {
            int score = 0;
            MatchKind weakest = MatchKind.EXACT;
            boolean all = true;
            for (String word : q) {
                MatchKind best = null;
                boolean bestPrimary = false;
                for (int wi = 0; wi < e.words().size(); wi++) {
                    MatchKind k = match(word, e.words().get(wi));
                    boolean primary = wi < e.primaryWords();
                    if (k != null && (best == null || k.compareTo(best) > 0 || k == best && primary && !bestPrimary)) {
                        best = k;
                        bestPrimary = primary;
                    }
                }
                if (best == null) {
                    all = false;
                    break;
                }
                score += switch (best) {
                    case EXACT -> 100;
                    case PREFIX -> 60;
                    case TYPO -> 30;
                } - (bestPrimary ? 0 : 5);
                if (best.compareTo(weakest) < 0) {
                    weakest = best;
                }
            }
            if (all) {
                hits.add(new Hit<>(e.item(), score, weakest));
                orders.add(e.order());
                coverage.add((double) q.size() / Math.max(1, e.words().size()));
            }
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.<Integer>comparingInt(i -> -hits.get(i).score())
                .thenComparing(i -> -coverage.get(i))
                .thenComparingInt(orders::get));
        List<Hit<T>> out = new ArrayList<>();
        for (int i = 0; i < idx.size() && out.size() < limit; i++) {
            out.add(hits.get(idx.get(i)));
        }
        return out;
    }

    /** How a folded query word meets a folded item word, or null. */
    static MatchKind match(String queryWord, String word) {
        if (word.equals(queryWord)) {
            return MatchKind.EXACT;
        }
        if (word.startsWith(queryWord)) {
            return MatchKind.PREFIX;
        }
        if (queryWord.length() >= TYPO_MIN_LENGTH && Fold.withinOneEdit(queryWord, word)) {
            return MatchKind.TYPO;
        }
        // The last letter typed may be the wrong one: "sinb" while typing "sinh".
        if (queryWord.length() >= TYPO_MIN_LENGTH && word.length() > queryWord.length()
                && Fold.withinOneEdit(queryWord, word.substring(0, queryWord.length()))) {
            return MatchKind.TYPO;
        }
        return null;
    }
}
