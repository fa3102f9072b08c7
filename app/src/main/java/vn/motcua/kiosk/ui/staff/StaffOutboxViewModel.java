// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import vn.motcua.kiosk.outbox.DiscardReason;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.outbox.OutboxQueue;
import vn.motcua.kiosk.staff.StaffAction;

/**
 * Staff's view of the outbox: what waits, what went, what the portal refused and why; send again,
 * or discard a refused one after choosing a reason and confirming.
 */
public final class StaffOutboxViewModel {
    private final OutboxQueue queue;
    private final Executor background;
    private final ObservableList<Outbox.QueueItem> items = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    /** The refused entry staff asked to discard (the question shows under its row), or null. */
    private final ObjectProperty<String> discarding = new SimpleObjectProperty<>();
    private final ObjectProperty<DiscardReason> reason = new SimpleObjectProperty<>();
    /** Told of each staff action on the FX thread, to record it with who did it. */
    private Consumer<StaffAction> audit = action -> {};

    public StaffOutboxViewModel(OutboxQueue queue, Executor background) {
        this.queue = queue;
        this.background = background;
    }

    /** Who records each action staff take here (the staff menu, which knows whose PIN opened it). */
    public void recordActionsWith(Consumer<StaffAction> audit) {
        this.audit = audit;
    }

    public ObservableList<Outbox.QueueItem> items() {
        return items;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Reads the list off the UI thread (SQLite). */
    public void refresh() {
        run(queue::items);
    }

    public ReadOnlyObjectProperty<String> discardingProperty() {
        return discarding;
    }

    public ReadOnlyObjectProperty<DiscardReason> reasonProperty() {
        return reason;
    }

    /** "Hủy hồ sơ": asks for a reason and a confirmation before anything is erased. */
    public void askDiscard(String localRef) {
        reason.set(null);
        discarding.set(localRef);
    }

    public void chooseReason(DiscardReason r) {
        if (r != null && !DiscardReason.STAFF_CHOICES.contains(r)) {
            throw new IllegalArgumentException("not a reason staff choose: " + r);
        }
        reason.set(r);
    }

    public void cancelDiscard() {
        discarding.set(null);
        reason.set(null);
    }

    /** Erases the entry (off the UI thread) once a reason is chosen; nothing happens without one. */
    public void confirmDiscard() {
        String ref = discarding.get();
        DiscardReason why = reason.get();
        if (ref == null || why == null) {
            return;
        }
        cancelDiscard();
        audit.accept(StaffAction.DISCARD);
        run(() -> {
            queue.discard(ref, why);
            return queue.items();
        });
    }

    public void resend(String localRef) {
        audit.accept(StaffAction.RESEND);
        run(() -> {
            queue.resend(localRef);
            return queue.items();
        });
    }

    private void run(java.util.function.Supplier<List<Outbox.QueueItem>> work) {
        loading.set(true);
        Task<List<Outbox.QueueItem>> task = new Task<>() {
            @Override
            protected List<Outbox.QueueItem> call() {
                return work.get();
            }
        };
        task.setOnSucceeded(e -> {
            items.setAll(task.getValue());
            loading.set(false);
        });
        task.setOnFailed(e -> loading.set(false));
        background.execute(task);
    }
}
