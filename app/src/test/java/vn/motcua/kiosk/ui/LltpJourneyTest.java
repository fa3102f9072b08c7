package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.session.Step;

/**
 * Issue 3's journey through the real shell: search "ly lich", pick LLTP, scan the ID card as a
 * desk reader types it, confirm, fill the rest on the on-screen keyboard with a Telex word, add
 * residence rows, meet a validation error and fix it, park the draft, end, and resume it in a new
 * session with every answer and the step restored.
 */
class LltpJourneyTest extends ShellFixture {

    private void focus(FxRobot robot, String id) {
        TextField f = find(robot, id);
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
    }

    private void tapKeys(FxRobot robot, String keys) {
        for (char c : keys.toCharArray()) {
            robot.clickOn(c == ' ' ? "#key-space" : "#key-" + c);
        }
    }

    private String text(FxRobot robot, String id) {
        return ((TextField) find(robot, id)).getText();
    }

    /** Trần Văn Bình, born 20/03/1955: elderly (exempt) when the certificate is his own. */
    static final String ELDERLY_REQUESTER_QR =
            "001055012345||Trần Văn Bình|20031955|Nam|Số 5 Phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội|01022022";

    private Label fee(FxRobot robot) {
        return find(robot, "form-fee");
    }

    /**
     * Issue 11, form 04 (by proxy): an elderly requester files for an adult who authorised him.
     * His card fills his own part only; the person the certificate is for is typed, and the fee
     * (exemptions for children and the elderly) follows that person's birth date, not his.
     */
    @Test
    void byProxyTheCardFillsTheRequesterAndTheFeeFollowsTheSubject(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.interact(() -> vm.procedures().queryProperty().set("uy quyen"));
        robot.clickOn("#procedure-lltp-proxy");
        CitizenPathTest.scan(robot, ELDERLY_REQUESTER_QR);
        robot.clickOn("#applicant-confirm");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);

        Map<String, String> answers = services.sessions().current().orElseThrow().answers();
        assertThat(answers).containsEntry("requester.name", "TRẦN VĂN BÌNH")
                .containsEntry("requester.birthDate", "1955-03-20").containsEntry("requester.sex", "male")
                .containsEntry("requester.idNumber", "001055012345");
        assertThat(text(robot, "field-requester-name")).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(answers).as("nothing of the requester's card in the subject's part")
                .doesNotContainKeys("fullName", "sex", "birthDate", "idNumber", "idIssueDate");
        assertThat(fee(robot).getText()).as("the requester's age exempts nobody")
                .isEqualTo("Lệ phí dự kiến: 200.000 đ");

        // The subject's part, typed: an adult born in 1990 pays the fee, on the form and when filing.
        press(robot, "form-next");
        assertThat(text(robot, "field-fullName")).isEmpty();
        assertThat(text(robot, "field-idNumber")).isEmpty();
        assertThat(text(robot, "field-birthDate-year")).isEmpty();
        typeInto(robot, "field-fullName", "LE THI HOA");
        typeInto(robot, "field-birthDate-day", "02");
        typeInto(robot, "field-birthDate-month", "09");
        typeInto(robot, "field-birthDate-year", "1990");
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry("birthDate", "1990-09-02")
                .containsEntry("requester.birthDate", "1955-03-20");
        assertThat(fee(robot).getText()).isEqualTo("Lệ phí dự kiến: 200.000 đ");
        assertThat(vm.filingFacts()).contains("Lệ phí: 200.000 đ");

        // A subject under 16 is exempt, whoever files for them.
        typeInto(robot, "field-birthDate-year", "2015");
        assertThat(fee(robot).getText()).isEqualTo("Miễn lệ phí");
        assertThat(vm.filingFacts()).contains("Không mất lệ phí");
        assertThat(vm.summary()).as("the dossier is filed under the requester's name")
                .contains("Người nộp: TRẦN VĂN BÌNH");
    }

    @Test
    void fromSearchToAParkedDraftAndBack(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-search").write("ly lich");
        assertThat(robot.lookup("#procedure-khai-sinh").tryQuery()).isEmpty();
        // The keyboard opened for the search field; the citizen puts it away to see the cards.
        robot.clickOn("#key-hide");
        robot.clickOn("#procedure-lltp-self");

        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        assertThat(((Label) find(robot, "applicant-value-name")).getText()).isEqualTo("Nguyễn Văn An");
        robot.clickOn("#applicant-confirm");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
        assertThat(text(robot, "field-fullName")).isEqualTo("NGUYỄN VĂN AN");
        assertThat(text(robot, "field-idNumber")).isEqualTo("001095012345");
        assertThat(((Label) find(robot, "form-fee")).getText()).isEqualTo("Lệ phí dự kiến: 200.000 đ");

        // The on-screen keyboard opens for the field; Telex makes the Vietnamese letters.
        focus(robot, "field-placeOfBirth");
        assertThat(showing(robot, "keyboard")).isTrue();
        tapKeys(robot, "haf nooij");
        assertThat(text(robot, "field-placeOfBirth")).isEqualTo("hà nội");

        // A validation error next to the field, then fixed.
        focus(robot, "field-phone");
        robot.write("12");
        robot.interact(() -> find(robot, "form-next").requestFocus());
        assertThat(((Label) find(robot, "error-phone")).getText()).isNotBlank();
        focus(robot, "field-phone");
        robot.write("0901234567");
        robot.interact(() -> find(robot, "form-next").requestFocus());
        assertThat(showing(robot, "error-phone")).isFalse();

        // Residence history from age 14: two more rows.
        robot.interact(() -> ((ButtonBase) find(robot, "form-next")).fire());
        robot.interact(() -> ((ButtonBase) find(robot, "form-next")).fire());
        robot.interact(() -> ((ButtonBase) find(robot, "add-row-residenceHistory")).fire());
        robot.interact(() -> ((ButtonBase) find(robot, "add-row-residenceHistory")).fire());
        assertThat(robot.lookup("#rows-residenceHistory").queryAs(VBox.class).getChildren()).hasSize(3);
        robot.interact(() -> ((TextField) find(robot, "field-residenceHistory-2-place")).setText("Đà Nẵng"));
        // The fee follows the answers: a student pays the reduced fee.
        robot.interact(() -> ((ButtonBase) find(robot, "form-next")).fire());
        robot.interact(() -> ((ButtonBase) find(robot, "field-applicantCategories-student")).fire());
        assertThat(((Label) find(robot, "form-fee")).getText()).isEqualTo("Lệ phí dự kiến: 100.000 đ");
        robot.interact(() -> ((ButtonBase) find(robot, "form-back")).fire());
        Map<String, String> before = services.sessions().current().orElseThrow().answers();
        assertThat(before).containsEntry("residenceHistory[2].place", "Đà Nẵng").containsEntry("placeOfBirth", "hà nội");

        // Park, leave, come back.
        press(robot, "session-park");
        typeInto(robot, "drafts-birth-year", "1995");
        press(robot, "drafts-park-confirm");
        await(() -> showing(robot, "drafts-parked-code"));
        String code = ((Label) find(robot, "drafts-parked-code")).getText();
        press(robot, "drafts-parked-done");
        assertThat(services.sessions().current()).isEmpty();

        robot.clickOn("#resume").clickOn("#consent-agree").clickOn("#consent-continue");
        typeInto(robot, "drafts-code", code);
        typeInto(robot, "drafts-birth-year", "1995");
        press(robot, "drafts-resume-confirm");
        await(() -> showing(robot, "form"));
        assertThat(services.sessions().current().orElseThrow().answers()).isEqualTo(before);
        assertThat(services.sessions().current().orElseThrow().procedureId()).isEqualTo("lltp-self");
        assertThat(text(robot, "field-fullName")).isEqualTo("NGUYỄN VĂN AN");
        assertThat(text(robot, "field-placeOfBirth")).isEqualTo("hà nội");
        assertThat(text(robot, "field-phone")).isEqualTo("0901234567");
        robot.interact(() -> ((ButtonBase) find(robot, "form-next")).fire());
        robot.interact(() -> ((ButtonBase) find(robot, "form-next")).fire());
        assertThat(robot.lookup("#rows-residenceHistory").queryAs(VBox.class).getChildren()).hasSize(3);
        assertThat(text(robot, "field-residenceHistory-2-place")).isEqualTo("Đà Nẵng");
    }
}
