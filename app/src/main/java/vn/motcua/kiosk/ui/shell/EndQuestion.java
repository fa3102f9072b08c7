package vn.motcua.kiosk.ui.shell;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * "Kết thúc và xóa dữ liệu" asks once before it erases: the erasure cannot be undone, and one
 * stray tap mid-form must not cost a citizen everything typed. Only the button asks; the
 * inactivity end erases without asking (nobody is there to answer).
 */
final class EndQuestion {
    private final ReadOnlyBooleanWrapper asking = new ReadOnlyBooleanWrapper();
    private final Runnable erase;

    /**
     * @param sessionOpen a session ended another way (inactivity) leaves no question to answer
     * @param erase       what "Có" does: end the session and erase it
     */
    EndQuestion(ObservableBooleanValue sessionOpen, Runnable erase) {
        this.erase = erase;
        sessionOpen.addListener((obs, was, is) -> {
            if (!is) {
                asking.set(false);
            }
        });
    }

    ReadOnlyBooleanProperty askingProperty() {
        return asking.getReadOnlyProperty();
    }

    void ask() {
        asking.set(true);
    }

    /** "Không", Enter or Escape: back to the dossier as it was. */
    void keep() {
        asking.set(false);
    }

    /** "Có": erases as the button always did. */
    void erase() {
        asking.set(false);
        erase.run();
    }
}
