// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.scanning.EsclTestScanner;
import vn.motcua.kiosk.scanning.TestSaned;
import vn.motcua.kiosk.session.Step;

/**
 * Both sides from the papers screen, with a network scanner: the test's eSCL scanner reached as
 * any kiosk reaches one (saned, sane-airscan, HTTP). "Hai mặt" shows because the scanner offers
 * it; blank backs are flagged and go only when the citizen presses "Bỏ … mặt sau trống"; a
 * sheet that jams half-way is put in again whole.
 */
class PapersDuplexTest extends ShellFixture {
    private static EsclTestScanner escl;
    private static String device;

    @BeforeAll
    static void startScanner() throws Exception {
        TestSaned.address();
        String port = System.getenv("KIOSK_TEST_ESCL_PORT");
        device = System.getenv("KIOSK_TEST_ESCL_DEVICE");
        if (port == null || port.isBlank() || device == null || device.isBlank()) {
            String why = "KIOSK_TEST_ESCL_PORT/KIOSK_TEST_ESCL_DEVICE are not set: run scripts/test-all.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        escl = EsclTestScanner.start(Integer.parseInt(port));
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
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        Province khanhHoa = services.catalogue().places().province("56").orElseThrow();
        robot.interact(() -> {
            vm.procedures().choose(services.catalogue().catalogue().procedure("trich-luc-ho-tich").orElseThrow());
            services.sessions().answerAll(vn.motcua.kiosk.testing.Dossiers.extractRequest(khanhHoa, 2));
            vm.goTo(Step.PAPERS);
        });
        await(() -> showing(robot, "papers-feeder"));
        assertThat(showing(robot, "papers-duplex")).as("only with the feeder chosen").isFalse();
        robot.clickOn("#papers-feeder");
        await(() -> showing(robot, "papers-duplex"));
        robot.clickOn("#papers-duplex");
    }

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    private int thumbs(FxRobot robot) {
        return ((HBox) find(robot, "paper-pages-idCard")).getChildren().size();
    }

    private String thumbNumber(FxRobot robot, int index) {
        return onFx(() -> ((Label) ((VBox) robot.lookup("#thumb-idCard-" + index).query()).getChildren().get(1)).getText());
    }

    private int pdfPages() throws Exception {
        DossierDocument d = services.sessions().current().orElseThrow().documents().stream()
                .filter(x -> x.type().equals("idCard")).findFirst().orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(d.file().toFile())) {
            return pdf.getNumberOfPages();
        }
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
