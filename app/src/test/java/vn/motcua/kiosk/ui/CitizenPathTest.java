package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.Step;

/** Steps 3–4 of the citizen's path: find and choose a procedure, be identified from the ID card. */
class CitizenPathTest extends ShellFixture {
    static final String QR = "001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021";

    private void consent(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
    }

    /** A desk reader: the whole text as key events a few microseconds apart, then Enter. */
    static void scan(FxRobot robot, String text) {
        robot.interact(() -> {
            var scene = robot.targetWindow().getScene();
            Node target = scene.getFocusOwner();
            if (target == null || target.getScene() != scene) {
                target = scene.getRoot();
            }
            for (char c : text.toCharArray()) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false));
            }
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, "\r", "", KeyCode.ENTER,
                    false, false, false, false));
        });
    }

    private int cards(FxRobot robot) {
        return robot.lookup(".procedure-card").queryAll().size();
    }

    @Test
    void searchForgivesMissingAccentsAndATypo(FxRobot robot) {
        consent(robot);
        assertThat(cards(robot)).isEqualTo(8);
        robot.clickOn("#procedure-search").write("ly lich tu phap");
        assertThat(robot.lookup("#procedure-lltp-self").tryQuery()).isPresent();
        assertThat(robot.lookup("#procedure-khai-sinh").tryQuery()).isEmpty();
        robot.interact(() -> vm.procedures().queryProperty().set("doi giay phep lai xe"));
        assertThat(robot.lookup(".procedure-card").<Node>queryAll().iterator().next().getId())
                .isEqualTo("procedure-doi-gplx");
        robot.interact(() -> vm.procedures().queryProperty().set("khai sinb"));
        assertThat(robot.lookup("#procedure-khai-sinh").tryQuery()).isPresent();
        robot.interact(() -> vm.procedures().queryProperty().set("zzzz qqqq"));
        assertThat(showing(robot, "procedure-none")).isTrue();
    }

    @Test
    void areasFilterAndCardsShowFeeDueDateAndPapers(FxRobot robot) {
        consent(robot);
        robot.clickOn("#area-ho-tich");
        assertThat(robot.lookup("#procedure-lltp-self").tryQuery()).isEmpty();
        assertThat(robot.lookup("#procedure-khai-sinh").tryQuery()).isPresent();
        robot.clickOn("#area-all");
        String facts = robot.from(robot.lookup("#procedure-lltp-self").queryAs(Node.class)).lookup(".card-facts")
                .queryAs(Label.class).getText();
        assertThat(facts).contains("Toàn trình", "Lệ phí 200.000 đ", "Hẹn trả");
        String papers = robot.from(robot.lookup("#procedure-lltp-self").queryAs(Node.class)).lookup(".card-papers")
                .queryAs(Label.class).getText();
        assertThat(papers).startsWith("Giấy tờ cần mang:");
    }

    @Test
    void aScannedIdCardIsShownToConfirmThenFillsTheForm(FxRobot robot) {
        consent(robot);
        robot.clickOn("#procedure-lltp-self");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.APPLICANT);
        scan(robot, QR);
        assertThat(((Label) find(robot, "applicant-value-name")).getText()).isEqualTo("Nguyễn Văn An");
        assertThat(((Label) find(robot, "applicant-value-birthDate")).getText()).isEqualTo("15/08/1995");
        robot.clickOn("#applicant-confirm");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
        KioskSession s = services.sessions().current().orElseThrow();
        assertThat(s.procedureId()).isEqualTo("lltp-self");
        assertThat(s.answers()).containsEntry("fullName", "NGUYỄN VĂN AN").containsEntry("idNumber", "001095012345")
                .containsEntry("birthDate", "1995-08-15").containsEntry("sex", "male")
                .containsEntry("idIssueDate", "2021-04-10");
    }

    @Test
    void aMalformedScanChangesNothingAndSaysWhy(FxRobot robot) {
        consent(robot);
        robot.clickOn("#procedure-lltp-self");
        scan(robot, QR);
        scan(robot, QR.replace("|15081995|", "|31021995|"));
        assertThat(((Label) find(robot, "applicant-feedback")).getText())
                .isEqualTo("Ngày sinh trên mã QR không hợp lệ. Không có thông tin nào được điền.");
        assertThat(((Label) find(robot, "applicant-value-birthDate")).getText()).isEqualTo("15/08/1995");
    }

    @Test
    void anUnknownLayoutIsMappedByTheVolunteer(FxRobot robot) {
        consent(robot);
        robot.clickOn("#procedure-lltp-self");
        scan(robot, "CCCD2024|NGUYỄN VĂN AN|001095012345|Nam|15/08/1995");
        assertThat(showing(robot, "applicant-raw")).isTrue();
        robot.interact(() -> {
            ((ComboBox<String>) find(robot, "applicant-role-2")).setValue("name");
            ((ComboBox<String>) find(robot, "applicant-role-3")).setValue("id");
        });
        robot.clickOn("#applicant-confirm");
        assertThat(services.sessions().current().orElseThrow().answers())
                .containsEntry("fullName", "NGUYỄN VĂN AN").containsEntry("idNumber", "001095012345");
    }

    @Test
    void aScanWhileTypingInAFieldTakesBackWhatTheReaderTyped(FxRobot robot) {
        consent(robot);
        robot.clickOn("#procedure-lltp-self");
        robot.interact(() -> vm.goTo(Step.PROCEDURE));
        TextField search = find(robot, "procedure-search");
        robot.clickOn(search).write("kh");
        String typed = search.getText();
        // The reader starts after a pause, as a real scan after typing does.
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        scan(robot, QR);
        assertThat(search.getText()).isEqualTo(typed);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.APPLICANT);
        assertThat(((Label) find(robot, "applicant-value-id")).getText()).isEqualTo("001095012345");
    }

    @Test
    void typingInsteadOfScanningGoesStraightToTheForm(FxRobot robot) {
        consent(robot);
        robot.interact(() -> vm.procedures().queryProperty().set("khai sinh"));
        robot.clickOn("#procedure-khai-sinh");
        robot.clickOn("#applicant-manual");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
        // Only the form's own defaults (nationality, ethnicity); nothing from a card.
        assertThat(services.sessions().current().orElseThrow().answers())
                .doesNotContainKeys("applicant.name", "applicant.idNumber")
                .containsEntry("child.nationality", "Việt Nam");
    }
}
