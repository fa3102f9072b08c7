package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * A signed-in volunteer sees the drafts parked at the kiosk — masked name, procedure, days left,
 * those about to expire first and marked — and resumes one with the citizen, who still gives
 * their code and birth year.
 */
class VolunteerParkedDraftsTest extends ShellFixture {

    private String text(FxRobot robot, String id) {
        return ((Labeled) find(robot, id)).getText();
    }

    private String nameField() {
        return services.catalogue().catalogue().procedure("lltp-self").orElseThrow().form().applicantFields().stream()
                .filter(f -> "name".equals(f.prefill())).map(Field::id).findFirst().orElseThrow();
    }

    private String park(FxRobot robot, String name, String year) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.interact(() -> {
            services.sessions().chooseProcedure("lltp-self");
            services.sessions().answer(nameField(), name);
            services.sessions().moveTo(Step.FORM);
            vm.goTo(Step.FORM);
        });
        press(robot, "session-park");
        typeInto(robot, "drafts-birth-year", year);
        press(robot, "drafts-park-confirm");
        await(() -> showing(robot, "drafts-parked-code"));
        String code = ((Label) find(robot, "drafts-parked-code")).getText();
        press(robot, "drafts-parked-done");
        return code;
    }

    private void signIn(FxRobot robot) {
        robot.clickOn("#staff-open");
        for (char c : TestKiosk.VOLUNTEER_PIN.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
        await(() -> text(robot, "volunteer-open").equals("Tình nguyện viên: Hoa"));
    }

    @Test
    void theVolunteerSeesMaskedDraftsSoonestToExpireFirstAndResumesOneWithTheCitizen(FxRobot robot) {
        String code = park(robot, "Nguyễn Văn An", "1995");
        clock.advance(Duration.ofDays(28));
        park(robot, "Trần Thị Bình", "1980");

        signIn(robot);
        robot.clickOn("#volunteer-open").clickOn("#volunteer-drafts-open");
        await(() -> showing(robot, "parked-draft-1"));
        String lltp = services.catalogue().catalogue().procedure("lltp-self").orElseThrow().name().vi();
        assertThat(text(robot, "parked-draft-0")).isEqualTo("N*** V** A*  ·  " + lltp);
        assertThat(text(robot, "parked-draft-when-0")).isEqualTo("Sắp hết hạn: lưu ngày 23/11/2026, bị xóa ngày 23/12/2026 (còn 2 ngày)");
        assertThat(text(robot, "parked-draft-1")).isEqualTo("T*** T** B***  ·  " + lltp);
        assertThat(text(robot, "parked-draft-when-1")).isEqualTo("Lưu ngày 21/12/2026 · giữ đến 20/01/2027 (còn 30 ngày)");

        robot.clickOn("#parked-resume-0");
        assertThat(showing(robot, "volunteer-drafts")).isFalse();
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        typeInto(robot, "drafts-code", code);
        typeInto(robot, "drafts-birth-year", "1995");
        press(robot, "drafts-resume-confirm");
        await(() -> vm.stepProperty().get() == Step.FORM);
        assertThat(services.sessions().current().orElseThrow().answers()).containsEntry(nameField(), "Nguyễn Văn An");
    }

    @Test
    void duringASessionTheListShowsButResumingWaitsForTheNextCitizen(FxRobot robot) {
        park(robot, "Nguyễn Văn An", "1995");
        signIn(robot);
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#volunteer-open").clickOn("#volunteer-drafts-open");
        await(() -> showing(robot, "parked-resume-0"));
        assertThat(((Button) find(robot, "parked-resume-0")).isDisabled()).isTrue();
        robot.clickOn("#volunteer-drafts-back");
        assertThat(showing(robot, "volunteer-drafts")).isFalse();
    }

    @Test
    void signingOutLeavesNoListOnScreen(FxRobot robot) {
        park(robot, "Nguyễn Văn An", "1995");
        signIn(robot);
        robot.clickOn("#volunteer-open").clickOn("#volunteer-drafts-open");
        await(() -> showing(robot, "parked-draft-0"));
        clock.advance(Duration.ofMinutes(30));
        robot.interact(() -> services.volunteerDesk().tick());
        assertThat(showing(robot, "volunteer-drafts")).isFalse();
        assertThat(robot.lookup("#parked-draft-0").tryQuery()).isEmpty();
    }
}
