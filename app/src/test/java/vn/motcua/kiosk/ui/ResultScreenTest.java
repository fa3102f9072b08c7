// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * "Nhận kết quả" on screen: the citizen proves the dossier with its code and four phone digits,
 * the e-result comes from the real training portal and goes to the private CUPS (cups-pdf).
 */
class ResultScreenTest extends ShellFixture {
    private static Path portalData;
    private static TrainingPortalFixture portal;
    private static String code;
    private Path out;

    @BeforeAll
    static void fileADossier() throws Exception {
        portalData = Files.createTempDirectory("result-portal");
        portal = new TrainingPortalFixture(portalData);
        code = portal.file(new PortalClient(portal.endpoint()), "lltp-self", "000.00.14.H56", "idCard", "0987655678", portalData).code();
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    @Override
    protected KioskConfig config() {
        return TestKiosk.withPortal(URI.create(portal.portal.apiUrl()), "KioskPDF");
    }

    @BeforeEach
    void connect() throws Exception {
        out = ExternalTools.requireCups();
        services.portal().start();
    }

    private String feedback(FxRobot robot) {
        return ((Label) find(robot, "result-feedback")).getText();
    }

    private Set<Path> printed() {
        return ExternalTools.printed(out);
    }

    @Test
    void aFinishedDossiersResultIsPrintedOnceTheCitizenProvesIt(FxRobot robot) throws Exception {
        robot.clickOn("#result");
        typeInto(robot, "result-code", code);
        typeInto(robot, "result-last4", "5678");
        press(robot, "result-fetch");
        // Not done yet: the due date, no print button.
        await(() -> feedback(robot).startsWith("Hồ sơ chưa có kết quả"));
        assertThat(feedback(robot)).matches("Hồ sơ chưa có kết quả\\. Ngày hẹn trả: \\d{2}/\\d{2}/\\d{4}\\.");
        assertThat(find(robot, "result-print").isVisible()).isFalse();

        portal.portal.advanceClock(Duration.ofDays(21));
        press(robot, "result-fetch");
        await(() -> find(robot, "result-print").isVisible());
        assertThat(feedback(robot)).contains(code);

        Set<Path> before = printed();
        press(robot, "result-print");
        await(() -> feedback(robot).startsWith("Đã in xong"));
        Set<Path> after = printed();
        after.removeAll(before);
        assertThat(after).as("one job out of the printer").hasSize(1);
        assertThat(Files.size(after.iterator().next())).isPositive();
        assertThat(find(robot, "result-print").isVisible()).isFalse();
    }

    @Test
    void wrongDigitsFindNothingAndWalkingAwayForgetsWhatWasTyped(FxRobot robot) {
        robot.clickOn("#result");
        typeInto(robot, "result-code", code);
        typeInto(robot, "result-last4", "0000");
        press(robot, "result-fetch");
        await(() -> feedback(robot).startsWith("Không tìm thấy hồ sơ"));
        // Walked away: the idle reset goes home and forgets what was typed.
        clock.advance(java.time.Duration.ofSeconds(125));
        robot.interact(vm::tick);
        await(() -> showing(robot, "file"));
        robot.clickOn("#result");
        assertThat(((javafx.scene.control.TextField) find(robot, "result-code")).getText()).isEmpty();
        assertThat(((javafx.scene.control.TextField) find(robot, "result-last4")).getText()).isEmpty();
        assertThat(feedback(robot)).isEmpty();
        press(robot, "result-home");
        await(() -> showing(robot, "file"));
    }
}
