// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.store.Draft;
import vn.motcua.kiosk.store.DraftStore;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.store.ReceiptStore;

/**
 * "Bắt đầu tập huấn lại" on a kiosk running its own training portal: trainees often type their own
 * names and ID numbers, so before the next group the portal erases its dossiers, then the kiosk its
 * outbox entries, reprint copies and parked drafts (each store scrubs its file). The portal goes
 * first: if it does not answer, nothing is erased and staff can try again.
 */
public final class TrainingAfresh {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingAfresh.class);

    /** How many of each the kiosk holds (before) or erased (after). */
    public record Counts(int outbox, int receipts, int drafts) {}

    private final PortalLink portal;
    private final ReceiptStore receipts;
    private final DraftStore drafts;
    private final EventLog events;

    TrainingAfresh(PortalLink portal, ReceiptStore receipts, DraftStore drafts, EventLog events) {
        this.portal = portal;
        this.receipts = receipts;
        this.drafts = drafts;
        this.events = events;
    }

    /** What the kiosk itself holds now (for the confirmation). Reads the database: not on the FX thread. */
    public Counts leftovers() {
        return new Counts(portal.outbox().store().all().size(), receipts.all().size(),
                (int) drafts.all().stream().filter(Draft::parked).count());
    }

    /** Erases everything the training left, portal first. Slow (network, file scrubbing): not on the FX thread. */
    public Counts run() throws PortalException {
        portal.eraseTrainingPortal();
        Counts erased = new Counts(portal.outbox().eraseAll(), receipts.eraseAll(), drafts.eraseParked());
        events.record(EventType.TRAINING_ERASED, null,
                "outbox=" + erased.outbox() + " receipts=" + erased.receipts() + " drafts=" + erased.drafts());
        LOG.info("training started afresh: portal dossiers, {} outbox entries, {} receipts, {} parked drafts erased",
                erased.outbox(), erased.receipts(), erased.drafts());
        return erased;
    }
}
