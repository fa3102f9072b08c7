package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1024×768 the header keeps one row: the volunteer's badge, hidden until someone signs in,
 * takes no room from it (it takes the staff button's place when shown).
 */
class HeaderRowTest extends ShellFixture {

    private Bounds bounds(FxRobot robot, String id) {
        Node n = find(robot, id);
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void theHeaderIsOneRowAt1024WideWithOrWithoutAVolunteer(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.getScene().getRoot().resize(1024, stage.getScene().getHeight());
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bounds(robot, "staff-open").getMinY()).as("the switches beside the kiosk's name")
                .isLessThan(bounds(robot, "app-title").getMaxY());

        robot.clickOn("#staff-open");
        enterPin(robot, vn.motcua.kiosk.testing.TestKiosk.VOLUNTEER_PIN);
        await(() -> showing(robot, "volunteer-open"));
        robot.interact(() -> stage.getScene().getRoot().layout());
        assertThat(bounds(robot, "volunteer-open").getMaxX()).isLessThanOrEqualTo(1024);
    }
}
