package vn.motcua.kiosk.calendar;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.kiosk.form.Label;

/**
 * When the result is due, for the procedure card and the receipt.
 *
 * @param date         the return date; null when the procedure's handling time is not published
 * @param countedFrom  the working day the dossier counts as received
 * @param workingDays  the working days allowed (0 for same day)
 * @param explanation  message keys ({@code duedate.*}) in order, e.g. received after the cut-off
 * @param reason       the catalogue's reason for a variant handling time, or null
 * @param certain      false when a holiday on the way is not yet officially confirmed, or a year has no holiday list
 */
public record DueDate(LocalDate date, LocalDate countedFrom, int workingDays, List<String> explanation, Label reason,
                      boolean certain) {
    public DueDate {
        explanation = List.copyOf(explanation);
    }

    public boolean known() {
        return date != null;
    }
}
