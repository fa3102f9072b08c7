// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.staff;

/** What staff do behind the PIN, as the event log records it with who did it. */
public enum StaffAction {
    REPRINT, RESEND, DISCARD, LEAVE_FULL_SCREEN, SHUT_DOWN, ADD_VOLUNTEER, REMOVE_VOLUNTEER, TRAINING_ON, TRAINING_OFF;

    /** The word in the log's detail ({@code action=reprint}). */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
