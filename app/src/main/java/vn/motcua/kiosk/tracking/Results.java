// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.tracking;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.PortalRefusedException;

/**
 * "Nhận kết quả": the e-result PDF of a finished dossier, once the citizen proves it with the code
 * and the last four phone digits. Blocking (off the UI thread). The PDF is held in memory only,
 * printed, and dropped: nothing of it is written on the shared machine.
 */
public final class Results {
    public sealed interface Outcome {
        record Ready(String code, byte[] pdf) implements Outcome {}

        /** Found, but not done yet: when it is due. */
        record NotReady(Tracking.Status status, OffsetDateTime dueAt) implements Outcome {}

        record NotFound() implements Outcome {}

        /** A local reference still waiting in this kiosk's outbox: no result before it is even sent. */
        record Queued(boolean refused) implements Outcome {}

        /** A local reference this kiosk does not know. */
        record NotOnThisKiosk() implements Outcome {}

        record Unreachable(String messageKey) implements Outcome {}
    }

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private final Tracking tracking;

    public Results(Tracking tracking) {
        this.tracking = tracking;
    }

    public Outcome fetch(String code, String last4) {
        Tracking.Outcome found = tracking.lookup(code, last4);
        if (found instanceof Tracking.Outcome.NotFound) {
            return new Outcome.NotFound();
        }
        if (found instanceof Tracking.Outcome.Queued q) {
            return new Outcome.Queued(q.refused());
        }
        if (found instanceof Tracking.Outcome.NotOnThisKiosk) {
            return new Outcome.NotOnThisKiosk();
        }
        if (found instanceof Tracking.Outcome.Refused r) {
            return new Outcome.Unreachable(r.messageKey());
        }
        if (found instanceof Tracking.Outcome.Unreachable u) {
            return new Outcome.Unreachable(u.messageKey());
        }
        Tracking.Tracked t = ((Tracking.Outcome.Found) found).dossier();
        if (!t.resultAvailable() || t.lookupId() == null) {
            return new Outcome.NotReady(t.status(), t.dueAt());
        }
        PortalClient c = tracking.client.get();
        if (c == null) {
            return new Outcome.Unreachable("portal.error.offline");
        }
        try {
            byte[] pdf = c.lookupResult(t.lookupId());
            if (pdf.length < PDF_MAGIC.length || !Arrays.equals(Arrays.copyOf(pdf, PDF_MAGIC.length), PDF_MAGIC)) {
                return new Outcome.Unreachable("portal.error.answer"); // never send a non-PDF to the printer
            }
            return new Outcome.Ready(t.code(), pdf);
        } catch (PortalRefusedException e) {
            return e.status() == 409 ? new Outcome.NotReady(t.status(), t.dueAt()) : new Outcome.Unreachable(e.messageKey());
        } catch (PortalException e) {
            return new Outcome.Unreachable(e.messageKey());
        }
    }
}
