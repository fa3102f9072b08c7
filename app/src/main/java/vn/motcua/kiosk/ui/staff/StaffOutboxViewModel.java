// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.outbox.OutboxQueue;

/** Staff's view of the outbox: what waits, what went, what the portal refused and why; send again. */
public final class StaffOutboxViewModel {
    private final OutboxQueue queue;
    private final Executor background;
    private final ObservableList<Outbox.QueueItem> items = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();

    public StaffOutboxViewModel(OutboxQueue queue, Executor background) {
        this.queue = queue;
        this.background = background;
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

    public void resend(String localRef) {
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
