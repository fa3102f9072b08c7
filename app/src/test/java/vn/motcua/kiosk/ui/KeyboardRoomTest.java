package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;

/**
 * Issue 15: with the on-screen keyboard open, the field being typed — its label, the input and
 * its message — stays in sight on the whole shell, with at least two more fields around it, at
 * every screen size the kiosk supports. The header and the session bar fold away while the
 * keyboard is open; the training banner stays. Each size leaves a PNG of the whole shell under
 * {@code target/snapshots/}.
 */
class KeyboardRoomTest extends ShellFixture {

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1024, 768", "1280, 800", "1366, 768", "1920, 1080", "1080, 1920"})
    void theFieldBeingTypedStaysInSightWithItsNeighbours(int width, int height, FxRobot robot) throws Exception {
        toTheForm(robot, width, height);
        // Nơi sinh, below the first part's fold.
        touch(robot, "field-placeOfBirth");
        assertFieldInSight(robot, "placeOfBirth", width, height, 2, "keyboard-room-" + width + "x" + height);

        // A column of a residence row (third part): the row's other columns around it.
        press(robot, "key-hide");
        await(() -> !showing(robot, "keyboard"));
        assertThat(showing(robot, "header")).as("the header is back with the keyboard put away").isTrue();
        assertThat(showing(robot, "session-end")).as("so is the session bar").isTrue();
        press(robot, "form-next");
        press(robot, "form-next");
        touch(robot, "field-residenceHistory-0-place");
        assertFieldInSight(robot, "residenceHistory-0-place", width, height, 2,
                "keyboard-room-row-" + width + "x" + height);
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1024, 768", "1280, 800", "1366, 768", "1920, 1080", "1080, 1920"})
    void aFieldWithItsMessageStaysInSightUnderTheListOfProblems(int width, int height, FxRobot robot) throws Exception {
        toTheForm(robot, width, height);
        for (int i = 0; i < 3; i++) {
            press(robot, "form-next");
        }
        press(robot, "form-next"); // "Tiếp tục" on the last part: the list of what is missing
        javafx.scene.control.ButtonBase line = (javafx.scene.control.ButtonBase) problemLine(robot, "Nơi sinh");
        robot.interact(line::fire);
        assertThat(showing(robot, "error-placeOfBirth")).as("its message is shown").isTrue();
        // On a 768-pixel landscape screen the line saying how many are left takes a field's room.
        assertFieldInSight(robot, "placeOfBirth", width, height, height == 768 ? 1 : 2,
                "keyboard-room-problem-" + width + "x" + height);
    }

    @org.junit.jupiter.api.Test
    void aTapOnNextUnderTheOpenKeyboardMovesOnAtOnce(FxRobot robot) throws Exception {
        toTheForm(robot, 1280, 800);
        touch(robot, "field-placeOfBirth");
        await(() -> showing(robot, "keyboard"));
        Node next = find(robot, "form-next");
        // A finger's press lasts longer than a frame: the keyboard used to close on the press, the
        // header unfolded and the button moved away before the release, so the tap did nothing.
        robot.moveTo(next);
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(); // the frame after the press is laid out
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        await(() -> !showing(robot, "keyboard"));
        assertThat(((javafx.scene.control.Label) find(robot, "form-progress")).getText()).isEqualTo("Phần 2/4");
    }

    private void toTheForm(FxRobot robot, int width, int height) throws Exception {
        robot.interact(() -> {
            // Whole on the Xvfb screen, so the robot's touches land.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        // The window answers a resize when it likes: go on only once the shell has its size.
        await(() -> stage.getScene().getWidth() == width && stage.getScene().getHeight() == height);
        // Buttons fired, not clicked: the test display is 1200 pixels high, the portrait shell 1920.
        tap(robot, "file");
        press(robot, "consent-agree");
        press(robot, "consent-continue");
        tap(robot, "procedure-lltp-self");
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        press(robot, "applicant-confirm");
        await(() -> showing(robot, "form-scroll"));
    }

    /** A button fired; a tile (a box that takes touches) touched. */
    private static void tap(FxRobot robot, String id) {
        if (find(robot, id) instanceof javafx.scene.control.ButtonBase) {
            press(robot, id);
        } else {
            robot.clickOn("#" + id);
        }
    }

    /** A touch on a field out of sight: as a tap after scrolling would, it focuses and opens the keyboard. */
    private static void touch(FxRobot robot, String id) {
        Node field = find(robot, id);
        robot.interact(field::requestFocus);
    }

    private void assertFieldInSight(FxRobot robot, String path, int width, int height, int neighbours, String shot)
            throws Exception {
        await(() -> showing(robot, "keyboard"));
        snapshot(robot, shot);
        assertThat(showing(robot, "header")).as("the header folds away while typing").isFalse();
        assertThat(showing(robot, "session-end")).as("so does the session bar").isFalse();
        assertThat(showing(robot, "form-fee")).as("and the fee line").isFalse();
        assertThat(showing(robot, "training-banner")).as("the training banner never").isTrue();

        Node box = find(robot, "box-" + path);
        Node label = find(robot, "label-" + path);
        Node error = find(robot, "error-" + path);
        ScrollPane scroll = find(robot, "form-scroll");
        Node keyboard = find(robot, "keyboard");
        Bounds[] b = new Bounds[5];
        List<String> context = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            Bounds viewport = scroll.getViewportBounds();
            b[0] = scroll.lookup(".viewport").localToScene(
                    new BoundingBox(0, 0, viewport.getWidth(), viewport.getHeight()));
            b[1] = label.localToScene(label.getLayoutBounds());
            b[2] = error.localToScene(error.getLayoutBounds());
            b[3] = keyboard.localToScene(keyboard.getLayoutBounds());
            b[4] = box.localToScene(box.getLayoutBounds());
            // The other fields wholly in sight: not this one, not the group around it.
            for (Node other : scroll.getContent().lookupAll(".form-field")) {
                Bounds o = other.localToScene(other.getLayoutBounds());
                if (other.isVisible() && other != box && !isInside(box, other) && o.getHeight() > 0) {
                    if (within(b[0], o)) {
                        context.add(other.getId());
                    } else {
                        seen.add(other.getId() + " " + (int) o.getMinY() + ".." + (int) o.getMaxY());
                    }
                }
            }
        });
        Node input = onFx(robot, () -> stage.getScene().getFocusOwner());
        Bounds inputBounds = onFx(robot, () -> input.localToScene(input.getLayoutBounds()));
        List<Object[]> parts = new ArrayList<>(List.of(new Object[] {"label", b[1]}, new Object[] {"input", inputBounds}));
        if (showing(robot, "error-" + path)) {
            parts.add(new Object[] {"message", b[2]});
        }
        for (var part : parts) {
            Bounds p = (Bounds) part[1];
            assertThat(within(b[0], p)).as(path + "'s " + part[0] + " " + p + " in the form's viewport " + b[0]).isTrue();
            assertThat(p.getMaxY()).as(path + "'s " + part[0] + " above the keyboard").isLessThanOrEqualTo(b[3].getMinY());
            assertThat(p.getMaxX()).as(path + "'s " + part[0] + " within the window").isLessThanOrEqualTo(width);
        }
        assertThat(context).as(path + " at " + width + "×" + height + ": fields in sight around it; viewport " + b[0] + ", others " + seen).hasSizeGreaterThanOrEqualTo(neighbours);
    }

    private static boolean within(Bounds outer, Bounds inner) {
        double slack = 0.5; // sub-pixel layout
        return inner.getMinY() >= outer.getMinY() - slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private Node problemLine(FxRobot robot, String startsWith) {
        VBox lines = find(robot, "form-problems-list");
        return onFx(robot, () -> lines.getChildren().stream()
                .filter(n -> ((Labeled) n).getText().startsWith(startsWith)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + startsWith)));
    }

    private String onFxFocusedId(FxRobot robot) {
        return onFx(robot, () -> stage.getScene().getFocusOwner().getId());
    }

    private static <T> T onFx(FxRobot robot, java.util.function.Supplier<T> work) {
        List<T> out = new ArrayList<>();
        robot.interact(() -> out.add(work.get()));
        return out.get(0);
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        Path dir = Path.of("target", "snapshots");
        Files.createDirectories(dir);
        Snapshots.png(robot, "shell", dir.resolve(name + ".png"));
    }
}
