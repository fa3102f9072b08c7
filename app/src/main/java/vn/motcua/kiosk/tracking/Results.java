// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.PortalRefusedException;
import vn.motcua.kiosk.signing.pades.ResultVerifier;

/**
 * "Nhận kết quả": the e-result PDF of a finished dossier, once the citizen proves it with the code
 * and the last four phone digits. Blocking (off the UI thread). The PDF is held in memory only,
 * printed, and dropped: nothing of it is written on the shared machine. Its signature is checked
 * before it is offered for printing ({@link ResultVerifier}): a result that is not genuine is never
 * handed out, and staff hear why through {@link Refusals}.
 */
public final class Results {
    public sealed interface Outcome {
        /** Genuine: signed by {@code signerName} at {@code signedAt}, whole and trusted. */
        record Ready(String code, byte[] pdf, String signerName, Instant signedAt) implements Outcome {}

        /** The portal gave a PDF whose signature does not hold: not to be printed as the result. */
        record NotGenuine(String code, ResultVerifier.Problem problem) implements Outcome {}

        /** Found, but not done yet: when it is due. */
        record NotReady(Tracking.Status status, OffsetDateTime dueAt) implements Outcome {}

        record NotFound() implements Outcome {}

        /** A local reference still waiting in this kiosk's outbox: no result before it is even sent. */
        record Queued(boolean refused) implements Outcome {}

        /** A local reference whose refused dossier was discarded: there will be no result. */
        record Cancelled(Instant at) implements Outcome {}

        /** A local reference this kiosk does not know. */
        record NotOnThisKiosk() implements Outcome {}

        record Unreachable(String messageKey) implements Outcome {}
    }

    /**
     * Where refused results are told (the event log), so that staff see why a citizen was sent to
     * them. Gets the problem and the verifier's technical detail, never the result or the code.
     */
    @FunctionalInterface
    public interface Refusals {
        Refusals NONE = (problem, detail) -> { };

        void refused(ResultVerifier.Problem problem, String detail);
    }

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private final Tracking tracking;
    private final ResultVerifier verifier;
    private final Refusals refusals;

    public Results(Tracking tracking, ResultVerifier verifier, Refusals refusals) {
        this.tracking = tracking;
        this.verifier = verifier;
        this.refusals = refusals;
    }

    public Outcome fetch(String code, String last4) {
        Tracking.Outcome found = tracking.lookup(code, last4);
        if (found instanceof Tracking.Outcome.NotFound) {
            return new Outcome.NotFound();
        }
        if (found instanceof Tracking.Outcome.Queued q) {
            return new Outcome.Queued(q.refused());
        }
        if (found instanceof Tracking.Outcome.Cancelled c) {
            return new Outcome.Cancelled(c.at());
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
            ResultVerifier.Verdict verdict = verifier.check(pdf);
            if (!verdict.genuine()) {
                refusals.refused(verdict.problem(), verdict.detail());
                return new Outcome.NotGenuine(t.code(), verdict.problem());
            }
            return new Outcome.Ready(t.code(), pdf, verdict.signerName(), verdict.signedAt());
        } catch (PortalRefusedException e) {
            return e.status() == 409 ? new Outcome.NotReady(t.status(), t.dueAt()) : new Outcome.Unreachable(e.messageKey());
        } catch (PortalException e) {
            return new Outcome.Unreachable(e.messageKey());
        }
    }
}
