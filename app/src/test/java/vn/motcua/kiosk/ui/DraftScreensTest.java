package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.Step;

/** Parking a draft behind a code and birth year, and resuming it in a later session. */
class DraftScreensTest extends ShellFixture {
    private static final String NAME = "Nguyễn Văn An";

    private String feedback(FxRobot robot) {
        return ((Label) find(robot, "drafts-feedback")).getText();
    }

    private String parkADraft(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.interact(() -> {
            services.sessions().answer("applicant.name", NAME);
            services.sessions().moveTo(Step.FORM);
        });
        press(robot, "session-park");
        typeInto(robot, "drafts-birth-year", "1995");
        press(robot, "drafts-park-confirm");
        await(() -> showing(robot, "drafts-parked-code"));
        return ((Label) find(robot, "drafts-parked-code")).getText();
    }

    @Test
    void aParkedDraftComesBackWithItsAnswersAndStep(FxRobot robot) {
        String code = parkADraft(robot);
        assertThat(code).matches("[A-Z2-9]{3}-[A-Z2-9]{3}");
        assertThat(services.sessions().current()).isEmpty();
        assertThat(showing(robot, "session-end")).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        press(robot, "drafts-parked-done");
        assertThat(showing(robot, "file")).isTrue();

        robot.clickOn("#resume").clickOn("#consent-agree").clickOn("#consent-continue");
        typeInto(robot, "drafts-code", code.toLowerCase());
        typeInto(robot, "drafts-birth-year", "1995");
        press(robot, "drafts-resume-confirm");
        await(() -> vm.stepProperty().get() == Step.FORM);
        KioskSession s = services.sessions().current().orElseThrow();
        assertThat(s.answers()).containsEntry("applicant.name", NAME);
        assertThat(robot.lookup(".step.current").queryAs(Label.class).getText()).isEqualTo("4. Tờ khai");
    }

    @Test
    void aWrongYearIsRefusedWithTriesLeftAndAnUnreadableCodeIsExplained(FxRobot robot) {
        String code = parkADraft(robot);
        press(robot, "drafts-parked-done");
        robot.clickOn("#resume").clickOn("#consent-agree").clickOn("#consent-continue");
        typeInto(robot, "drafts-code", "AB1");
        typeInto(robot, "drafts-birth-year", "1995");
        press(robot, "drafts-resume-confirm");
        assertThat(feedback(robot)).isEqualTo("Mã gồm 6 chữ cái và chữ số, ví dụ ABC-DEF.");

        // Corrected as a volunteer would, by replacing the field's text.
        robot.interact(() -> {
            ((javafx.scene.control.TextField) find(robot, "drafts-code")).setText(code);
            ((javafx.scene.control.TextField) find(robot, "drafts-birth-year")).setText("1996");
        });
        press(robot, "drafts-resume-confirm");
        await(() -> feedback(robot).startsWith("Mã hoặc năm sinh chưa đúng"));
        assertThat(feedback(robot)).isEqualTo("Mã hoặc năm sinh chưa đúng. Còn 4 lần thử.");
        assertThat(services.sessions().current().orElseThrow().answers()).isEmpty();
    }

    @Test
    void aBirthYearMustBeFourDigits(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        press(robot, "session-park");
        typeInto(robot, "drafts-birth-year", "95");
        press(robot, "drafts-park-confirm");
        assertThat(feedback(robot)).isEqualTo("Xin nhập năm sinh gồm 4 chữ số, ví dụ 1960.");
        assertThat(services.sessions().current()).isPresent();
        press(robot, "drafts-park-back");
        assertThat(showing(robot, "session-park")).isTrue();
    }
}
