package vn.motcua.kiosk.ui;

import javafx.stage.Stage;
import vn.motcua.kiosk.ui.shell.ShellViewModel;
import vn.motcua.kiosk.ui.staff.StaffActions;

/** Staff actions on the real window. */
final class StageActions implements StaffActions {
    private static final String LEAVING = "kiosk.leavingFullScreen";
    private final Stage stage;
    private final ShellViewModel shell;
    private final Runnable exit;

    StageActions(Stage stage, ShellViewModel shell, Runnable exit) {
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
        exit.run();
    }
}
