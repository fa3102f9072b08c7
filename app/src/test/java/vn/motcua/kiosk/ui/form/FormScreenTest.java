package vn.motcua.kiosk.ui.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.Section;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.testing.TestClock;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.KioskApp;
import vn.motcua.kiosk.ui.keyboard.OnScreenKeyboard;

/**
 * The form screen on the real catalogue's LLTP (self) form at 1024×768 with the on-screen
 * keyboard: typing, messages next to the fields, rows, the conditional question, dates, the
 * address picker, the language switch, autosave callbacks and "Tiếp tục".
 */
@ExtendWith(ApplicationExtension.class)
class FormScreenTest {
    private static final Messages VI = Messages.of(Locale.forLanguageTag("vi"));

    private final TestClock clock = new TestClock();
    private final Map<String, String> saved = new LinkedHashMap<>();
    private final List<String> savedPaths = new ArrayList<>();
    private final AtomicInteger done = new AtomicInteger();
    private CatalogueService catalogue;
    private I18n i18n;
    private FormViewModel vm;
    private BorderPane root;
    private OnScreenKeyboard keyboard;

    @BeforeEach
    void start() throws Exception {
        catalogue = CatalogueService.load(ConfigSource.embedded(), clock);
        FxToolkit.setupStage(this::show);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void show(Stage stage) {
        KioskApp.loadFonts();
        i18n = new I18n(Locale.forLanguageTag("vi"));
        keyboard = new OnScreenKeyboard(i18n);
        root = new BorderPane(form("lltp-self", new Answers()));
        root.setBottom(keyboard);
        Scene scene = new Scene(root, 1024, 768);
        scene.getStylesheets().add(KioskApp.stylesheet());
        keyboard.attachTo(scene);
        stage.setScene(scene);
        // The primary stage is shared by every test class: an earlier one may have resized it.
        stage.sizeToScene();
        stage.show();
    }

    private FormView form(String procedure, Answers initial) {
        Procedure p = catalogue.catalogue().procedure(procedure).orElseThrow();
        vm = new FormViewModel(p.form(), i18n.language(), catalogue.places(), catalogue.validator(), initial,
                (path, value) -> {
                    saved.put(path, value);
                    savedPaths.add(path);
                });
        return new FormView(vm, i18n, done::incrementAndGet);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static <T extends Node> T find(FxRobot robot, String id) {
        return robot.lookup("#" + id).query();
    }

    private static boolean shown(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).tryQuery().orElse(null);
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n != null && n.getScene() != null;
    }

    private void section(FxRobot robot, int index) {
        robot.interact(() -> vm.goToSection(index));
    }

    /** Focuses a field (the scroll pane brings it into sight) and types on the physical keyboard. */
    private void type(FxRobot robot, String id, String text) {
        TextField f = find(robot, id);
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        robot.write(text);
    }

    /** Sets a text as a paste would: for text with diacritics, which the robot cannot type. */
    private void paste(FxRobot robot, String id, String text) {
        TextField f = find(robot, id);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(text);
        });
    }

    private void tap(FxRobot robot, String id) {
        ButtonBase b = find(robot, id);
        robot.interact(b::fire);
    }

    private void leave(FxRobot robot) {
        robot.interact(() -> find(robot, "form-next").requestFocus());
    }

    private void date(FxRobot robot, String path, String d, String m, String y) {
        String id = "field-" + FieldViews.id(path);
        type(robot, id + "-day", d);
        type(robot, id + "-month", m);
        type(robot, id + "-year", y);
        leave(robot);
    }

    /** A month-only date: no day box (Form 03/2024's residence rows). */
    private void month(FxRobot robot, String path, String m, String y) {
        String id = "field-" + FieldViews.id(path);
        assertThat(robot.lookup("#" + id + "-day").tryQuery()).isEmpty();
        type(robot, id + "-month", m);
        type(robot, id + "-year", y);
        leave(robot);
    }

    private String error(FxRobot robot, String path) {
        String id = "error-" + FieldViews.id(path);
        return shown(robot, id) ? ((Label) find(robot, id)).getText() : "";
    }

    // ---- tests --------------------------------------------------------------------------------

    @Test
    void theNameIsStoredInCapitalsWithDiacriticsInNfc(FxRobot robot) {
        String decomposed = Normalizer.normalize("nguyễn văn an", Normalizer.Form.NFD);
        paste(robot, "field-fullName", decomposed);
        leave(robot);
        String stored = vm.answers().get("fullName");
        assertThat(stored).isEqualTo("NGUYỄN VĂN AN");
        assertThat(Normalizer.isNormalized(stored, Normalizer.Form.NFC)).isTrue();
        assertThat(((TextField) find(robot, "field-fullName")).getText()).isEqualTo("NGUYỄN VĂN AN");
        assertThat(saved).containsEntry("fullName", "NGUYỄN VĂN AN");
    }

    @Test
    void telexOnTheOnScreenKeyboardTypesTheNameInCapitals(FxRobot robot) {
        robot.clickOn("#field-fullName");
        assertThat(keyboard.isVisible()).isTrue();
        for (char c : "nguyeenx".toCharArray()) {
            robot.clickOn("#key-" + c);
        }
        assertThat(((TextField) find(robot, "field-fullName")).getText()).isEqualTo("NGUYỄN");
        assertThat(vm.answers().get("fullName")).isEqualTo("NGUYỄN");
    }

    @Test
    void aBadIdNumberIsExplainedNextToTheFieldAndAGoodOneClearsIt(FxRobot robot) {
        robot.interact(() -> ((ButtonBase) find(robot, "field-sex-male")).fire());
        date(robot, "birthDate", "15", "08", "1995");
        type(robot, "field-idNumber", "999095012345");
        assertThat(error(robot, "idNumber")).isEqualTo(VI.get("form.error.id.province", "999"));
        assertThat(vm.answers().get("idNumber")).as("kept as typed").isEqualTo("999095012345");
        type(robot, "field-idNumber", "001095012345");
        leave(robot);
        assertThat(error(robot, "idNumber")).isEmpty();
        type(robot, "field-phone", "09");
        assertThat(error(robot, "phone")).as("no message while a phone number is still being typed").isEmpty();
        leave(robot);
        assertThat(error(robot, "phone")).isEqualTo(VI.get("form.error.phone"));
    }

    @Test
    void aCommonPurposeIsOneTouchAndOtherOpensTheKeyboardOnTheField(FxRobot robot) {
        section(robot, 3);
        robot.clickOn("#suggestion-purpose-1");
        assertThat(vm.value("purpose")).isEqualTo("Du học");
        assertThat(((TextInputControl) find(robot, "field-purpose")).getText()).isEqualTo("Du học");
        assertThat(vm.errorProperty("purpose").get()).isNull();

        robot.clickOn("#suggestion-purpose-other");
        assertThat(vm.value("purpose")).isEmpty();
        assertThat(keyboard.isVisible()).as("typing a purpose of one's own").isTrue();
        assertThat(keyboard.targetProperty().get()).isSameAs(find(robot, "field-purpose"));

        // The words follow the language; what is written stays Vietnamese, as the form is filed.
        robot.interact(() -> i18n.setLocale(Locale.ENGLISH));
        assertThat(((ButtonBase) find(robot, "suggestion-purpose-1")).getText()).isEqualTo("Study abroad");
        robot.clickOn("#suggestion-purpose-0");
        assertThat(vm.value("purpose")).isEqualTo("Bổ sung hồ sơ xin việc");
    }

    @Test
    void oneTouchFillsTheFirstResidenceRowFromTheBirthDateAndPermanentAddress(FxRobot robot) {
        section(robot, 2);
        assertThat(find(robot, "since-age-residenceHistory").isDisabled()).as("nothing to fill it from yet").isTrue();
        var khanhHoa = catalogue.places().province("56").orElseThrow();
        robot.interact(() -> {
            vm.set("birthDate", "1990-03-15");
            vm.set("permanentAddress.province", "56");
            vm.set("permanentAddress.commune", khanhHoa.communes().get(0).code());
            vm.set("permanentAddress.street", "Số 5 Trần Phú");
        });
        robot.clickOn("#since-age-residenceHistory");
        assertThat(vm.value("residenceHistory[0].from")).as("the month and year Form 03 asks").isEqualTo("2004-03");
        assertThat(vm.value("residenceHistory[0].place"))
                .isEqualTo("Số 5 Trần Phú, " + khanhHoa.communes().get(0).fullName(false) + ", " + khanhHoa.fullName(false));
        assertThat(vm.value("residenceHistory[0].to")).as("until now").isEmpty();
        // Shown in the row, and still editable there.
        assertThat(((TextInputControl) find(robot, "field-residenceHistory-0-place")).getText())
                .startsWith("Số 5 Trần Phú");
    }

    @Test
    void residenceRowsAreAddedAndRemoved(FxRobot robot) {
        section(robot, 2);
        assertThat(vm.answers().rows("residenceHistory")).as("the form's fewest rows").isEqualTo(1);
        assertThat(((ButtonBase) find(robot, "remove-row-residenceHistory-0")).isDisabled()).isTrue();
        tap(robot, "add-row-residenceHistory");
        tap(robot, "add-row-residenceHistory");
        assertThat(robot.lookup("#rows-residenceHistory").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .hasSize(3);
        paste(robot, "field-residenceHistory-0-place", "Hà Nội");
        paste(robot, "field-residenceHistory-1-place", "Huế");
        paste(robot, "field-residenceHistory-2-place", "Đà Nẵng");
        tap(robot, "remove-row-residenceHistory-1");
        assertThat(vm.answers().rows("residenceHistory")).isEqualTo(2);
        assertThat(vm.answers().get("residenceHistory[1].place")).isEqualTo("Đà Nẵng");
        assertThat(((TextField) find(robot, "field-residenceHistory-1-place")).getText()).isEqualTo("Đà Nẵng");
        assertThat(saved).containsEntry("residenceHistory[1].place", "Đà Nẵng")
                .containsEntry("residenceHistory[2].place", null);
    }

    @Test
    void theBansQuestionIsAskedForCertificateType1Only(FxRobot robot) {
        section(robot, 3);
        assertThat(shown(robot, "box-certifyBans")).isFalse();
        robot.clickOn("#field-certificateType-1");
        assertThat(shown(robot, "box-certifyBans")).isTrue();
        robot.clickOn("#field-certificateType-2");
        assertThat(shown(robot, "box-certifyBans")).isFalse();
        assertThat(vm.answers().get("certificateType")).isEqualTo("2");
    }

    @Test
    void theDateBoxesRefuseThe31stOfFebruaryAndKeepTheDigits(FxRobot robot) {
        date(robot, "birthDate", "31", "02", "2000");
        assertThat(error(robot, "birthDate")).isEqualTo(VI.get("form.error.date"));
        assertThat(vm.answers().get("birthDate")).isEqualTo("2000-02-31");
        type(robot, "field-birthDate-day", "28");
        assertThat(error(robot, "birthDate")).isEmpty();
        assertThat(vm.answers().get("birthDate")).isEqualTo("2000-02-28");
        date(robot, "birthDate", "1", "1", "2030");
        assertThat(error(robot, "birthDate")).as("a birth date is in the past").isEqualTo(VI.get("form.error.date-future"));
    }

    @Test
    void theCommuneIsFoundWithoutAccentsWithinTheProvince(FxRobot robot) {
        ComboBox<?> province = find(robot, "field-permanentAddress-province");
        assertThat(province.getItems()).hasSize(34);
        assertThat(((TextField) find(robot, "field-permanentAddress-commune")).isDisabled()).isTrue();
        pickProvince(robot, "01");
        type(robot, "field-permanentAddress-commune", "ba dinh");
        assertThat(((ButtonBase) find(robot, "commune-00004")).getText()).isEqualTo("Phường Ba Đình");
        tap(robot, "commune-00004");
        assertThat(vm.answers().get("permanentAddress.province")).isEqualTo("01");
        assertThat(vm.answers().get("permanentAddress.commune")).isEqualTo("00004");
        assertThat(((TextField) find(robot, "field-permanentAddress-commune")).getText()).isEqualTo("Phường Ba Đình");
        assertThat(robot.lookup("#commune-00004").tryQuery()).as("the matches close").isEmpty();
        pickProvince(robot, "79");
        assertThat(vm.answers().get("permanentAddress.commune")).as("not a commune of the new province").isNull();
    }

    private void pickProvince(FxRobot robot, String code) {
        @SuppressWarnings("unchecked")
        ComboBox<vn.motcua.kiosk.places.Province> province = find(robot, "field-permanentAddress-province");
        robot.interact(() -> province.setValue(catalogue.places().province(code).orElseThrow()));
    }

    @Test
    void switchingToEnglishRelabelsFieldsButtonsAndMessages(FxRobot robot) {
        type(robot, "field-idNumber", "12ab");
        assertThat(error(robot, "idNumber")).isEqualTo(VI.get("form.error.id.digits"));
        assertThat(((Label) find(robot, "label-fullName")).getText()).isEqualTo("Họ và tên (chữ in hoa, có dấu)");
        robot.interact(() -> i18n.setLocale(Locale.ENGLISH));
        assertThat(((Label) find(robot, "label-fullName")).getText()).isEqualTo("Full name (capitals, with diacritics)");
        assertThat(((ButtonBase) find(robot, "form-next")).getText()).isEqualTo("Next part");
        assertThat(((Label) find(robot, "form-section-title")).getText()).isEqualTo("Person the certificate is for");
        assertThat(error(robot, "idNumber")).isEqualTo(Messages.of(Locale.ENGLISH).get("form.error.id.digits"));
        robot.interact(() -> i18n.setLocale(Locale.forLanguageTag("vi")));
        assertThat(((Label) find(robot, "label-fullName")).getText()).as("and back again")
                .isEqualTo("Họ và tên (chữ in hoa, có dấu)");
        assertThat(((TextField) find(robot, "field-idNumber")).getText()).as("nothing typed is lost").isEqualTo("12ab");
    }

    @Test
    void continueListsWhatIsMissingAndGoesOnOnlyWhenAllIsRight(FxRobot robot) {
        section(robot, 3);
        robot.clickOn("#form-next"); // a real tap: the button takes the focus from any field
        assertThat(done.get()).isZero();
        assertThat(shown(robot, "form-problems")).isTrue();
        assertThat(vm.problems()).extracting(e -> e.path()).contains("fullName", "birthDate", "idNumber",
                "permanentAddress.province", "residenceHistory[0].from", "certificateType", "purpose");
        assertThat(vm.sectionProperty().get()).as("back to the first problem").isZero();
        TextField name = find(robot, "field-fullName");
        // Shown, not focused: the focus would open the keyboard over the list.
        assertThat(name.isFocused()).isFalse();
        assertThat(keyboard.isVisible()).isFalse();
        assertThat(shown(robot, "form-problems-list")).isTrue();
        assertThat(error(robot, "fullName")).isEqualTo(VI.get("form.error.required"));

        paste(robot, "field-fullName", "Nguyễn Văn An");
        assertThat(error(robot, "fullName")).isEmpty();
        tap(robot, "field-sex-male");
        date(robot, "birthDate", "15", "08", "1995");
        paste(robot, "field-placeOfBirth", "Hà Nội");
        type(robot, "field-idNumber", "001095012345");
        date(robot, "idIssueDate", "10", "04", "2021");
        pickProvince(robot, "01");
        type(robot, "field-permanentAddress-commune", "ba dinh");
        tap(robot, "commune-00004");
        paste(robot, "field-permanentAddress-street", "Số 12 Ngõ 34");
        type(robot, "field-phone", "0912345678");
        tap(robot, "form-next");
        tap(robot, "form-next");
        assertThat(vm.sectionProperty().get()).isEqualTo(2);
        month(robot, "residenceHistory[0].from", "08", "2009");
        paste(robot, "field-residenceHistory-0-place", "Phường Ba Đình, Hà Nội");
        tap(robot, "form-next");
        tap(robot, "field-certificateType-1");
        paste(robot, "field-purpose", "Xin việc");
        assertThat(vm.problems()).as("the list shrinks as things are fixed").isEmpty();
        tap(robot, "form-next");
        assertThat(done.get()).isEqualTo(1);
        assertThat(shown(robot, "form-problems")).isFalse();

        assertThat(savedPaths).contains("fullName", "sex", "birthDate", "placeOfBirth", "idNumber", "idIssueDate",
                "permanentAddress.province", "permanentAddress.commune", "permanentAddress.street", "phone",
                "residenceHistory[0].from", "residenceHistory[0].place", "certificateType", "purpose");
        assertThat(saved).as("defaults are saved too").containsEntry("nationality", "Việt Nam")
                .containsEntry("copies", "1").containsEntry("certifyBans", "false");
        assertThat(saved).containsAllEntriesOf(vm.answers().asMap());
    }

    @Test
    void aResumedDraftShowsItsAnswers(FxRobot robot) {
        Answers draft = Answers.of(Map.of("fullName", "TRẦN THỊ BÌNH", "birthDate", "1960-03-07",
                "permanentAddress.province", "01", "permanentAddress.commune", "00004",
                "residenceHistory[0].place", "Huế", "residenceHistory[1].place", "Hà Nội"));
        robot.interact(() -> root.setCenter(form("lltp-self", draft)));
        assertThat(((TextField) find(robot, "field-fullName")).getText()).isEqualTo("TRẦN THỊ BÌNH");
        assertThat(((TextField) find(robot, "field-birthDate-day")).getText()).isEqualTo("07");
        assertThat(((TextField) find(robot, "field-birthDate-year")).getText()).isEqualTo("1960");
        assertThat(((TextField) find(robot, "field-permanentAddress-commune")).getText()).isEqualTo("Phường Ba Đình");
        section(robot, 2);
        assertThat(((TextField) find(robot, "field-residenceHistory-1-place")).getText()).isEqualTo("Hà Nội");
    }

    @Test
    void everyShippedFormRendersWithEveryField(FxRobot robot) {
        for (Procedure p : catalogue.catalogue().procedures()) {
            robot.interact(() -> root.setCenter(form(p.id(), new Answers())));
            List<Section> sections = p.form().sectionList();
            for (int i = 0; i < sections.size(); i++) {
                section(robot, i);
                for (Field f : sections.get(i).fieldList()) {
                    assertThat(robot.lookup("#box-" + FieldViews.id(f.id())).tryQuery())
                            .as(p.id() + " " + f.id()).isPresent();
                }
            }
        }
    }
}
