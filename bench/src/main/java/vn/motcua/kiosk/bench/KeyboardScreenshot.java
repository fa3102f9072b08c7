package vn.motcua.kiosk.bench;

import static vn.motcua.kiosk.bench.FxShots.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.KioskApp;
import vn.motcua.kiosk.ui.keyboard.FieldKind;
import vn.motcua.kiosk.ui.keyboard.OnScreenKeyboard;

/**
 * Screenshots of the on-screen keyboard under a text field on a real window (run under
 * xvfb-run): the letters layout after typing a name in Telex, the number pad of an ID field, and
 * the letters in high contrast with large text.
 * Keys are pressed as a citizen would, so the text shown is the engine's own output.
 * Usage: KeyboardScreenshot OUTPUT_FOLDER
 */
public final class KeyboardScreenshot {
    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        Platform.startup(() -> {});
        TextField[] fields = new TextField[2];
        Stage stage = fx(() -> {
            KioskApp.loadFonts();
            TextField name = new TextField();
            TextField id = new TextField();
            FieldKind.set(id, FieldKind.NUMERIC);
            fields[0] = name;
            fields[1] = id;
            VBox form = new VBox(name, id);
            form.getStyleClass().add("screen");
            OnScreenKeyboard keyboard = new OnScreenKeyboard(new I18n(Locale.forLanguageTag("vi")));
            BorderPane root = new BorderPane(form);
            root.setBottom(keyboard);
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(KioskApp.stylesheet());
            keyboard.attachTo(scene);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            name.requestFocus();
            return s;
        });
        press(stage, "shift");
        type(stage, "nguyeenx");
        press(stage, "space");
        press(stage, "shift");
        type(stage, "vawn");
        press(stage, "space");
        press(stage, "shift");
        type(stage, "an");
        shot(stage, "keyboard-telex");
        fx(() -> {
            fields[1].requestFocus();
            return null;
        });
        for (char d : "0010950".toCharArray()) {
            press(stage, "num-" + d);
        }
        shot(stage, "keyboard-numeric");
        fx(() -> {
            stage.getScene().getRoot().getStyleClass().addAll("high-contrast", "large-text");
            fields[0].requestFocus();
            fields[0].end();
            return null;
        });
        shot(stage, "keyboard-high-contrast-large");
        Platform.exit();
        System.exit(0);
    }

    private static void type(Stage stage, String letters) throws Exception {
        for (char c : letters.toCharArray()) {
            press(stage, String.valueOf(c));
        }
    }

    private static void press(Stage stage, String key) throws Exception {
        fx(() -> {
            Node n = stage.getScene().lookup("#key-" + key);
            if (n == null) {
                throw new IllegalStateException("no #key-" + key);
            }
            ((ButtonBase) n).fire();
            return null;
        });
    }

    private static void shot(Stage stage, String name) throws Exception {
        FxShots.shot(stage, out, name);
    }


}
