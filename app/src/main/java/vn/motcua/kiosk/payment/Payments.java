// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.payment;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.portal.Answers;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.PortalRefusedException;

/**
 * The fee of a submitted dossier: a payment intent from the portal, its VietQR checked, and its
 * status polled. Blocking (call off the UI thread); every answer is a {@link Step} with words.
 */
public final class Payments {
    private static final Logger LOG = LoggerFactory.getLogger(Payments.class);

    public sealed interface Step {
        /** Show this QR and amount, and poll {@code intentId}. */
        record Pay(String intentId, long amount, VietQr qr) implements Step {}

        record Paid(long amount) implements Step {}

        /** Nothing to pay for this dossier. */
        record NoFee() implements Step {}

        /** The QR cannot be trusted or the portal refused: pay at the counter; {@code messageKey} says why. */
        record AtCounter(String messageKey) implements Step {}

        /** No answer now: try again, or pay at the counter. */
        record Unreachable(String messageKey) implements Step {}
    }

    private final Supplier<PortalClient> client;
    private final FeeArrivals arrivals;

    public Payments(Supplier<PortalClient> client) {
        this(client, null);
    }

    /** @param arrivals where a confirmed fee is announced to staff, or null */
    public Payments(Supplier<PortalClient> client, FeeArrivals arrivals) {
        this.client = client;
        this.arrivals = arrivals;
    }

    /** Asks the portal for the intent (idempotent: the same one while pending) and checks its QR. */
    public Step start(String dossierId) {
        PortalClient c = client.get();
        if (c == null) {
            return new Step.Unreachable("portal.error.offline");
        }
        try {
            return announced(c.createPaymentIntent(dossierId));
        } catch (PortalRefusedException e) {
            if (e.status() == 409 && "no-fee-due".equals(e.problem().kind())) {
                return new Step.NoFee();
            }
            return new Step.AtCounter("fee.error.refused");
        } catch (PortalException e) {
            return new Step.Unreachable(e.messageKey());
        }
    }

    /** One look at the intent: still to pay, or paid. */
    public Step poll(String intentId) {
        PortalClient c = client.get();
        if (c == null) {
            return new Step.Unreachable("portal.error.offline");
        }
        try {
            return announced(c.paymentIntent(intentId));
        } catch (PortalRefusedException e) {
            return new Step.AtCounter("fee.error.refused");
        } catch (PortalException e) {
            return new Step.Unreachable(e.messageKey());
        }
    }

    private Step announced(Answers.PaymentIntent intent) {
        if (intent.paid() && arrivals != null) {
            arrivals.paid(intent.intentId(), intent.amount());
        }
        return step(intent);
    }

    static Step step(Answers.PaymentIntent intent) {
        if (intent.paid()) {
            return new Step.Paid(intent.amount());
        }
        if (intent.vietqr() == null) {
            return new Step.AtCounter("fee.error.qr");
        }
        try {
            VietQr qr = VietQr.parse(intent.vietqr().payload());
            if (qr.amount().isPresent() && qr.amount().get() != intent.amount()) {
                LOG.warn("payment intent {}: QR amount differs from the intent's", intent.intentId());
                return new Step.AtCounter("fee.error.qr");
            }
            return new Step.Pay(intent.intentId(), intent.amount(), qr);
        } catch (VietQr.InvalidPayload e) {
            LOG.warn("payment intent {}: VietQR refused: {}", intent.intentId(), e.getMessage());
            return new Step.AtCounter("fee.error.qr");
        }
    }
}
