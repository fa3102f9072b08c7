package vn.motcua.kiosk.calendar;

import java.util.List;
import vn.motcua.kiosk.form.Condition;
import vn.motcua.kiosk.form.Label;

/**
 * How long the agency has to return the result, as the catalogue states it.
 *
 * @param kind     {@code sameDay}: today when received before {@code cutoff} on a working day,
 *                 else the next working day; {@code workingDays}: {@code days} working days after
 *                 the (working) day of receipt; {@code unknown}: not published, no date promised
 * @param days     for {@code workingDays}
 * @param cutoff   HH:mm; dossiers received at or after it count as received the next working day
 *                 (required for sameDay; optional for workingDays)
 * @param variants longer (or shorter) times when a condition on the answers holds; the longest matching one applies
 * @param notes    sources and [M] defaults
 */
public record HandlingTime(Kind kind, Integer days, String cutoff, List<Variant> variants, String notes) {

    public enum Kind { sameDay, workingDays, unknown }

    /** @param reason shown next to the due date ("lived in several provinces: up to 15 working days") */
    public record Variant(Condition when, Integer days, Label reason, String notes) {}

    public List<Variant> variantList() {
        return variants == null ? List.of() : variants;
    }
}
