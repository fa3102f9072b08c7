// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import java.util.List;

/**
 * Why a refused dossier was discarded: a small fixed set, so the tombstone and the event log
 * hold a word staff chose from a list and never free text that could name the citizen.
 */
public enum DiscardReason {
    /** The citizen will come back and file it again (corrected). */
    CITIZEN_WILL_FILE_AGAIN,
    /** Filed on paper at the desk instead. */
    FILED_AT_DESK,
    /** The same dossier was filed twice. */
    DUPLICATE,
    /** The citizen no longer wants it. */
    CITIZEN_WITHDREW,
    /** Nobody resent or discarded it within privacy.refusedOutboxDays: the kiosk erased it. */
    EXPIRED;

    /** What staff may choose ("Hủy hồ sơ"); {@link #EXPIRED} is the kiosk's own. */
    public static final List<DiscardReason> STAFF_CHOICES = List.of(CITIZEN_WILL_FILE_AGAIN, FILED_AT_DESK, DUPLICATE, CITIZEN_WITHDREW);
}
