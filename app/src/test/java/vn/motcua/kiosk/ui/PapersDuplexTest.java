// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.scanning.EsclTestScanner;
import vn.motcua.kiosk.scanning.TestSaned;

/**
 * Both sides from the papers screen, with a network scanner: the test's eSCL scanner reached as
 * any kiosk reaches one (saned, sane-airscan, HTTP). "Hai mặt" shows because the scanner offers
 * it; blank backs are flagged and go only when the citizen presses "Bỏ … mặt sau trống"; a
 * sheet that jams half-way is put in again whole.
 */
class PapersDuplexTest extends PapersScreenFixture {
    private static EsclTestScanner escl;
    private static String device;

    @BeforeAll
    static void startScanner() throws Exception {
        escl = EsclTestScanner.fromEnvironment();
        device = EsclTestScanner.device();
    }

    @AfterAll
    static void stopScanner() {
        if (escl != null) {
            escl.close();
        }
    }

    @BeforeEach
    void devices() {
        escl.loadFeeder(0);
        services.useScanner(() -> TestSaned.scanner(TestSaned.address(), device));
    }

    private void openPapersWithDuplex(FxRobot robot) {
        openPapers(robot);
        await(() -> showing(robot, "papers-feeder"));
        assertThat(showing(robot, "papers-duplex")).as("only with the feeder chosen").isFalse();
        robot.clickOn("#papers-feeder");
        await(() -> showing(robot, "papers-duplex"));
        robot.clickOn("#papers-duplex");
    }

    private String thumbNumber(FxRobot robot, int index) {
        return onFx(() -> ((Label) ((VBox) robot.lookup("#thumb-idCard-" + index).query()).getChildren().get(1)).getText());
    }

    @Test
    void blankBacksAreFlaggedAndGoOnlyWhenTheCitizenSaysSo(FxRobot robot) throws Exception {
        openPapersWithDuplex(robot);
        escl.loadFeeder(3);
        escl.blankBacks();
        press(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 6 trang") && thumbs(robot) == 6);
        assertThat(escl.jobs()).last().satisfies(job -> {
            assertThat(job.inputSource()).isEqualTo("Feeder");
            assertThat(job.duplex()).isTrue();
        });
        assertThat(thumbNumber(robot, 0)).isEqualTo("1");
        assertThat(thumbNumber(robot, 1)).isEqualTo("2 (mặt sau)");
        assertThat(pdfPages()).as("nothing dropped unasked").isEqualTo(6);
        assertThat(showing(robot, "paper-drop-backs-idCard")).isTrue();
        assertThat(((javafx.scene.control.Button) find(robot, "paper-drop-backs-idCard")).getText())
                .isEqualTo("Bỏ 3 mặt sau trống");

        press(robot, "paper-drop-backs-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 3 trang") && thumbs(robot) == 3);
        assertThat(pdfPages()).isEqualTo(3);
        assertThat(showing(robot, "paper-drop-backs-idCard")).isFalse();
        assertThat(thumbNumber(robot, 1)).isEqualTo("2");
    }

    @Test
    void aSheetThatJamsHalfWayGoesInAgainWhole(FxRobot robot) throws Exception {
        openPapersWithDuplex(robot);
        escl.loadFeeder(3);
        escl.jamBeforePage(4); // the second sheet's back
        press(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Giấy bị kẹt ở tờ thứ 2."));
        assertThat(text(robot, "paper-state-idCard")).contains("Đã giữ 2 trang");
        assertThat(thumbs(robot)).isEqualTo(2);
        assertThat(pdfPages()).isEqualTo(2);

        escl.loadFeeder(2); // sheets 2 and 3 back in the feeder
        press(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 6 trang") && thumbs(robot) == 6);
        assertThat(pdfPages()).isEqualTo(6);
    }
}
