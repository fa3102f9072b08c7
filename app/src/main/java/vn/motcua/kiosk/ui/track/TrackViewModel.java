// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.track;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import vn.motcua.kiosk.tracking.Tracking;

/**
 * "Tra cứu hồ sơ": the code and four digits the citizen types, checked before asking the portal,
 * the answer, and what went wrong in words. The portal is asked off the UI thread.
 */
public final class TrackViewModel {
    /** A message key and its argument, for the view to put into words. */
    public record Feedback(String key, Object arg) {}

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
            .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    private final Tracking tracking;
    private final Executor background;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty last4 = new SimpleStringProperty("");
    private final ObjectProperty<Tracking.Tracked> found = new SimpleObjectProperty<>();
    private final ObjectProperty<Tracking.Outcome.Queued> queued = new SimpleObjectProperty<>();
    private final StringProperty foundByReference = new SimpleStringProperty();
    private final ObjectProperty<Feedback> feedback = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public TrackViewModel(Tracking tracking, Executor background) {
        this.tracking = tracking;
        this.background = background;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty last4Property() {
        return last4;
    }

    public ReadOnlyObjectProperty<Tracking.Tracked> foundProperty() {
        return found;
    }

    /** A dossier still in this kiosk's outbox, found by its local reference; null otherwise. */
    public ReadOnlyObjectProperty<Tracking.Outcome.Queued> queuedProperty() {
        return queued;
    }

    /** The local reference the {@link #foundProperty() found} dossier was asked by, once sent; null otherwise. */
    public ReadOnlyStringProperty foundByReferenceProperty() {
        return foundByReference;
    }

    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Forgets the last citizen's code, digits and answer. */
    public void reset() {
        code.set("");
        last4.set("");
        clearAnswer();
        feedback.set(null);
        busy.set(false);
    }

    public void lookup() {
        if (busy.get()) {
            return;
        }
        Optional<String> problem = Tracking.problem(code.get(), last4.get());
        if (problem.isPresent()) {
            feedback.set(new Feedback(problem.get(), null));
            return;
        }
        String c = Tracking.normaliseCode(code.get());
        String digits = last4.get().strip();
        code.set(c);
        busy.set(true);
        clearAnswer();
        feedback.set(new Feedback("track.working", null));
        Task<Tracking.Outcome> task = new Task<>() {
            @Override
            protected Tracking.Outcome call() {
                return tracking.lookup(c, digits);
            }
        };
        task.setOnSucceeded(e -> {
            busy.set(false);
            show(c, task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            feedback.set(new Feedback("portal.error.answer", null));
        });
        background.execute(task);
    }

    private void clearAnswer() {
        found.set(null);
        queued.set(null);
        foundByReference.set(null);
    }

    private void show(String asked, Tracking.Outcome outcome) {
        // What was typed stays in the fields whatever the answer, so a typo is fixed, not retyped.
        if (outcome instanceof Tracking.Outcome.Found f) {
            feedback.set(null);
            foundByReference.set(Tracking.isLocalReference(asked) ? asked : null);
            found.set(f.dossier());
        } else if (outcome instanceof Tracking.Outcome.Queued q) {
            feedback.set(null);
            queued.set(q);
        } else if (outcome instanceof Tracking.Outcome.Cancelled c) {
            feedback.set(new Feedback("track.local.cancelled", DAY.format(c.at())));
        } else if (outcome instanceof Tracking.Outcome.NotOnThisKiosk) {
            feedback.set(new Feedback("track.local.unknown", null));
        } else if (outcome instanceof Tracking.Outcome.NotFound) {
            feedback.set(new Feedback("track.notFound", null));
        } else if (outcome instanceof Tracking.Outcome.Refused r) {
            feedback.set(r.fields().isEmpty() ? new Feedback(r.messageKey(), null) : new Feedback("track.refusedField", r.fields().get(0).message()));
        } else if (outcome instanceof Tracking.Outcome.Unreachable u) {
            feedback.set(new Feedback("track.unreachable", null));
        }
    }
}
