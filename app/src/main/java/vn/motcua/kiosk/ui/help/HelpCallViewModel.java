package vn.motcua.kiosk.ui.help;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import vn.motcua.kiosk.help.HelpCall;
import vn.motcua.kiosk.staff.StaffGate;
import vn.motcua.kiosk.ui.staff.StaffViewModel;

/**
 * "Cần hỗ trợ?" on screen: whether a call waits (the header shows it on every screen) and
 * whether its chime was heard (the citizen is told which). Answering takes a volunteer's or staff member's PIN.
 */
public final class HelpCallViewModel {
    private final HelpCall call;
    private final StaffViewModel staff;
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper heard = new ReadOnlyBooleanWrapper();

    public HelpCallViewModel(HelpCall call, StaffViewModel staff) {
        this.call = call;
        this.staff = staff;
        show();
    }

    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** False when the kiosk has no sound device: the citizen is told to wave instead. */
    public ReadOnlyBooleanProperty heardProperty() {
        return heard.getReadOnlyProperty();
    }

    public void call() {
        call.call();
        show();
    }

    /** The shell's one-second timer: the chime again when its interval has passed. */
    public void tick() {
        call.tick();
        show();
    }

    /** A volunteer or staff member taps the header: the PIN pad, and the call ends once their PIN is accepted. */
    public void answer() {
        if (waiting.get()) {
            staff.confirmCounter("help.answer.title", who -> {
                call.answered(who.role() == StaffGate.Role.STAFF ? "staff" : "volunteer");
                show();
            });
        }
    }

    private void show() {
        waiting.set(call.waiting());
        heard.set(call.heard());
    }
}
