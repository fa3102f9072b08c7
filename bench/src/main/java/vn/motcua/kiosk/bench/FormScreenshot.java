package vn.motcua.kiosk.bench;

import static vn.motcua.kiosk.bench.FxShots.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.KioskApp;
import vn.motcua.kiosk.ui.form.FormView;
import vn.motcua.kiosk.ui.form.FormViewModel;
import vn.motcua.kiosk.ui.keyboard.OnScreenKeyboard;

/**
 * Screenshots of the LLTP form on a real 1024×768 window (run under xvfb-run), prefilled as
 * from an ID card: the first section, the commune search with the keyboard open, the residence
 * rows, the list of problems after "Tiếp tục", and the same in English.
 * Usage: FormScreenshot OUTPUT_FOLDER
 */
public final class FormScreenshot {
    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        Platform.startup(() -> {});
        CatalogueService catalogue = CatalogueService.load(ConfigSource.embedded(), Clock.systemDefaultZone());
        Procedure lltp = catalogue.catalogue().procedure("lltp-self").orElseThrow();
        Answers prefill = Answers.of(Map.of("fullName", "NGUYỄN VĂN AN", "birthDate", "1995-08-15", "sex", "male",
                "idNumber", "001095012345", "idIssueDate", "2021-04-10"));
        I18n i18n = new I18n(Locale.forLanguageTag("vi"));
        FormViewModel[] vm = new FormViewModel[1];
        Stage stage = fx(() -> {
            KioskApp.loadFonts();
            vm[0] = new FormViewModel(lltp.form(), i18n.language(), catalogue.places(), catalogue.validator(),
                    prefill, (path, value) -> { });
            FormView form = new FormView(vm[0], i18n, () -> { });
            form.getStyleClass().add("screen");
            OnScreenKeyboard keyboard = new OnScreenKeyboard(i18n);
            BorderPane root = new BorderPane(form);
            root.setBottom(keyboard);
            Scene scene = new Scene(root, 1024, 768);
            scene.getStylesheets().add(KioskApp.stylesheet());
            keyboard.attachTo(scene);
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
        fx(() -> {
            stage.getScene().lookup("#form-next").requestFocus();
            return null;
        });
        shot(stage, "form-lltp");

        fx(() -> {
            TextField commune = (TextField) stage.getScene().lookup("#field-permanentAddress-commune");
            var province = (javafx.scene.control.ComboBox<vn.motcua.kiosk.places.Province>)
                    stage.getScene().lookup("#field-permanentAddress-province");
            province.setValue(catalogue.places().province("01").orElseThrow());
            commune.requestFocus();
            return null;
        });
        for (char c : "ba dinh".toCharArray()) {
            press(stage, c == ' ' ? "space" : String.valueOf(c));
        }
        shot(stage, "form-lltp-keyboard");

        fx(() -> {
            stage.getScene().lookup("#form-next").requestFocus();
            vm[0].goToSection(2);
            return null;
        });
        press(stage, "add-row-residenceHistory");
        fx(() -> {
            ((TextField) stage.getScene().lookup("#field-residenceHistory-0-place")).setText("Phường Ba Đình, Hà Nội");
            ((TextField) stage.getScene().lookup("#field-residenceHistory-0-occupation")).setText("Học sinh");
            stage.getScene().lookup("#form-next").requestFocus();
            return null;
        });
        shot(stage, "form-lltp-rows");

        fx(() -> {
            vm[0].goToSection(3);
            return null;
        });
        press(stage, "form-next");
        shot(stage, "form-lltp-problems");

        fx(() -> {
            i18n.setLocale(Locale.ENGLISH);
            return null;
        });
        shot(stage, "form-lltp-en");
        Platform.exit();
        System.exit(0);
    }

    private static void press(Stage stage, String id) throws Exception {
        fx(() -> {
            Node n = stage.getScene().lookup("#" + id);
            if (n == null) {
                n = stage.getScene().lookup("#key-" + id);
            }
            if (n == null) {
                throw new IllegalStateException("no #" + id);
            }
            ((ButtonBase) n).fire();
            return null;
        });
    }

    private static void shot(Stage stage, String name) throws Exception {
        FxShots.shot(stage, out, name);
    }


}
