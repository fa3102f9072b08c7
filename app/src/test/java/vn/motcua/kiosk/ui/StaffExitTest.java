package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.startup.ExitStatus;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventType;

/** Quitting or leaving full screen needs the staff PIN (the test kiosk's PIN is 2468). */
class StaffExitTest extends ShellFixture {

    private void typePin(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
    }

    private String feedback(FxRobot robot) {
        return ((Label) find(robot, "staff-pin-feedback")).getText();
    }

    @Test
    void aWrongPinIsRefusedAndNothingCloses(FxRobot robot) {
        robot.clickOn("#staff-open");
        assertThat(showing(robot, "staff")).isTrue();
        typePin(robot, "1111");
        await(() -> feedback(robot).startsWith("Mã PIN không đúng"));
        assertThat(feedback(robot)).isEqualTo("Mã PIN không đúng. Còn 4 lần thử.");
        assertThat(showing(robot, "staff-quit")).isFalse();
        assertThat(((Label) find(robot, "staff-pin-mask")).getText()).isEmpty();
        assertThat(exits).isEmpty();
        robot.clickOn("#staff-pin-cancel");
        assertThat(showing(robot, "staff")).isFalse();
    }

    @Test
    void theRightPinOpensTheStaffMenuAndQuitEndsTheSession(FxRobot robot) {
        robot.clickOn("#file");
        robot.clickOn("#staff-open");
        robot.clickOn("#staff-key-2");
        assertThat(((Label) find(robot, "staff-pin-mask")).getText()).isEqualTo("●");
        robot.clickOn("#staff-key-4").clickOn("#staff-key-6").clickOn("#staff-key-8").clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-quit"));
        robot.clickOn("#staff-quit");
        // The service manager must not start the kiosk again: the technician's console appears.
        assertThat(exits).containsExactly(ExitStatus.STAFF_LEFT);
        assertThat(services.sessions().current()).isEmpty();
        services.sessions().flush();
        assertThat(services.events().recent(10)).extracting(Event::type)
                .contains(EventType.STAFF_PIN_ACCEPTED, EventType.STAFF_QUIT, EventType.SESSION_ENDED);
    }

    @Test
    void escapeAsksForThePinInsteadOfLeavingFullScreen(FxRobot robot) {
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        assertThat(showing(robot, "staff")).isTrue();
        // Digits on a keyboard work too.
        robot.type(KeyCode.DIGIT2, KeyCode.DIGIT4, KeyCode.DIGIT6, KeyCode.DIGIT8, KeyCode.ENTER);
        await(() -> showing(robot, "staff-fullscreen"));
        assertThat(showing(robot, "staff-quit")).isTrue();
    }

    @Test
    void leavingFullScreenIsRecordedOffTheUiThread(FxRobot robot) {
        robot.interact(() -> stage.setFullScreen(true));
        openStaffMenu(robot);
        robot.clickOn("#staff-fullscreen");
        await(() -> {
            services.sessions().flush();
            return services.events().recent(10).stream()
                    .anyMatch(e -> e.type() == vn.motcua.kiosk.store.EventType.STAFF_LEFT_FULL_SCREEN);
        });
        assertThat(stage.isFullScreen()).isFalse();
    }

    @Test
    void theWindowCloseButtonAsksForThePin(FxRobot robot) {
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        assertThat(stage.isShowing()).isTrue();
        assertThat(showing(robot, "staff")).isTrue();
        assertThat(exits).isEmpty();
    }

    @Test
    void tooManyWrongPinsLockThePadForAMinute(FxRobot robot) {
        robot.clickOn("#staff-open");
        for (int left = 4; left >= 1; left--) {
            typePin(robot, "9999");
            String expected = "Mã PIN không đúng. Còn " + left + " lần thử.";
            await(() -> feedback(robot).equals(expected));
        }
        typePin(robot, "9999");
        String locked = "Nhập sai quá nhiều lần. Thử lại sau 60 giây.";
        await(() -> feedback(robot).equals(locked));
        typePin(robot, "2468");
        await(() -> feedback(robot).equals(locked));
        assertThat(showing(robot, "staff-quit")).isFalse();

        clock.advance(java.time.Duration.ofSeconds(61));
        typePin(robot, "2468");
        await(() -> showing(robot, "staff-quit"));
    }
}
