package vn.motcua.kiosk.ui;

import java.util.function.Consumer;
import javafx.stage.Stage;
import vn.motcua.kiosk.startup.ExitStatus;
import vn.motcua.kiosk.ui.shell.ShellViewModel;
import vn.motcua.kiosk.ui.staff.StaffActions;

/** Staff actions on the real window. */
final class StageActions implements StaffActions {
    private static final String LEAVING = "kiosk.leavingFullScreen";
    private final Stage stage;
    private final ShellViewModel shell;
    private final Consumer<ExitStatus> exit;

    StageActions(Stage stage, ShellViewModel shell, Consumer<ExitStatus> exit) {
        this.stage = stage;
        this.shell = shell;
        this.exit = exit;
    }

    static boolean leaving(Stage stage) {
        return Boolean.TRUE.equals(stage.getProperties().get(LEAVING));
    }

    @Override
    public void leaveFullScreen() {
        stage.getProperties().put(LEAVING, true);
        stage.setFullScreen(false);
    }

    @Override
    public void enterFullScreen() {
        stage.getProperties().remove(LEAVING);
        stage.setFullScreen(true);
    }

    @Override
    public boolean isFullScreen() {
        return stage.isFullScreen();
    }

    @Override
    public void quit() {
        shell.shutdown();
        // Staff left on purpose: the service manager must not start the kiosk again.
        exit.accept(ExitStatus.STAFF_LEFT);
    }
}
