package vn.motcua.kiosk.form;

/**
 * Vietnamese phone numbers as citizens write them: mobiles {@code 0[35789]} + 8 digits (10 in
 * all, since the 2018 renumbering), landlines {@code 02} + 9 digits (11 in all, since 2017);
 * {@code +84} / {@code 84} instead of the leading 0; spaces, dots, dashes and brackets ignored.
 */
public final class PhoneNumbers {
    private PhoneNumbers() {}

    /** The number as {@code 0…} digits, or null when it is not a Vietnamese number. */
    public static String normalise(String raw) {
        String digits = compact(raw);
        if (digits == null) {
            return null;
        }
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        } else if (digits.startsWith("84") && (digits.length() == 11 || digits.length() == 12)) {
            digits = "0" + digits.substring(2);
        }
        if (digits.matches("0[35789]\\d{8}") || digits.matches("02\\d{9}")) {
            return digits;
        }
        return null;
    }

    public static boolean isValid(String raw) {
        return normalise(raw) != null;
    }

    /** Whether typing more digits could still make a valid number. */
    public static boolean couldBecomeValid(String raw) {
        String d = compact(raw);
        if (d == null) {
            return false;
        }
        if (d.startsWith("+")) {
            return "+84".startsWith(d) || (d.startsWith("+84") && d.length() <= 13 && !d.startsWith("+840"));
        }
        if (d.startsWith("8")) {
            return d.length() <= 12;
        }
        if (d.isEmpty() || d.equals("0")) {
            return true;
        }
        return d.charAt(0) == '0' && "235789".indexOf(d.charAt(1)) >= 0 && d.length() <= (d.charAt(1) == '2' ? 11 : 10);
    }

    private static String compact(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9' || (c == '+' && b.length() == 0)) {
                b.append(c);
            } else if (" .-()\u00a0".indexOf(c) < 0) {
                return null;
            }
        }
        return b.toString();
    }
}
