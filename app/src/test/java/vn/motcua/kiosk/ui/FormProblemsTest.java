package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * Issue 11: "Còn 6 mục cần sửa. Chạm vào một mục để đến chỗ đó." in the real shell on the
 * kiosk's own screen sizes — the lines are there to be read and tapped, and a tap brings the
 * field into sight with the focus. Each size leaves a PNG of the whole shell under
 * {@code target/snapshots/} for a person to look at.
 */
class FormProblemsTest extends ShellFixture {

    @Test
    void theListIsReadableAndEachLineGoesToItsFieldAt1280x800(FxRobot robot) throws Exception {
        listAndTap(robot, 1280, 800);
    }

    @Test
    void theListIsReadableAndEachLineGoesToItsFieldAt1366x768(FxRobot robot) throws Exception {
        listAndTap(robot, 1366, 768);
    }

    private void listAndTap(FxRobot robot, int width, int height) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-lltp-self");
        // The card fills name, sex, birth date, ID and address: what is left is further down and further on.
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        robot.clickOn("#applicant-confirm");
        for (int i = 0; i < 3; i++) {
            press(robot, "form-next");
        }
        press(robot, "form-next"); // "Tiếp tục" on the last part

        assertThat(heading(robot).getText())
                .isEqualTo("Còn 6 mục cần sửa. Chạm vào một mục để đến chỗ đó.");
        snapshot(robot, "form-problems-" + width + "x" + height);
        Node first = line(robot, 0);
        assertReadable(robot, first, "the first line");
        assertReadable(robot, line(robot, 1), "the second line");

        // Nơi sinh: below the first part's fold.
        robot.clickOn(first);
        assertInSightAndFocused(robot, "field-placeOfBirth");
        assertThat(showing(robot, "keyboard")).isTrue();
        snapshot(robot, "form-problem-keyboard-" + width + "x" + height);
        assertThat(heading(robot).getText())
                .as("with the keyboard over the list, the heading does not ask to tap what it cannot show")
                .isEqualTo("Còn 6 mục cần sửa. Ẩn bàn phím để xem danh sách.");

        // The keyboard put away, the list is back; the next line goes to the phone number.
        press(robot, "key-hide");
        Node second = line(robot, 1);
        assertReadable(robot, second, "the second line, the keyboard put away");
        robot.clickOn(second);
        assertInSightAndFocused(robot, "field-phone");
        snapshot(robot, "form-problem-tapped-" + width + "x" + height);
    }

    private static <T extends Node> T inProblems(FxRobot robot, String query) {
        Node box = find(robot, "form-problems");
        java.util.List<T> out = new java.util.ArrayList<>();
        robot.interact(() -> out.add(robot.from(box).lookup(query).query()));
        return out.get(0);
    }

    private static Label heading(FxRobot robot) {
        return inProblems(robot, ".error-text");
    }

    private Node line(FxRobot robot, int index) {
        VBox lines = find(robot, "form-problems-list");
        return onFxChildren(robot, lines).get(index);
    }

    private static java.util.List<Node> onFxChildren(FxRobot robot, VBox box) {
        java.util.List<Node> out = new java.util.ArrayList<>();
        robot.interact(() -> out.addAll(box.getChildren()));
        return out;
    }

    /** Shown, laid out to its full height and width, inside the list's viewport and inside the window. */
    private void assertReadable(FxRobot robot, Node line, String what) {
        assertThat(showing(robot, "form-problems-list")).as(what + ": the list is shown").isTrue();
        ScrollPane list = inProblems(robot, ".problem-scroll");
        Bounds[] b = new Bounds[3];
        robot.interact(() -> {
            b[0] = line.localToScene(line.getLayoutBounds());
            b[1] = list.localToScene(list.getLayoutBounds());
            b[2] = new javafx.geometry.BoundingBox(0, 0, line.getScene().getWidth(), line.getScene().getHeight());
        });
        assertThat(b[0].getHeight()).as(what + ": height").isGreaterThan(30);
        assertThat(b[0].getWidth()).as(what + ": width").isGreaterThan(250);
        assertThat(b[1].contains(b[0])).as(what + " " + b[0] + " within the list's box " + b[1]).isTrue();
        assertThat(b[2].contains(b[0])).as(what + " " + b[0] + " within the window").isTrue();
    }

    private void assertInSightAndFocused(FxRobot robot, String id) {
        Node field = find(robot, id);
        ScrollPane scroll = find(robot, "form-scroll");
        Bounds[] b = new Bounds[2];
        boolean[] focused = new boolean[1];
        robot.interact(() -> {
            b[0] = field.localToScene(field.getLayoutBounds());
            Bounds viewport = scroll.getViewportBounds();
            Node view = scroll.lookup(".viewport");
            b[1] = view.localToScene(new javafx.geometry.BoundingBox(0, 0, viewport.getWidth(), viewport.getHeight()));
            focused[0] = field.isFocused();
        });
        assertThat(focused[0]).as(id + " focused").isTrue();
        assertThat(b[1].contains(b[0])).as(id + " " + b[0] + " in the form's viewport " + b[1]).isTrue();
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "snapshots");
        Files.createDirectories(dir);
        Snapshots.png(robot, "shell", dir.resolve(name + ".png"));
    }
}
