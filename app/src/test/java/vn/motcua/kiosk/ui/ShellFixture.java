package vn.motcua.kiosk.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.startup.BuildStampWatcher;
import vn.motcua.kiosk.startup.ExitStatus;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.testing.TestClock;
import vn.motcua.kiosk.testing.TestKiosk;
import vn.motcua.kiosk.ui.shell.ShellViewModel;

/** The real kiosk shell on a headless stage, with a test clock and a temporary data folder. */
@ExtendWith(ApplicationExtension.class)
public abstract class ShellFixture {
    @TempDir
    protected Path dataDir;

    protected final TestClock clock = new TestClock();
    /** Every status the shell asked the kiosk to end with (the real kiosk's exit hook ends the JVM). */
    protected final List<ExitStatus> exits = new CopyOnWriteArrayList<>();
    protected KioskServices services;
    protected ShellViewModel vm;
    protected Stage stage;
    private final Workers workers = Workers.start();

    protected KioskConfig config() {
        return TestKiosk.config();
    }

    /** The installed build's stamp ({@code --restart-when-changed}); none unless a test gives one. */
    protected BuildStampWatcher updates() {
        return null;
    }

    /** Before the shell is built on these services: a test may give them its own devices (a recording speech engine). */
    protected void beforeShell(KioskServices services) {
    }

    /** The exit hook: records the status (a test may look at the kiosk as it was at that moment). */
    protected void exited(ExitStatus status) {
        exits.add(status);
    }

    // TestFX looks for @Start only on the test class itself, so the fixture sets its stage up here.
    @BeforeEach
    void startShell() throws Exception {
        FxToolkit.setupStage(this::start);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void start(Stage stage) {
        this.stage = stage;
        KioskApp.loadFonts();
        // As the kiosk starts: a production kiosk staff switched into training runs in training.
        services = TestKiosk.openAsSwitched(config(), dataDir, clock);
        beforeShell(services);
        KioskConfig config = services.config();
        Parent root = KioskScreens.buildShell(stage, config, services, workers, this::exited, updates());
        vm = (ShellViewModel) root.getUserData();
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(KioskApp.stylesheet());
        stage.setScene(scene);
        // The primary stage is shared by every test class: an earlier one may have resized it.
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void closeServices() {
        workers.close();
        if (!stopped) {
            services.close();
        }
    }

    private boolean stopped;

    /** Closes the kiosk's services as shutting it down would (the shell stays on the stage, idle). */
    protected void stopKiosk() {
        services.close();
        stopped = true;
    }

    /** Starts the kiosk again on the same data folder and clock: new services, a new shell (a restart). */
    protected void startKiosk() throws Exception {
        FxToolkit.setupStage(this::start);
        WaitForAsyncUtils.waitForFxEvents();
        stopped = false;
    }

    /** Returns once the session's worker thread and then the FX thread have done what was given them so far. */
    protected void settle() throws Exception {
        workers.session().submit(() -> { }).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Returns once the chip's worker thread and then the FX thread have done what was given them so far. */
    protected void settleChip() throws Exception {
        workers.chip().submit(() -> { }).get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Looked up on the FX thread: a lookup from the test thread races with screens being rebuilt. */
    protected static <T extends Node> T find(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).query());
    }

    protected static boolean showing(FxRobot robot, String id) {
        return onFx(() -> {
            Node n = robot.lookup("#" + id).tryQuery().orElse(null);
            if (n == null || n.getScene() == null) {
                return false;
            }
            for (Node p = n; p != null; p = p.getParent()) {
                if (!p.isVisible()) {
                    return false;
                }
            }
            return true;
        });
    }

    protected static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            if (javafx.application.Platform.isFxApplicationThread()) {
                return work.call();
            }
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types into a field the way a keyboard does, whether or not it is scrolled into view. */
    protected static void typeInto(FxRobot robot, String id, String text) {
        javafx.scene.control.TextField f = find(robot, id);
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text);
    }

    /** Presses a button as its keyboard shortcut would: a screen under the on-screen keyboard scrolls. */
    protected static void press(FxRobot robot, String id) {
        javafx.scene.control.ButtonBase b = find(robot, id);
        // fire() on a disabled button does nothing: a test pressing one would go on as if it worked.
        if (onFx(b::isDisabled)) {
            throw new AssertionError("#" + id + " is disabled");
        }
        robot.interact(b::fire);
    }

    /** Types a PIN on the PIN pad (staff's or a volunteer's: the same pad) and presses OK. */
    protected static void enterPin(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
    }

    /** "Nhân viên", the staff PIN, and the menu once the PIN is checked. */
    protected static void openStaffMenu(FxRobot robot) {
        robot.clickOn("#staff-open");
        enterPin(robot, vn.motcua.kiosk.testing.TestKiosk.PIN);
        await(() -> showing(robot, "staff-quit"));
    }

    protected static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
            // The screen may still be building what follows the node the condition saw.
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
    }
}
