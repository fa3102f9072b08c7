package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventType;

/** "Kết thúc và xóa dữ liệu" asks once before it erases; the inactivity end does not ask. */
class EndQuestionTest extends ShellFixture {

    /** Mid-form: the LLTP form prefilled from the ID card. */
    private KioskSession onTheForm(FxRobot robot) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-lltp-self");
        CitizenPathTest.scan(robot, CitizenPathTest.QR);
        robot.clickOn("#applicant-confirm");
        await(() -> showing(robot, "field-fullName"));
        assertThat(vm.stepProperty().get()).isEqualTo(Step.FORM);
        return services.sessions().current().orElseThrow();
    }

    private String fullName(FxRobot robot) {
        return ((TextField) find(robot, "field-fullName")).getText();
    }

    @Test
    void endAsksFirstAndNoKeepsEveryAnswer(FxRobot robot) {
        KioskSession s = onTheForm(robot);

        robot.clickOn("#session-end");

        assertThat(services.sessions().current()).containsSame(s);
        assertThat(showing(robot, "end-question")).isTrue();
        assertThat(((Label) find(robot, "end-question-text")).getText()).isEqualTo("Xóa toàn bộ thông tin đã nhập?");
        robot.clickOn("#end-no");
        assertThat(showing(robot, "end-question")).isFalse();
        assertThat(services.sessions().current()).containsSame(s);
        assertThat(s.answers()).containsEntry("fullName", "NGUYỄN VĂN AN");
        assertThat(fullName(robot)).isEqualTo("NGUYỄN VĂN AN");
        assertThat(s.workFolder()).exists();
        assertThat(services.events().recent(20)).extracting(Event::type).doesNotContain(EventType.SESSION_ERASED);
    }

    @Test
    void theSafeAnswerHasFocusAndNeitherEnterNorEscapeErases(FxRobot robot) {
        KioskSession s = onTheForm(robot);

        robot.clickOn("#session-end");
        assertThat(find(robot, "end-no").isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(services.sessions().current()).containsSame(s);
        assertThat(showing(robot, "end-question")).isFalse();

        robot.clickOn("#session-end");
        robot.type(KeyCode.ESCAPE);
        assertThat(services.sessions().current()).containsSame(s);
        assertThat(showing(robot, "end-question")).isFalse();
        // The question took Escape: the staff PIN pad (Escape's other meaning) stays closed.
        assertThat(showing(robot, "staff")).isFalse();
        assertThat(fullName(robot)).isEqualTo("NGUYỄN VĂN AN");
    }

    @Test
    void yesErasesAndReturnsToWelcome(FxRobot robot) {
        KioskSession s = onTheForm(robot);

        robot.clickOn("#session-end").clickOn("#end-yes");

        assertThat(services.sessions().current()).isEmpty();
        services.sessions().flush(); // the erasure runs on the session's disk thread
        assertThat(s.workFolder()).doesNotExist();
        assertThat(showing(robot, "file")).isTrue();
        assertThat(showing(robot, "end-question")).isFalse();
        assertThat(services.events().recent(1).get(0).detail()).isEqualTo("reason=FINISHED step=FORM");
    }

    @Test
    void theInactivityEndStillErasesWithoutAsking(FxRobot robot) {
        KioskSession s = onTheForm(robot);

        clock.advance(Duration.ofSeconds(120));
        robot.interact(vm::tick);

        assertThat(showing(robot, "end-question")).isFalse();
        assertThat(services.sessions().current()).isEmpty();
        services.sessions().flush(); // the erasure runs on the session's disk thread
        assertThat(s.workFolder()).doesNotExist();
        assertThat(showing(robot, "file")).isTrue();
        assertThat(services.events().recent(1).get(0).detail()).isEqualTo("reason=TIMEOUT step=FORM");
    }

    @Test
    void theInactivityEndClosesAQuestionLeftOpen(FxRobot robot) {
        KioskSession s = onTheForm(robot);
        robot.clickOn("#session-end");
        assertThat(showing(robot, "end-question")).isTrue();

        clock.advance(Duration.ofSeconds(120));
        robot.interact(vm::tick);

        assertThat(services.sessions().current()).isEmpty();
        services.sessions().flush(); // the erasure runs on the session's disk thread
        assertThat(s.workFolder()).doesNotExist();
        assertThat(showing(robot, "end-question")).isFalse();
        assertThat(showing(robot, "file")).isTrue();
    }
}
