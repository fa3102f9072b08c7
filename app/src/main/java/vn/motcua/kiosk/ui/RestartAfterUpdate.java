// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import vn.motcua.kiosk.startup.ExitStatus;
import vn.motcua.kiosk.ui.help.HelpCallViewModel;
import vn.motcua.kiosk.ui.shell.Screen;
import vn.motcua.kiosk.ui.shell.ShellViewModel;
import vn.motcua.kiosk.ui.staff.StaffViewModel;

/**
 * A newer build is installed: the kiosk ends with {@link ExitStatus#UPDATED} between sessions,
 * never during one — at once when nobody is using it (Welcome, no session, no staff dialog, no
 * help call waiting), otherwise when the kiosk is next back at such a Welcome (the session's
 * hand-over), and only after the session's erasure is on disk.
 */
final class RestartAfterUpdate {
    private final ShellViewModel shell;
    private final StaffViewModel staff;
    private final HelpCallViewModel help;
    private final Executor session;
    private final Runnable erasureDone;
    private final Consumer<ExitStatus> exit;
    private boolean pending;
    private boolean waitingForErasure;

    /**
     * @param session     the session's worker thread (where the wait for the erasure may block)
     * @param erasureDone returns once every session's erasure so far is on disk
     */
    RestartAfterUpdate(ShellViewModel shell, StaffViewModel staff, HelpCallViewModel help, Executor session,
            Runnable erasureDone, Consumer<ExitStatus> exit) {
        this.shell = shell;
        this.staff = staff;
        this.help = help;
        this.session = session;
        this.erasureDone = erasureDone;
        this.exit = exit;
        for (ObservableValue<?> v : new ObservableValue<?>[] {shell.screenProperty(), shell.sessionOpenProperty(),
                staff.phaseProperty(), help.waitingProperty()}) {
            v.addListener((obs, was, is) -> tryNow());
        }
    }

    /** On the FX thread: the build stamp changed. */
    void updateInstalled() {
        pending = true;
        tryNow();
    }

    private boolean idle() {
        return shell.screenProperty().get() == Screen.WELCOME && !shell.sessionOpenProperty().get()
                && staff.phaseProperty().get() == StaffViewModel.Phase.HIDDEN && !help.waitingProperty().get();
    }

    private void tryNow() {
        if (!pending || waitingForErasure || !idle()) {
            return;
        }
        waitingForErasure = true;
        session.execute(() -> {
            try {
                erasureDone.run();
            } finally {
                Platform.runLater(this::erased);
            }
        });
    }

    private void erased() {
        waitingForErasure = false;
        // A citizen may have begun meanwhile: then it waits for that session's end.
        if (pending && idle()) {
            pending = false;
            exit.accept(ExitStatus.UPDATED);
        }
    }
}
