package vn.motcua.kiosk.ui.form;

/**
 * A date answer as the three boxes day / month / year. A complete date is stored ISO
 * ({@code 2000-02-31} too: the validator then says it is not a date, and the citizen's digits
 * stay); a date still being typed is stored as the parts joined by dashes ({@code 1995--15}),
 * so a draft keeps half-typed dates as well. A month-only date (no day box) is stored {@code
 * yyyy-MM} the same way.
 */
record DateParts(String day, String month, String year) {

    static DateParts of(String stored) {
        if (stored == null || stored.isEmpty()) {
            return new DateParts("", "", "");
        }
        String[] p = stored.split("-", -1);
        if (p.length == 2) {
            return new DateParts("", p[1], p[0]);
        }
        if (p.length != 3) {
            return new DateParts("", "", stored);
        }
        return new DateParts(p[2], p[1], p[0]);
    }

    /** What to store for a month-only date: null when both boxes are empty. */
    String storedMonth() {
        String m = month.strip();
        String y = year.strip();
        if (m.isEmpty() && y.isEmpty()) {
            return null;
        }
        if (m.matches("\\d{1,2}") && y.matches("\\d{4}")) {
            return y + "-" + pad(m);
        }
        return y + "-" + m;
    }

    /** What to store: null when all three boxes are empty. */
    String stored() {
        String d = day.strip();
        String m = month.strip();
        String y = year.strip();
        if (d.isEmpty() && m.isEmpty() && y.isEmpty()) {
            return null;
        }
        if (d.matches("\\d{1,2}") && m.matches("\\d{1,2}") && y.matches("\\d{4}")) {
            return y + "-" + pad(m) + "-" + pad(d);
        }
        return y + "-" + m + "-" + d;
    }

    /** A whole date, or a whole month of a month-only date: from then on it is checked as typed. */
    static boolean isComplete(String stored) {
        return stored != null && stored.matches("\\d{4}-\\d{2}(-\\d{2})?");
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }
}
