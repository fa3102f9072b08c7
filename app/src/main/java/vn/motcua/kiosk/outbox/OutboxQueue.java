// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import java.util.List;

/** The outbox as the staff screen uses it: the list, "send again" and "discard" for a parked entry. */
public interface OutboxQueue {
    List<Outbox.QueueItem> items();

    /** Puts a parked entry back in the queue and wakes the sender. */
    void resend(String localRef);

    /** "Hủy hồ sơ": erases a parked entry for one of {@link DiscardReason#STAFF_CHOICES}, leaving a tombstone. */
    void discard(String localRef, DiscardReason reason);
}
