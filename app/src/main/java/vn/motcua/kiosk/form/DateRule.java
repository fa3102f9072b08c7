package vn.motcua.kiosk.form;

/**
 * Constraints on a date field. {@code notBefore}/{@code notAfter} name another date field; inside
 * a repeating group a plain id means the field of the same row ("to" not before "from").
 *
 * @param notFuture the date is today or earlier (dates of birth, of death, of issue)
 * @param notPast   the date is today or later
 * @param monthOnly  the form asks the month and year only (Form 03/2024's residence history):
 *                   stored {@code yyyy-MM}, entered month / year, compared by month
 */
public record DateRule(Boolean notFuture, Boolean notPast, String notBefore, String notAfter, Boolean monthOnly) {

    public DateRule(Boolean notFuture, Boolean notPast, String notBefore, String notAfter) {
        this(notFuture, notPast, notBefore, notAfter, null);
    }

    public boolean isMonthOnly() {
        return Boolean.TRUE.equals(monthOnly);
    }

    public boolean isNotFuture() {
        return Boolean.TRUE.equals(notFuture);
    }

    public boolean isNotPast() {
        return Boolean.TRUE.equals(notPast);
    }
}
