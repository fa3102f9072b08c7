// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import vn.motcua.kiosk.staff.StaffAction;
import vn.motcua.kiosk.ui.common.PinEntry;
import vn.motcua.kiosk.volunteer.VolunteerDesk;
import vn.motcua.kiosk.volunteer.Volunteers;

/**
 * "Tình nguyện viên" in the staff menu: the kiosk's volunteers, adding one (a name and their own
 * PIN, typed by the volunteer while staff look away) and removing one added here. A removed
 * volunteer who is signed in is signed out at once.
 */
public final class StaffVolunteersViewModel {
    private final Volunteers volunteers;
    private final VolunteerDesk desk;
    private final Executor background;
    private final ObservableList<Volunteers.Volunteer> list = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final PinEntry pin = new PinEntry(Volunteers.MAX_PIN);
    private final ObjectProperty<StaffViewModel.Feedback> feedback = new SimpleObjectProperty<>();
    private Consumer<StaffAction> audit = action -> {};

    public StaffVolunteersViewModel(Volunteers volunteers, VolunteerDesk desk, Executor background) {
        this.volunteers = volunteers;
        this.desk = desk;
        this.background = background;
    }

    /** Who records each action staff take here (the staff menu, which knows whose PIN opened it). */
    public void recordActionsWith(Consumer<StaffAction> audit) {
        this.audit = audit;
    }

    public ObservableList<Volunteers.Volunteer> list() {
        return list;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public PinEntry pin() {
        return pin;
    }

    /** What the last action did or why it did not, as a message key and argument; null when none. */
    public ReadOnlyObjectProperty<StaffViewModel.Feedback> feedbackProperty() {
        return feedback;
    }

    /** Opening the screen: the list read afresh, the form empty. */
    public void refresh() {
        name.set("");
        pin.clear();
        feedback.set(null);
        reload();
    }

    /** "Thêm": slow (the PIN's hash): off the UI thread. */
    public void add() {
        String who = name.get();
        char[] typed = pin.take();
        feedback.set(new StaffViewModel.Feedback("staff.volunteers.adding", null));
        Task<Volunteers.Refusal> adding = new Task<>() {
            @Override
            protected Volunteers.Refusal call() {
                return volunteers.add(who, typed); // wipes it
            }
        };
        adding.setOnSucceeded(e -> {
            Volunteers.Refusal refusal = adding.getValue();
            if (refusal == null) {
                audit.accept(StaffAction.ADD_VOLUNTEER);
                name.set("");
                feedback.set(new StaffViewModel.Feedback("staff.volunteers.added", who.strip()));
                reload();
            } else {
                feedback.set(new StaffViewModel.Feedback("staff.volunteers.refused." + refusal.name(), Volunteers.MIN_PIN));
            }
        });
        adding.setOnFailed(e -> feedback.set(new StaffViewModel.Feedback("staff.volunteers.failed", null)));
        background.execute(adding);
    }

    /** "Xóa": one added on the kiosk; signs them out if they are helping now. */
    public void remove(Volunteers.Volunteer v) {
        if (v.configured()) {
            return;
        }
        desk.helper().filter(h -> !h.staff() && v.name().equalsIgnoreCase(h.name()))
                .ifPresent(h -> desk.signOut(VolunteerDesk.SignOut.TAP));
        Task<Boolean> removing = new Task<>() {
            @Override
            protected Boolean call() {
                return volunteers.remove(v.name());
            }
        };
        removing.setOnSucceeded(e -> {
            if (removing.getValue()) {
                audit.accept(StaffAction.REMOVE_VOLUNTEER);
                feedback.set(new StaffViewModel.Feedback("staff.volunteers.removed", v.name()));
            }
            reload();
        });
        removing.setOnFailed(e -> feedback.set(new StaffViewModel.Feedback("staff.volunteers.failed", null)));
        background.execute(removing);
    }

    private void reload() {
        Task<List<Volunteers.Volunteer>> read = new Task<>() {
            @Override
            protected List<Volunteers.Volunteer> call() {
                return volunteers.list();
            }
        };
        read.setOnSucceeded(e -> list.setAll(read.getValue()));
        background.execute(read);
    }
}
