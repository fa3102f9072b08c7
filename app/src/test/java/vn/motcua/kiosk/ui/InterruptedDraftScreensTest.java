package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.Language;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.session.Step;

/**
 * After a crash the kiosk comes back to Welcome (systemd restarts it): the citizen still at the
 * desk is offered their unfinished dossier and goes on from the form after consent and their
 * birth year. Nothing about them shows before the year is right.
 */
class InterruptedDraftScreensTest extends ShellFixture {
    private static final String NAME = "NGUYỄN VĂN AN";

    /** A run that dies mid-dossier (LLTP, at the papers), then a restart on the same data folder. */
    private void crashMidDossierAndRestart() throws Exception {
        SessionService s = services.sessions();
        s.begin();
        s.acceptConsent();
        s.chooseProcedure("lltp-self");
        s.answer("fullName", NAME);
        s.answer("birthDate", "1995-03-14");
        s.moveTo(Step.PAPERS);
        s.flush();
        stopKiosk(); // no end(): the session stays open in the database, as a kill leaves it
        clock.advance(Duration.ofMinutes(1));
        startKiosk();
    }

    private String feedback(FxRobot robot) {
        return ((Label) find(robot, "drafts-feedback")).getText();
    }

    private List<String> textsOnScreen(FxRobot robot) {
        return robot.lookup(n -> n instanceof Labeled && n.isVisible()).queryAll().stream()
                .map(n -> ((Labeled) n).getText()).filter(t -> t != null).toList();
    }

    @Test
    void welcomeOffersTheCutOffDossierAndTheBirthYearBringsTheFormBack(FxRobot robot) throws Exception {
        crashMidDossierAndRestart();
        await(() -> showing(robot, "interrupted-offer"));
        String procedure = services.catalogue().catalogue().procedure("lltp-self").orElseThrow().name().in(Language.vi);
        Node offer = find(robot, "interrupted-offer");
        List<String> offerLines = robot.from(offer).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        // 02:00 UTC is 09:00 in Vietnam.
        assertThat(offerLines).contains("Hồ sơ đang làm dở lúc 09:00 — " + procedure, "Tiếp tục hồ sơ này");
        assertThat(String.join("\n", textsOnScreen(robot))).doesNotContain(NAME).doesNotContain("1995");

        press(robot, "interrupted-offer");
        assertThat(showing(robot, "consent-agree")).isTrue();
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        await(() -> showing(robot, "drafts-interrupted-confirm"));
        assertThat(((Label) find(robot, "drafts-interrupted-offer")).getText()).contains(procedure);
        assertThat(String.join("\n", textsOnScreen(robot))).contains("quét lại").doesNotContain(NAME);

        typeInto(robot, "drafts-birth-year", "1995");
        press(robot, "drafts-interrupted-confirm");
        await(() -> vm.stepProperty().get() == Step.FORM && showing(robot, "field-fullName"));
        KioskSession now = services.sessions().current().orElseThrow();
        assertThat(now.answers()).containsEntry("fullName", NAME);
        assertThat(now.documents()).isEmpty(); // the papers are scanned again
        assertThat(((TextField) find(robot, "field-fullName")).getText()).isEqualTo(NAME);
        assertThat(robot.lookup(".step.current").queryAs(Label.class).getText()).isEqualTo("4. Tờ khai");

        // Taken up: the next Welcome has no offer left.
        robot.interact(vm::endSession);
        await(() -> showing(robot, "file"));
        services.sessions().flush();
        assertThat(services.interruptedDrafts().offers()).isEmpty();
        assertThat(showing(robot, "interrupted-offer")).isFalse();
    }

    @Test
    void aWrongBirthYearIsRefusedInVietnameseAndKeepsWhatWasTyped(FxRobot robot) throws Exception {
        crashMidDossierAndRestart();
        await(() -> showing(robot, "interrupted-offer"));
        press(robot, "interrupted-offer");
        robot.clickOn("#consent-agree").clickOn("#consent-continue");
        await(() -> showing(robot, "drafts-interrupted-confirm"));

        typeInto(robot, "drafts-birth-year", "1996");
        press(robot, "drafts-interrupted-confirm");
        await(() -> feedback(robot).startsWith("Năm sinh chưa đúng"));
        assertThat(feedback(robot)).isEqualTo("Năm sinh chưa đúng. Còn 4 lần thử.");
        assertThat(((TextField) find(robot, "drafts-birth-year")).getText()).isEqualTo("1996");
        assertThat(services.sessions().current().orElseThrow().answers()).isEmpty();
        assertThat(showing(robot, "drafts-interrupted-confirm")).isTrue();
        assertThat(String.join("\n", textsOnScreen(robot))).doesNotContain(NAME);
    }

    @Test
    void theOfferLeavesWelcomeWhenItsWindowPasses(FxRobot robot) throws Exception {
        crashMidDossierAndRestart();
        await(() -> showing(robot, "interrupted-offer"));
        clock.advance(Duration.ofMinutes(15));
        robot.interact(vm::tick);
        assertThat(showing(robot, "interrupted-offer")).isFalse();
    }
}
