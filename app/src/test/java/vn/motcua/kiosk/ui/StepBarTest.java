package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The step bar names every step where they fit, else numbers the others and names the current one — never cut names. */
class StepBarTest extends ShellFixture {

    private List<String> steps(FxRobot robot) {
        return robot.lookup(".step").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private void width(FxRobot robot, int w) {
        robot.interact(() -> {
            stage.setWidth(w);
            stage.getScene().getRoot().resize(w, stage.getScene().getHeight());
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> stage.getScene().getRoot().layout());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aNarrowScreenNumbersTheOtherStepsAndNamesTheCurrentOne(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        width(robot, 1920);
        assertThat(steps(robot)).containsExactly("1. Đồng ý", "2. Thủ tục", "3. Người nộp", "4. Tờ khai", "5. Giấy tờ",
                "6. Ký số", "7. Nộp", "8. Lệ phí", "9. Biên nhận");
        width(robot, 1024);
        assertThat(steps(robot)).containsExactly("1", "2. Thủ tục", "3", "4", "5", "6", "7", "8", "9");
        for (Label l : robot.lookup(".step").queryAllAs(Label.class)) {
            assertThat(l.getWidth()).as(l.getText()).isGreaterThanOrEqualTo(l.prefWidth(-1) - 0.5);
        }
        width(robot, 1920);
        assertThat(steps(robot)).startsWith("1. Đồng ý", "2. Thủ tục");
    }
}
