package vn.motcua.kiosk.ui.keyboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.keyboard.InputMethod;
import vn.motcua.kiosk.keyboard.ToneStyle;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.KioskApp;

/** The keyboard under a small form on a headless stage, driven by taps as a citizen would. */
@ExtendWith(ApplicationExtension.class)
class OnScreenKeyboardTest {
    private I18n i18n;
    private OnScreenKeyboard keyboard;
    private PhysicalTelexFilter physical;
    private TextField name;
    private TextField place;
    private TextField id;
    private TextField email;
    private TextField scanned;
    private BorderPane root;

    @Start
    void start(Stage stage) {
        KioskApp.loadFonts();
        i18n = new I18n(Locale.forLanguageTag("vi"));
        Button first = new Button("…");
        first.setId("first");
        name = field("name");
        place = field("place");
        id = field("id-number");
        FieldKind.set(id, FieldKind.NUMERIC);
        email = field("email");
        email.getStyleClass().add(FieldKind.PLAIN.styleClass());
        scanned = field("scanned");
        FieldKind.set(scanned, FieldKind.NONE);
        VBox form = new VBox(first, name, place, id, email, scanned);
        form.getStyleClass().add("screen");
        keyboard = new OnScreenKeyboard(i18n);
        root = new BorderPane(form);
        root.setBottom(keyboard);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(KioskApp.stylesheet());
        keyboard.attachTo(scene);
        physical = new PhysicalTelexFilter().attachTo(scene);
        stage.setScene(scene);
        // The primary stage is shared by every test class: an earlier one may have resized it.
        stage.sizeToScene();
        stage.show();
        first.requestFocus();
    }

    private static TextField field(String id) {
        TextField f = new TextField();
        f.setId(id);
        return f;
    }

    private void tap(FxRobot robot, String... keys) {
        for (String k : keys) {
            robot.clickOn("#key-" + k);
        }
    }

    private void tapLetters(FxRobot robot, String letters) {
        for (char c : letters.toCharArray()) {
            robot.clickOn("#key-" + c);
        }
    }

    @Test
    void touchingAFieldOpensTheKeyboardAndTapsTypeTelex(FxRobot robot) {
        assertThat(keyboard.isVisible()).isFalse();
        robot.clickOn(name);
        assertThat(keyboard.isVisible()).isTrue();
        assertThat(keyboard.layoutProperty().get()).isEqualTo(OnScreenKeyboard.Layout.LETTERS);
        assertThat(name.isFocused()).isTrue();
        tapLetters(robot, "tooi");
        assertThat(name.getText()).isEqualTo("tôi");
        assertThat(name.isFocused()).as("keys never take the focus").isTrue();
        tap(robot, "space");
        tapLetters(robot, "dduwowcj");
        assertThat(name.getText()).isEqualTo("tôi được");
        assertThat(name.getCaretPosition()).isEqualTo(8);
    }

    @Test
    void shiftIsForOneLetterAndCapsForAll(FxRobot robot) {
        robot.clickOn(name);
        tap(robot, "shift");
        assertThat(((Labeled) robot.lookup("#key-v").query()).getText()).isEqualTo("V");
        tapLetters(robot, "vieetj");
        assertThat(name.getText()).isEqualTo("Việt");
        assertThat(keyboard.shiftProperty().get()).isFalse();
        tap(robot, "space", "caps");
        tapLetters(robot, "nam");
        assertThat(name.getText()).isEqualTo("Việt NAM");
        assertThat(keyboard.capsProperty().get()).isTrue();
        tap(robot, "caps", "space");
        tapLetters(robot, "a");
        assertThat(name.getText()).isEqualTo("Việt NAM a");
    }

    @Test
    void backspaceTakesBackTheToneThenDeletesLetters(FxRobot robot) {
        robot.clickOn(name);
        tapLetters(robot, "tieengs");
        assertThat(name.getText()).isEqualTo("tiếng");
        tap(robot, "backspace");
        assertThat(name.getText()).isEqualTo("tiêng");
        tap(robot, "backspace");
        assertThat(name.getText()).isEqualTo("tiên");
        tap(robot, "space", "backspace", "s");
        assertThat(name.getText()).as("back into the word: a tone still lands on it").isEqualTo("tiến");
    }

    @Test
    void aNumericFieldGetsTheNumberPad(FxRobot robot) {
        robot.clickOn(id);
        assertThat(keyboard.layoutProperty().get()).isEqualTo(OnScreenKeyboard.Layout.NUMBERS);
        assertThat(robot.lookup("#key-q").tryQuery()).isEmpty();
        for (char d : "001095012345".toCharArray()) {
            robot.clickOn("#key-num-" + d);
        }
        tap(robot, "num-backspace");
        assertThat(id.getText()).isEqualTo("00109501234");
        robot.clickOn(name);
        assertThat(keyboard.layoutProperty().get()).isEqualTo(OnScreenKeyboard.Layout.LETTERS);
    }

    @Test
    void vniModeTypesTonesWithDigits(FxRobot robot) {
        robot.clickOn(name);
        assertThat(showing(robot, "key-1")).isFalse();
        tap(robot, "mode");
        assertThat(keyboard.methodProperty().get()).isEqualTo(InputMethod.VNI);
        assertThat(((Labeled) robot.lookup("#key-mode").query()).getText()).isEqualTo("Kiểu gõ: VNI");
        assertThat(showing(robot, "key-1")).isTrue();
        tap(robot, "t", "o", "6", "i", "space", "d", "9", "u", "o", "7", "c", "5");
        assertThat(name.getText()).isEqualTo("tôi được");
    }

    @Test
    void theDiacriticRowTypesLettersAndTones(FxRobot robot) {
        robot.clickOn(name);
        tap(robot, "n", "uw", "ow", "c", "tone-acute");
        assertThat(name.getText()).isEqualTo("nước");
        tap(robot, "space", "shift", "dd", "o", "n", "g", "tone-grave");
        assertThat(name.getText()).isEqualTo("nước Đong".replace("Đong", "Đòng"));
        tap(robot, "tone-grave");
        assertThat(name.getText()).as("the same tone again takes it off").isEqualTo("nước Đong");
    }

    @Test
    void oldAndNewToneStyle(FxRobot robot) {
        robot.clickOn(name);
        tapLetters(robot, "hoaf");
        assertThat(name.getText()).isEqualTo("hoà");
        robot.interact(() -> keyboard.toneStyleProperty().set(ToneStyle.OLD));
        tap(robot, "space");
        tapLetters(robot, "thuyr");
        assertThat(name.getText()).isEqualTo("hoà thủy");
    }

    @Test
    void hidingAndTouchingTheFieldAgain(FxRobot robot) {
        robot.clickOn(name);
        tap(robot, "hide");
        assertThat(keyboard.isVisible()).isFalse();
        assertThat(keyboard.isManaged()).as("the form gets the room back").isFalse();
        robot.clickOn(name);
        assertThat(keyboard.isVisible()).isTrue();
        robot.clickOn(scanned);
        assertThat(keyboard.isVisible()).as("a field that opts out").isFalse();
        robot.clickOn("#first");
        assertThat(keyboard.isVisible()).isFalse();
    }

    @Test
    void doneMovesToTheNextFieldAndHidesAfterTheLast(FxRobot robot) {
        robot.clickOn(name);
        tap(robot, "enter");
        assertThat(place.isFocused()).isTrue();
        assertThat(keyboard.isVisible()).isTrue();
        robot.clickOn(email);
        tap(robot, "enter");
        assertThat(keyboard.isVisible()).isFalse();
    }

    @Test
    void aPlainFieldIsNotTelexed(FxRobot robot) {
        robot.clickOn(email);
        tapLetters(robot, "dduwowcj");
        assertThat(email.getText()).isEqualTo("dduwowcj");
    }

    @Test
    void symbolsLayout(FxRobot robot) {
        robot.clickOn(name);
        tap(robot, "symbols", "sym-1", "sym-2");
        robot.clickOn((Node) robot.lookup((Node n) -> n instanceof Button b && "/".equals(b.getText())).query());
        tap(robot, "letters", "a");
        assertThat(name.getText()).isEqualTo("12/a");
    }

    @Test
    void aTapElsewhereInTheWordThenATone(FxRobot robot) {
        robot.clickOn(name);
        tap(robot, "shift");
        tapLetters(robot, "nguyeen");
        tap(robot, "space");
        tapLetters(robot, "vawn");
        robot.interact(() -> name.positionCaret(6));
        tapLetters(robot, "x");
        assertThat(name.getText()).isEqualTo("Nguyễn văn");
    }

    @Test
    void thePhysicalKeyboardFilterTypesTelex(FxRobot robot) {
        robot.clickOn(name);
        robot.write("nuowcs");
        assertThat(name.getText()).isEqualTo("nước");
        robot.type(KeyCode.BACK_SPACE);
        assertThat(name.getText()).isEqualTo("nươc");
        robot.write(" VIEETJ");
        assertThat(name.getText()).isEqualTo("nươc VIỆT");
        robot.clickOn(id);
        robot.write("12a");
        assertThat(id.getText()).as("numeric fields get keys as they are").isEqualTo("12a");
    }

    @Test
    void everyKeyIsAtLeast48PixelsInEveryLayout(FxRobot robot) {
        robot.clickOn(name);
        checkKeys(robot);
        tap(robot, "mode");
        checkKeys(robot);
        tap(robot, "symbols");
        checkKeys(robot);
        robot.clickOn(id);
        checkKeys(robot);
        robot.interact(() -> root.getStyleClass().add("large-text"));
        WaitForAsyncUtils.waitForFxEvents();
        checkKeys(robot);
    }

    private void checkKeys(FxRobot robot) {
        var keys = robot.from(keyboard).lookup((Node n) -> n instanceof ButtonBase && treeVisible(n)).queryAll();
        assertThat(keys).hasSizeGreaterThanOrEqualTo(13);
        for (Node k : keys) {
            Bounds b = k.getLayoutBounds();
            assertThat(b.getHeight()).as("height of %s", k.getId()).isGreaterThanOrEqualTo(48);
            assertThat(b.getWidth()).as("width of %s", k.getId()).isGreaterThanOrEqualTo(48);
        }
    }

    @Test
    void highContrastAndEnglish(FxRobot robot) {
        robot.clickOn(name);
        robot.interact(() -> root.getStyleClass().add("high-contrast"));
        WaitForAsyncUtils.waitForFxEvents();
        Region kb = keyboard;
        assertThat(kb.getBackground().getFills().get(0).getFill()).isEqualTo(Color.BLACK);
        assertThat(((Labeled) robot.lookup("#key-hide").query()).getText()).isEqualTo("Ẩn bàn phím");
        robot.interact(() -> i18n.setLocale(Locale.ENGLISH));
        assertThat(((Labeled) robot.lookup("#key-hide").query()).getText()).isEqualTo("Hide keyboard");
        assertThat(((Labeled) robot.lookup("#key-mode").query()).getText()).isEqualTo("Typing: Telex");
    }

    private static boolean showing(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).tryQuery().orElse(null);
        return n != null && n.getScene() != null && treeVisible(n);
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
