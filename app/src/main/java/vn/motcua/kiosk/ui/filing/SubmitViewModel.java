// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.filing;

import java.time.Duration;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.filing.Filing;

/**
 * Design step 9, "Nộp hồ sơ": stores the dossier in the outbox, then watches it go. Online, the
 * portal's code comes within seconds and the screen shows it; offline (the worker's first try
 * failed, or nothing came in time) the citizen goes on with the local reference: "đang chờ gửi".
 */
public final class SubmitViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SubmitViewModel.class);

    public enum Phase {
        /** the summary and the "Nộp hồ sơ" button */
        READY,
        /** stored; waiting for the portal's code */
        SENDING,
        /** the portal gave its code */
        SENT,
        /** stored in the outbox, to be sent later */
        QUEUED,
        /** the portal refused it; staff will look (it stays in the outbox, parked) */
        REFUSED,
        /** the session lacks what filing needs (a bug or an old draft): back to the form */
        NOT_READY,
        /** the outbox could not store it (the disk): nothing was promised, the citizen may try again */
        FAILED
    }

    private final Filing filing;
    private final Executor background;
    private final java.util.function.BooleanSupplier online;
    private final Duration waitFor;
    private final Duration pollEvery;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.READY);
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private volatile Filing.Filed filed;
    private volatile Filing.Progress progress;
    private long generation;

    /**
     * @param online    whether the portal answered lately: offline, the citizen is not kept waiting at all
     * @param waitFor   how long the screen waits for the portal's code before going on with the local reference
     * @param pollEvery how often the outbox is looked at meanwhile
     */
    public SubmitViewModel(Filing filing, Executor background, java.util.function.BooleanSupplier online, Duration waitFor,
            Duration pollEvery) {
        this.filing = filing;
        this.background = background;
        this.online = online;
        this.waitFor = waitFor;
        this.pollEvery = pollEvery;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    /** The portal's dossier code once SENT; the local reference when QUEUED or REFUSED. */
    public ReadOnlyStringProperty codeProperty() {
        return code;
    }

    /** The portal's reason when REFUSED. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason;
    }

    /** The filed dossier, once stored (null before). */
    public Filing.Filed filed() {
        return filed;
    }

    /** Where the dossier was when the screen stopped waiting. */
    public Filing.Progress progress() {
        return progress;
    }

    /** "Nộp hồ sơ": stores the dossier (once: a second tap is the same dossier) and waits for its code. */
    public void submit() {
        if (phase.get() == Phase.SENDING) {
            return;
        }
        long mine = ++generation;
        phase.set(Phase.SENDING);
        Task<Filing.Progress> task = new Task<>() {
            @Override
            protected Filing.Progress call() throws Exception {
                filed = filing.file();
                long deadline = System.nanoTime() + waitFor.toNanos();
                Filing.Progress p = filing.progress(filed.localReference());
                while (p instanceof Filing.Progress.Waiting w && w.attempts() == 0 && online.getAsBoolean()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(pollEvery.toMillis());
                    p = filing.progress(filed.localReference());
                }
                return p;
            }
        };
        task.setOnSucceeded(e -> {
            if (mine == generation) {
                show(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (mine != generation) {
                return;
            }
            if (task.getException() instanceof Filing.NotReadyException) {
                phase.set(Phase.NOT_READY);
            } else {
                LOG.error("filing failed: {}", task.getException().getClass().getSimpleName());
                phase.set(Phase.FAILED);
            }
        });
        background.execute(task);
    }

    private void show(Filing.Progress p) {
        progress = p;
        if (p instanceof Filing.Progress.Sent sent) {
            code.set(sent.dossierCode());
            phase.set(Phase.SENT);
        } else if (p instanceof Filing.Progress.Refused refused) {
            code.set(filed.localReference());
            reason.set(refused.reason() == null ? "" : refused.reason());
            phase.set(Phase.REFUSED);
        } else {
            code.set(filed.localReference());
            phase.set(Phase.QUEUED);
        }
    }

    /** The session ended: nothing of this dossier stays on screen. */
    public void reset() {
        generation++;
        filed = null;
        progress = null;
        code.set("");
        reason.set("");
        phase.set(Phase.READY);
    }
}
