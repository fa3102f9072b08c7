package vn.motcua.kiosk.form;

import java.util.regex.Pattern;

/**
 * A practical e-mail check: something the portal will accept and a person most likely meant —
 * not the whole of RFC 5322 (quoted local parts are not offered to citizens).
 */
public final class Emails {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,24}$");

    private Emails() {}

    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String s = raw.strip();
        return s.length() <= 254 && !s.contains("..") && EMAIL.matcher(s).matches();
    }
}
