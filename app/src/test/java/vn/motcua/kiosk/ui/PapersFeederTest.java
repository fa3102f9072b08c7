// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.scanning.GatedScanner;
import vn.motcua.kiosk.scanning.TestSaned;

/**
 * The feeder from the papers screen, with SANE's test scanner (a flatbed and a 10-sheet feeder,
 * no duplex) through the private saned: the choice appears because the scanner offers it, pages
 * show while the batch runs, an empty feeder ends the batch quietly, a jam keeps the pages before
 * it and names the sheet to go on from, and "Dừng quét" keeps what arrived.
 */
class PapersFeederTest extends PapersScreenFixture {
    private GatedScanner scanner;

    @BeforeEach
    void devices() {
        // A grid on a small area: quick pages that are not blank.
        scanner = new GatedScanner(TestSaned.scanner(TestSaned.address(), "test:1"),
                Map.of("test-picture", "Grid", "br-x", "100", "br-y", "140"));
        services.useScanner(() -> scanner);
    }

    private void openFeeder(FxRobot robot) {
        openPapers(robot);
        await(() -> showing(robot, "papers-feeder"));
        assertThat(showing(robot, "papers-duplex")).isFalse();
        robot.clickOn("#papers-feeder");
        assertThat(text(robot, "papers-hint")).contains("khay nạp");
        assertThat(showing(robot, "papers-duplex")).as("the test scanner has no duplex").isFalse();
    }

    @Test
    void pagesShowAsTheyArriveAndAnEmptyFeederEndsTheBatchQuietly(FxRobot robot) throws Exception {
        openFeeder(robot);
        scanner.holdAfter(3);
        press(robot, "paper-scan-idCard");
        scanner.awaitHeld();
        await(() -> thumbs(robot) == 3);
        assertThat(text(robot, "paper-state-idCard")).isEqualTo("Đang quét trang 3…");
        assertThat(showing(robot, "paper-cancel-idCard")).isTrue();
        scanner.release();

        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 10 trang") && thumbs(robot) == 10);
        assertThat(find(robot, "paper-state-idCard").getStyleClass()).doesNotContain("error-text");
        assertThat(pdfPages()).isEqualTo(10);
    }

    @Test
    void aJamKeepsThePagesBeforeItAndSaysWhichSheetToGoOnFrom(FxRobot robot) throws Exception {
        openFeeder(robot);
        scanner.jamAfter(4);
        press(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Giấy bị kẹt ở tờ thứ 5."));
        assertThat(text(robot, "paper-state-idCard")).contains("từ tờ thứ 5 trở đi").contains("Đã giữ 4 trang");
        assertThat(find(robot, "paper-state-idCard").getStyleClass()).contains("error-text");
        assertThat(thumbs(robot)).isEqualTo(4);
        assertThat(pdfPages()).isEqualTo(4);

        // The rest goes in again: the new pages follow the kept ones.
        press(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 14 trang") && thumbs(robot) == 14);
        assertThat(pdfPages()).isEqualTo(14);
    }

    @Test
    void stoppingAFeederBatchKeepsThePagesThatArrived(FxRobot robot) throws Exception {
        openFeeder(robot);
        scanner.holdAfter(2);
        press(robot, "paper-scan-idCard");
        scanner.awaitHeld();
        press(robot, "paper-cancel-idCard");
        scanner.release();
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã dừng quét."));
        assertThat(text(robot, "paper-state-idCard")).contains("Đã giữ 2 trang");
        assertThat(thumbs(robot)).isEqualTo(2);
        assertThat(pdfPages()).isEqualTo(2);
    }
}
