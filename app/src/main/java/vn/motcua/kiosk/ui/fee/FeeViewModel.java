// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.fee;

import java.time.Duration;
import java.util.concurrent.Executor;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.ScheduledService;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import vn.motcua.kiosk.payment.Payments;
import vn.motcua.kiosk.ui.common.QrImages;

/**
 * The fee step: asks the portal for a payment intent, shows its checked VietQR, polls until paid,
 * and always offers paying at the counter instead. Portal calls run off the UI thread.
 */
public final class FeeViewModel {
    public enum Phase {
        /** asking the portal */
        LOADING,
        /** QR on screen, waiting for the bank */
        PAY,
        /** the portal says paid: the screen turns green */
        PAID,
        /** this dossier has no fee */
        NO_FEE,
        /** paying at the counter (chosen, or the QR could not be trusted) */
        COUNTER,
        /** no answer from the portal: try again or pay at the counter */
        UNREACHABLE
    }

    private final Payments payments;
    private final Executor background;
    private final Duration pollEvery;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.LOADING);
    private final LongProperty amount = new SimpleLongProperty();
    private final ObjectProperty<Image> qr = new SimpleObjectProperty<>();
    private final StringProperty messageKey = new SimpleStringProperty("");
    private String dossierId;
    private String intentId;
    private ScheduledService<Payments.Step> poller;

    public FeeViewModel(Payments payments, Executor background, Duration pollEvery) {
        this.payments = payments;
        this.background = background;
        this.pollEvery = pollEvery;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyLongProperty amountProperty() {
        return amount;
    }

    public ReadOnlyObjectProperty<Image> qrProperty() {
        return qr;
    }

    /** Why the counter or a retry is offered (a message key), or "". */
    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey;
    }

    /** Starts the fee step for a submitted dossier. */
    public void open(String dossierId) {
        stop();
        this.dossierId = dossierId;
        intentId = null;
        qr.set(null);
        messageKey.set("");
        phase.set(Phase.LOADING);
        Task<Payments.Step> task = new Task<>() {
            @Override
            protected Payments.Step call() {
                return payments.start(dossierId);
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> show(new Payments.Step.Unreachable("portal.error.answer")));
        background.execute(task);
    }

    public void retry() {
        if (dossierId != null) {
            open(dossierId);
        }
    }

    /** The citizen (or the volunteer) chooses to pay at the counter. */
    public void payAtCounter() {
        stop();
        qr.set(null);
        messageKey.set("");
        phase.set(Phase.COUNTER);
    }

    /** Stops polling (leaving the screen, session end). */
    public void stop() {
        if (poller != null) {
            poller.cancel();
            poller = null;
        }
    }

    private void show(Payments.Step step) {
        if (phase.get() == Phase.COUNTER && step instanceof Payments.Step.Pay) {
            return; // an answer that crossed the citizen's choice of the counter
        }
        if (step instanceof Payments.Step.Pay pay) {
            intentId = pay.intentId();
            amount.set(pay.amount());
            if (qr.get() == null) {
                qr.set(QrImages.of(pay.qr().payload(), 6));
            }
            phase.set(Phase.PAY);
            startPolling();
        } else if (step instanceof Payments.Step.Paid paid) {
            stop();
            amount.set(paid.amount());
            qr.set(null);
            phase.set(Phase.PAID);
        } else if (step instanceof Payments.Step.NoFee) {
            stop();
            phase.set(Phase.NO_FEE);
        } else if (step instanceof Payments.Step.AtCounter counter) {
            stop();
            qr.set(null); // never leave a QR on screen that could not be trusted
            messageKey.set(counter.messageKey());
            phase.set(Phase.COUNTER);
        } else if (step instanceof Payments.Step.Unreachable u) {
            if (phase.get() == Phase.PAY) {
                // A missed poll is not a failure: the QR stays, the next poll may answer.
                return;
            }
            messageKey.set(u.messageKey());
            phase.set(Phase.UNREACHABLE);
        }
    }

    private void startPolling() {
        if (poller != null) {
            return;
        }
        String id = intentId;
        poller = new ScheduledService<>() {
            @Override
            protected Task<Payments.Step> createTask() {
                return new Task<>() {
                    @Override
                    protected Payments.Step call() {
                        return payments.poll(id);
                    }
                };
            }
        };
        poller.setExecutor(background);
        poller.setDelay(javafx.util.Duration.millis(pollEvery.toMillis()));
        poller.setPeriod(javafx.util.Duration.millis(pollEvery.toMillis()));
        poller.setOnSucceeded(e -> show((Payments.Step) e.getSource().getValue()));
        poller.start();
    }
}
