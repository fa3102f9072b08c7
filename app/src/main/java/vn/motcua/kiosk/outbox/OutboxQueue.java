// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import java.util.List;

/** The outbox as the staff screen uses it: the list, and "send again" for a parked entry. */
public interface OutboxQueue {
    List<Outbox.QueueItem> items();

    /** Puts a parked entry back in the queue and wakes the sender. */
    void resend(String localRef);
}
