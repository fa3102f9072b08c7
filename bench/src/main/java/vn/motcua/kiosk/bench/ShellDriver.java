package vn.motcua.kiosk.bench;

import static vn.motcua.kiosk.bench.FxShots.fx;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.ui.KioskApp;
import vn.motcua.kiosk.ui.KioskScreens;
import vn.motcua.kiosk.ui.Workers;
import vn.motcua.kiosk.ui.shell.ShellViewModel;

/** Drives the whole shell as a citizen would, by the nodes' ids: what the tour and the journey bench share. */
final class ShellDriver {
    private ShellDriver() {}

    static void press(Stage stage, String id) throws Exception {
        waitFor(() -> stage.getScene().lookup("#" + id) != null); // screens may build after a background step
        fx(() -> {
            Node n = stage.getScene().lookup("#" + id);
            if (n == null) {
                throw new IllegalStateException("no #" + id);
            }
            // fire() is not a touch: tell the inactivity monitor, or a slow machine ends the session mid-tour.
            ((ShellViewModel) stage.getScene().getRoot().getUserData()).userActivity();
            ((ButtonBase) n).fire();
            return null;
        });
    }

    /** "Tôi đã đọc và đồng ý" ticked on the consent screen, as the citizen's touch does. */
    static void agree(Stage stage) throws Exception {
        waitFor(() -> stage.getScene().lookup("#consent-agree") != null);
        fx(() -> {
            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#consent-agree")).setSelected(true);
            return null;
        });
    }

    /** Whether the node is on screen: it and every parent visible. */
    static boolean shown(Stage stage, String id) {
        for (Node n = stage.getScene().lookup("#" + id); ; n = n.getParent()) {
            if (n == null) {
                return stage.getScene().lookup("#" + id) != null;
            }
            if (!n.isVisible()) {
                return false;
            }
        }
    }

    static void type(Stage stage, String id, String text) throws Exception {
        waitFor(() -> stage.getScene().lookup("#" + id) != null); // screens may build after a background step
        fx(() -> {
            ((ShellViewModel) stage.getScene().getRoot().getUserData()).userActivity();
            ((TextField) stage.getScene().lookup("#" + id)).setText(text);
            return null;
        });
    }

    /** The whole shell at 1280×800 with the training kiosk's own portal started, as the run command does: the header says "online". */
    static Stage showShellOnline(KioskConfig config, KioskServices services, Workers workers) throws Exception {
        Stage stage = fx(() -> {
            KioskApp.loadFonts();
            Stage s = new Stage();
            Parent root = KioskScreens.buildShell(s, config, services, workers, status -> {});
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(KioskApp.stylesheet());
            s.setScene(scene);
            s.show();
            return s;
        });
        ShellViewModel vm = (ShellViewModel) stage.getScene().getRoot().getUserData();
        services.portal().start();
        waitFor(() -> vm.portalProperty().get() == vn.motcua.kiosk.portal.Connectivity.State.ONLINE);
        return stage;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 100 && !fx(condition::getAsBoolean); i++) {
            Thread.sleep(100);
        }
    }

}
