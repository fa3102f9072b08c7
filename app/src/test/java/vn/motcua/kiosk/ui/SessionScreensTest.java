package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.store.Event;
import vn.motcua.kiosk.store.EventType;

/** Consent, the session bar and the inactivity countdown, driven through the screens. */
class SessionScreensTest extends ShellFixture {

    private KioskSession startFiling(FxRobot robot) {
        robot.clickOn("#file");
        return services.sessions().current().orElseThrow();
    }

    @Test
    void consentIsNeverPreTickedAndContinueWaitsForTheTick(FxRobot robot) {
        startFiling(robot);
        CheckBox agree = find(robot, "consent-agree");
        Button next = find(robot, "consent-continue");
        assertThat(agree.isSelected()).isFalse();
        assertThat(next.isDisabled()).isTrue();
        assertThat(robot.lookup(".screen-title").queryAs(Label.class).getText())
                .isEqualTo("Đồng ý cho kiosk dùng thông tin của quý vị");
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText().contains("120 giây")).tryQuery()).isPresent();
        robot.clickOn("#consent-agree");
        assertThat(next.isDisabled()).isFalse();
    }

    @Test
    void acceptingConsentOpensTheFirstStep(FxRobot robot) {
        KioskSession s = startFiling(robot);
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        assertThat(s.consented()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PROCEDURE);
        assertThat(robot.lookup(".step.current").queryAs(Label.class).getText()).isEqualTo("2. Thủ tục");
        assertThat(showing(robot, "session-end")).isTrue();
        services.sessions().flush();
        assertThat(services.events().recent(10)).extracting(Event::type).contains(EventType.CONSENT_GIVEN);
    }

    @Test
    void decliningReturnsToWelcomeWithNothingKept(FxRobot robot) {
        KioskSession s = startFiling(robot);
        robot.clickOn("#consent-decline");
        assertThat(showing(robot, "file")).isTrue();
        assertThat(services.sessions().current()).isEmpty();
        services.sessions().flush();
        assertThat(s.workFolder()).doesNotExist();
        assertThat(services.events().recent(10)).extracting(Event::type)
                .containsSubsequence(EventType.CONSENT_DECLINED, EventType.SESSION_ERASED, EventType.SESSION_ENDED);
    }

    @Test
    void aNewSessionAsksForConsentAgainUnticked(FxRobot robot) {
        startFiling(robot);
        robot.clickOn("#consent-agree").clickOn("#consent-continue").clickOn("#session-end").clickOn("#end-yes");
        startFiling(robot);
        assertThat(((CheckBox) find(robot, "consent-agree")).isSelected()).isFalse();
    }

    @Test
    void endErasesTheSessionAndResetsTheDisplayForTheNextCitizen(FxRobot robot) throws Exception {
        robot.clickOn("#language").clickOn("#large-text");
        KioskSession s = startFiling(robot);
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        robot.interact(() -> services.sessions().answer("applicant.name", "Nguyễn Văn An"));
        services.sessions().flush(); // the folder is made and the draft saved
        Path scan = s.workFolder().resolve("scan-1.jpg");
        Files.write(scan, new byte[100]);

        robot.clickOn("#session-end").clickOn("#end-yes");
        services.sessions().flush();

        assertThat(scan).doesNotExist();
        assertThat(services.sessions().current()).isEmpty();
        assertThat(showing(robot, "session-end")).isFalse();
        assertThat(((Labeled) find(robot, "language")).getText()).isEqualTo("English");
        assertThat(find(robot, "shell").getStyleClass()).doesNotContain("large-text");
        assertThat(services.events().recent(2)).extracting(Event::detail)
                .contains("files=1 drafts=1 answers=1 parkedDraftKept=false", "reason=FINISHED step=PROCEDURE");
    }

    @Test
    void inactivityWarnsWithACountdownAndEndsTheSession(FxRobot robot) {
        KioskSession s = startFiling(robot);
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        clock.advance(Duration.ofSeconds(89));
        robot.interact(vm::tick);
        assertThat(showing(robot, "inactivity")).isFalse();

        clock.advance(Duration.ofSeconds(1));
        robot.interact(vm::tick);
        assertThat(showing(robot, "inactivity")).isTrue();
        assertThat(((Label) find(robot, "inactivity-countdown")).getText())
                .isEqualTo("Phiên sẽ kết thúc sau 30 giây và thông tin của quý vị sẽ được xóa.");

        clock.advance(Duration.ofSeconds(25));
        robot.interact(vm::tick);
        assertThat(((Label) find(robot, "inactivity-countdown")).getText()).contains("sau 5 giây");

        clock.advance(Duration.ofSeconds(5));
        robot.interact(vm::tick);
        assertThat(showing(robot, "inactivity")).isFalse();
        assertThat(showing(robot, "file")).isTrue();
        assertThat(services.sessions().current()).isEmpty();
        services.sessions().flush();
        assertThat(s.workFolder()).doesNotExist();
        assertThat(services.events().recent(1).get(0).detail()).isEqualTo("reason=TIMEOUT step=PROCEDURE");
    }

    @Test
    void stillHereKeepsTheSessionGoing(FxRobot robot) {
        startFiling(robot);
        clock.advance(Duration.ofSeconds(100));
        robot.interact(vm::tick);
        assertThat(showing(robot, "inactivity")).isTrue();
        robot.clickOn("#inactivity-stay");
        assertThat(showing(robot, "inactivity")).isFalse();
        clock.advance(Duration.ofSeconds(119));
        robot.interact(vm::tick);
        assertThat(services.sessions().current()).isPresent();
        assertThat(showing(robot, "inactivity")).isTrue();
    }

    @Test
    void withoutASessionThereIsNoWarningJustAQuietReset(FxRobot robot) {
        robot.clickOn("#language");
        clock.advance(Duration.ofSeconds(100));
        robot.interact(vm::tick);
        assertThat(showing(robot, "inactivity")).isFalse();
        clock.advance(Duration.ofSeconds(20));
        robot.interact(vm::tick);
        assertThat(((Labeled) find(robot, "language")).getText()).isEqualTo("English");
    }

    @Test
    void theReceiptStepBeforeAnythingWasFiledSaysLaterInsideTheSession(FxRobot robot) {
        startFiling(robot);
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        robot.interact(() -> vm.goTo(Step.RECEIPT));
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText().contains("«Biên nhận»")).tryQuery()).isPresent();
        // Inside a session "home" is the end button (it erases): the placeholder's own is hidden.
        assertThat(showing(robot, "placeholder-home")).isFalse();
    }

    @Test
    void theSignStepShowsTheReviewScreenAndLeavingItStopsWatchingTokens(FxRobot robot) {
        startFiling(robot);
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        robot.interact(() -> vm.goTo(Step.SIGN));
        assertThat(showing(robot, "review")).isTrue();
        assertThat(robot.lookup(".step.current").queryAs(Label.class).getText()).isEqualTo("6. Ký số");
        robot.interact(() -> vm.goTo(Step.SUBMIT));
        assertThat(robot.lookup("#review").tryQuery()).isEmpty();
        assertThat(robot.lookup(".step.current").queryAs(Label.class).getText()).isEqualTo("7. Nộp");
    }
}
