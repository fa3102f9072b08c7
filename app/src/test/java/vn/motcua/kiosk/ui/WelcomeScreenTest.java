package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.ui.shell.ShellView;
import vn.motcua.kiosk.ui.shell.ShellViewModel;
import vn.motcua.kiosk.ui.staff.StaffActions;
import vn.motcua.kiosk.ui.staff.StaffViewModel;

class WelcomeScreenTest extends ShellFixture {

    private static String tileTitle(FxRobot robot, String id) {
        return robot.from(robot.lookup("#" + id).queryAs(Node.class)).lookup(".tile-title").queryAs(Label.class).getText();
    }

    @Test
    void welcomeIsInVietnameseWithATrainingBanner(FxRobot robot) {
        assertThat(tileTitle(robot, "file")).isEqualTo("Nộp hồ sơ");
        assertThat(tileTitle(robot, "resume")).isEqualTo("Tiếp tục hồ sơ");
        assertThat(tileTitle(robot, "track")).isEqualTo("Tra cứu hồ sơ");
        assertThat(tileTitle(robot, "result")).isEqualTo("Nhận kết quả");
        assertThat(((Labeled) find(robot, "help")).getText()).isEqualTo("Cần hỗ trợ?");
        assertThat(((Label) find(robot, "training-banner")).getText()).startsWith("TẬP HUẤN");
        assertThat(showing(robot, "training-banner")).isTrue();
    }

    @Test
    void theLanguageSwitchRewordsEverythingAndBack(FxRobot robot) {
        robot.clickOn("#language");
        assertThat(tileTitle(robot, "file")).isEqualTo("File a dossier");
        assertThat(((Label) find(robot, "training-banner")).getText()).startsWith("TRAINING");
        assertThat(((Labeled) find(robot, "language")).getText()).isEqualTo("Tiếng Việt");
        robot.clickOn("#language");
        assertThat(tileTitle(robot, "file")).isEqualTo("Nộp hồ sơ");
    }

    @Test
    void everyTouchTargetIsAtLeast48Pixels(FxRobot robot) {
        var buttons = robot.lookup(n -> n instanceof ButtonBase && n.isVisible()).queryAll();
        assertThat(buttons).hasSizeGreaterThanOrEqualTo(8);
        for (Node b : buttons) {
            Bounds bounds = b.getLayoutBounds();
            assertThat(bounds.getHeight()).as("height of %s", b.getId()).isGreaterThanOrEqualTo(48);
            assertThat(bounds.getWidth()).as("width of %s", b.getId()).isGreaterThanOrEqualTo(48);
        }
    }

    @Test
    void largeTextMakesTheTextLarger(FxRobot robot) {
        double before = titleFontSize(robot);
        robot.clickOn("#large-text");
        WaitForAsyncUtils.waitForFxEvents();
        double after = titleFontSize(robot);
        assertThat(after).isGreaterThan(before * 1.3);
        assertThat(find(robot, "shell").getStyleClass()).contains("large-text");
    }

    private static double titleFontSize(FxRobot robot) {
        return robot.lookup(".screen-title").queryAs(Label.class).getFont().getSize();
    }

    @Test
    void highContrastTurnsTheScreenBlackWithYellowButtons(FxRobot robot) {
        Region shell = find(robot, "shell");
        assertThat(shell.getBackground().getFills().get(0).getFill()).isNotEqualTo(Color.BLACK);
        robot.clickOn("#high-contrast");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shell.getBackground().getFills().get(0).getFill()).isEqualTo(Color.BLACK);
        Region help = find(robot, "help");
        assertThat(help.getBorder().getStrokes().get(0).getTopStroke()).isEqualTo(Color.web("#ffeb3b"));
    }

    @Test
    void portraitStacksTheChoicesInOneColumn(FxRobot robot) {
        double fileX = robot.lookup("#file").query().localToScene(0, 0).getX();
        double resumeX = robot.lookup("#resume").query().localToScene(0, 0).getX();
        assertThat(resumeX).isGreaterThan(fileX + 100);

        robot.interact(() -> {
            stage.setWidth(768);
            stage.setHeight(1024);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(find(robot, "shell").getStyleClass()).contains("portrait", "compact");
        double fileXp = robot.lookup("#file").query().localToScene(0, 0).getX();
        double resumeXp = robot.lookup("#resume").query().localToScene(0, 0).getX();
        assertThat(resumeXp).isEqualTo(fileXp);
        everyTouchTargetIsAtLeast48Pixels(robot);
    }

    @Test
    void theHeaderKeepsTheKiosksNameWholeAndWrapsTheSwitchesWhenNarrow(FxRobot robot) {
        Node title = robot.lookup("#app-title").query();
        Node staff = robot.lookup("#staff-open").query();
        assertHeaderWhole(robot);
        assertThat(centreY(staff)).as("one row at 1280×800").isLessThan(title.localToScene(title.getLayoutBounds()).getMaxY());

        // Portrait: the name and the switches no longer fit side by side (the title was "Một C…").
        robot.interact(() -> {
            stage.setWidth(1080);
            stage.setHeight(1920);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertHeaderWhole(robot);
        assertThat(centreY(staff)).as("the switches on a second row")
                .isGreaterThan(title.localToScene(title.getLayoutBounds()).getMaxY());

        // Large text on a small landscape screen: the same, and nothing leaves the screen.
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        robot.clickOn("#large-text");
        WaitForAsyncUtils.waitForFxEvents();
        assertHeaderWhole(robot);
    }

    private void assertHeaderWhole(FxRobot robot) {
        Label title = robot.lookup("#app-title").queryAs(Label.class);
        Text shown = (Text) title.lookup(".text");
        assertThat(shown.getText()).as("the kiosk's name as drawn").isEqualTo(title.getText());
        double width = stage.getScene().getWidth();
        Node header = robot.lookup("#header").query();
        Bounds bar = header.localToScene(header.getLayoutBounds());
        for (String id : List.of("portal-state", "language", "large-text", "high-contrast", "staff-open")) {
            Node n = robot.lookup("#" + id).query();
            Bounds b = n.localToScene(n.getLayoutBounds());
            assertThat(b.getMinX()).as("left of %s", id).isGreaterThanOrEqualTo(0);
            assertThat(b.getMaxX()).as("right of %s within %s", id, width).isLessThanOrEqualTo(width);
            assertThat(b.getMaxY()).as("bottom of %s within the header's %s", id, bar.getMaxY())
                    .isLessThanOrEqualTo(bar.getMaxY());
        }
    }

    private static double centreY(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return (b.getMinY() + b.getMaxY()) / 2;
    }

    @Test
    void productionModeHasNoTrainingBanner(FxRobot robot) {
        ShellView[] view = new ShellView[1];
        robot.interact(() -> {
            ShellViewModel other = new ShellViewModel(services.sessions(), services::newInactivityMonitor,
                    new I18n(Locale.forLanguageTag("vi")), Runnable::run, services.catalogue(), "56",
                    services.interruptedDrafts());
            StaffViewModel staff = new StaffViewModel(services.staffGate(), new NoActions(), Executors.newSingleThreadExecutor());
            var review = new vn.motcua.kiosk.ui.signing.ReviewViewModel(services.sessions(), services.signingStep(),
                    Runnable::run, () -> "");
            view[0] = new ShellView(other, staff, new vn.motcua.kiosk.ui.help.HelpCallViewModel(services.helpCall(), staff),
                    new vn.motcua.kiosk.ui.signing.SigningScreen(review, List::of, false), null, "Sở Tư pháp", false, 120);
        });
        assertThat(robot.from(view[0]).lookup("#training-banner").tryQuery()).isEmpty();
        assertThat(robot.from(view[0]).lookup("#file").tryQuery()).isPresent();
    }

    private static final class NoActions implements StaffActions {
        @Override
        public void leaveFullScreen() {}

        @Override
        public void enterFullScreen() {}

        @Override
        public boolean isFullScreen() {
            return false;
        }

        @Override
        public void quit() {}
    }
}
