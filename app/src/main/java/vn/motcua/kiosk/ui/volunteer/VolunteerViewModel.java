// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.volunteer;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.session.ParkedDrafts;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import vn.motcua.kiosk.staff.StaffGate;
import vn.motcua.kiosk.ui.staff.StaffViewModel;
import vn.motcua.kiosk.volunteer.VolunteerDesk;

/**
 * The volunteer's side of the header: a volunteer signs in with their own PIN at the header's door
 * (the staff button's PIN pad, which tells the PINs apart); once signed in the header names them
 * instead of showing the staff button, and a tap opens their menu (next citizen, parked drafts,
 * the staff menu, sign out). They stay signed in from one citizen to the next and are signed out
 * after the configured time untouched.
 */
public final class VolunteerViewModel {
    private final VolunteerDesk desk;
    private final StaffViewModel pinPad;
    private final Supplier<String> sessionId;
    private final ReadOnlyObjectWrapper<VolunteerDesk.Helper> helper = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper menu = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper draftsShown = new ReadOnlyBooleanWrapper();
    private final ObservableList<ParkedDrafts.Parked> drafts = FXCollections.observableArrayList();
    private ParkedDrafts parked;
    private Executor background;
    private Runnable resume;
    private Function<String, Label> procedureNames;

    /**
     * @param pinPad    the PIN pad the counter shares (the same count of wrong PINs)
     * @param sessionId the open session's id, or null between citizens
     */
    public VolunteerViewModel(VolunteerDesk desk, StaffViewModel pinPad, Supplier<String> sessionId) {
        this.desk = desk;
        this.pinPad = pinPad;
        this.sessionId = sessionId;
        helper.set(desk.helper().orElse(null));
        pinPad.signInVolunteersWith(this::signedIn);
        desk.onChange(() -> {
            helper.set(desk.helper().orElse(null));
            if (helper.get() == null) {
                closeMenu(); // nothing of the list stays on screen for whoever comes next
            }
        });
    }

    /** Who is helping, or null. */
    public ReadOnlyObjectProperty<VolunteerDesk.Helper> helperProperty() {
        return helper.getReadOnlyProperty();
    }

    /**
     * Offers "Hồ sơ lưu nháp" in the menu: the drafts parked here, read off the UI thread, and
     * {@code resume} to take one up with the citizen (a session, consent, then their code and birth year).
     */
    public void offerParkedDrafts(ParkedDrafts parked, Function<String, Label> procedureNames, Runnable resume,
            Executor background) {
        this.parked = parked;
        this.procedureNames = procedureNames;
        this.resume = resume;
        this.background = background;
    }

    public boolean offersParkedDrafts() {
        return parked != null;
    }

    public ObservableList<ParkedDrafts.Parked> drafts() {
        return drafts;
    }

    /** Whether the list of parked drafts is open. */
    public ReadOnlyBooleanProperty draftsShownProperty() {
        return draftsShown.getReadOnlyProperty();
    }

    public Label procedureName(String id) {
        return procedureNames.apply(id);
    }

    /** "Hồ sơ lưu nháp": the list, soonest to expire first. */
    public void showDrafts() {
        if (parked == null || helper.get() == null) {
            return;
        }
        menu.set(false);
        drafts.clear();
        draftsShown.set(true);
        Task<List<ParkedDrafts.Parked>> read = new Task<>() {
            @Override
            protected List<ParkedDrafts.Parked> call() {
                return parked.list();
            }
        };
        read.setOnSucceeded(e -> drafts.setAll(read.getValue()));
        background.execute(read);
    }

    /** "Tiếp tục với công dân": the resume path, which still asks for the citizen's code and birth year. */
    public void resumeWithCitizen() {
        closeMenu();
        resume.run();
    }

    /** Whether the volunteer's menu is open. */
    public ReadOnlyBooleanProperty menuProperty() {
        return menu.getReadOnlyProperty();
    }

    /** The header's badge: the helper's menu (nobody signed in: the PIN pad, as the staff button). */
    public void tap() {
        if (helper.get() == null) {
            pinPad.open();
        } else {
            menu.set(true);
        }
    }

    /** "Menu nhân viên" from the helper's menu: the staff PIN pad. */
    public void openStaffMenu() {
        closeMenu();
        pinPad.open();
    }

    private void signedIn(StaffGate.Result.Accepted who) {
        desk.signIn(new VolunteerDesk.Helper(who.who(), who.role() == StaffGate.Role.STAFF));
        sessionOpened(); // signing in mid-session: this citizen is helped too
    }

    /** A session opened (or is open when they sign in): it records who helps. */
    public void sessionOpened() {
        desk.helped(sessionId.get());
    }

    public void closeMenu() {
        menu.set(false);
        draftsShown.set(false);
        drafts.clear();
    }

    /** "Đăng xuất". */
    public void signOut() {
        desk.signOut(VolunteerDesk.SignOut.TAP);
    }

    /** Any touch on the kiosk. */
    public void activity() {
        desk.activity();
    }

    /** The shell's one-second timer: signs out after the configured time untouched. */
    public void tick() {
        desk.tick();
    }
}
