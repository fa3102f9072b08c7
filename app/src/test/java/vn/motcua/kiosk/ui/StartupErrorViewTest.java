package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.ui.startup.StartupErrorView;

/** A broken configuration shows a full-screen page naming file, key and expectation — no stack trace. */
@ExtendWith(ApplicationExtension.class)
class StartupErrorViewTest {
    @TempDir
    static Path dir;

    @Start
    void start(Stage stage) throws Exception {
        Files.writeString(dir.resolve("kiosk.json"), "{ \"kioskId\": \"X\", \"mode\": \"demo\" }");
        ConfigException e = catchThrowableOfType(
                () -> new ConfigLoader().load(ConfigSource.folder(dir)), ConfigException.class);
        Messages vi = Messages.of(Locale.forLanguageTag("vi"));
        Messages en = Messages.of(Locale.ENGLISH);
        var view = new StartupErrorView(e.problems().stream()
                .map(p -> new StartupErrorView.Problem(vi.describe(p), en.describe(p))).toList());
        Scene scene = new Scene(view, 1024, 768);
        scene.getStylesheets().add(KioskApp.stylesheet());
        stage.setScene(scene);
        // The primary stage is shared by every test class: an earlier one may have resized it.
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void namesTheFileTheKeyAndWhatWasExpectedInBothLanguages(FxRobot robot) {
        String file = dir.resolve("kiosk.json").toAbsolutePath().toString();
        assertThat(robot.lookup(".screen-title").queryAs(Label.class).getText())
                .isEqualTo("Kiosk chưa thể khởi động / The kiosk cannot start");
        assertThat(robot.lookup(".problem").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("• " + file + " — khóa «mode»: cần một trong các giá trị: production, training; đang có: demo");
        assertThat(robot.lookup(".problem-en").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("  " + file + " — key \"mode\": expected one of: production, training; found: demo");
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText().contains("Exception")).tryQuery()).isEmpty();
        assertThat(robot.lookup("#startup-quit").tryQuery()).isPresent();
    }
}
