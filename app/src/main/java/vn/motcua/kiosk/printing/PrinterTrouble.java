// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

/**
 * Where printer trouble goes so that staff hear of it (the staff screens, a device-health line).
 * It lives with the printing core, not under ui/, so that whatever listens is plugged in from
 * outside and the arrows keep pointing one way. What it gets is the typed exception: printer name
 * and what the print system said, never the receipt's content.
 */
public interface PrinterTrouble {
    /** Nobody listening (tests, a kiosk without staff screens). */
    PrinterTrouble NONE = problem -> { };

    /** A receipt could not be printed; the citizen was offered a retry and the QR. */
    void noticed(PrintingException problem);

    /** A later print on {@code printer} came out: the trouble is over. */
    default void cleared(String printer) { }
}
