package vn.motcua.kiosk.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The citizen's answers as a flat map from path to text, so that a draft is one JSON object and
 * survives any change of the form's layout. Paths:
 * <ul>
 *   <li>{@code fullName}, {@code father.name}: a field;</li>
 *   <li>{@code permanentAddress.province}, {@code .commune}, {@code .street}: an address;</li>
 *   <li>{@code residenceHistory[0].from}: a column of row 0 of a group (rows from 0).</li>
 * </ul>
 * Values: text as typed (NFC); dates {@code yyyy-MM-dd}; yes/no {@code true}/{@code false};
 * multiple choice the values joined by commas. Not thread-safe: one session edits it.
 */
public final class Answers {
    public static final String PROVINCE = "province";
    public static final String COMMUNE = "commune";
    public static final String STREET = "street";

    private static final Pattern ROW = Pattern.compile("^(.+?)\\[(\\d+)]\\.(.+)$");

    private final TreeMap<String, String> values = new TreeMap<>();

    public Answers() {}

    /** From a draft's map; null values are dropped. */
    public static Answers of(Map<String, String> map) {
        Answers a = new Answers();
        map.forEach((k, v) -> {
            if (v != null) {
                a.values.put(k, v);
            }
        });
        return a;
    }

    /** A copy for serialising the draft: path → value, sorted. */
    public Map<String, String> asMap() {
        return new TreeMap<>(values);
    }

    /** The answer at a path, or null when there is none. */
    public String get(String path) {
        return values.get(path);
    }

    public boolean isAnswered(String path) {
        String v = values.get(path);
        return v != null && !v.isBlank();
    }

    public Answers put(String path, String value) {
        if (value == null) {
            values.remove(path);
        } else {
            values.put(path, value);
        }
        return this;
    }

    public Answers remove(String path) {
        values.remove(path);
        return this;
    }

    /** The values of a multiple-choice answer. */
    public List<String> values(String path) {
        return split(values.get(path));
    }

    public Answers putValues(String path, List<String> chosen) {
        return put(path, String.join(",", chosen));
    }

    static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public static String rowPath(String group, int row, String column) {
        return group + "[" + row + "]." + column;
    }

    /** Rows a group has: one more than the highest row index present. */
    public int rows(String group) {
        int n = 0;
        String prefix = group + "[";
        for (String key : values.tailMap(prefix, true).keySet()) {
            if (!key.startsWith(prefix)) {
                break;
            }
            Matcher m = ROW.matcher(key);
            if (m.matches() && m.group(1).equals(group)) {
                n = Math.max(n, Integer.parseInt(m.group(2)) + 1);
            }
        }
        return n;
    }

    /** Adds an empty row at the end of a group; returns its index. */
    public int addRow(Field group) {
        int row = rows(group.id());
        for (Field c : group.columns()) {
            values.put(rowPath(group.id(), row, c.id()), "");
        }
        return row;
    }

    /** Removes a row; later rows move up by one so indexes stay dense. */
    public void removeRow(String group, int row) {
        String prefix = group + "[";
        List<String> keys = new ArrayList<>(values.tailMap(prefix, true).keySet());
        Map<String, String> moved = new TreeMap<>();
        for (String key : keys) {
            Matcher m = ROW.matcher(key);
            if (!key.startsWith(prefix) || !m.matches() || !m.group(1).equals(group)) {
                continue;
            }
            int index = Integer.parseInt(m.group(2));
            String value = values.remove(key);
            if (index > row) {
                moved.put(rowPath(group, index - 1, m.group(3)), value);
            } else if (index < row) {
                moved.put(key, value);
            }
        }
        values.putAll(moved);
    }

    /** The group, row and column of a row path, or null when the path is not in a row. */
    public static RowRef rowRef(String path) {
        Matcher m = ROW.matcher(path);
        return m.matches() ? new RowRef(m.group(1), Integer.parseInt(m.group(2)), m.group(3)) : null;
    }

    public record RowRef(String group, int row, String column) {
        public String prefix() {
            return group + "[" + row + "].";
        }
    }

    @Override
    public String toString() {
        // Answers hold personal data: never print them into a log.
        return "Answers[" + values.size() + " values]";
    }
}
