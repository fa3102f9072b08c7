package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.kiosk.receipt.ExternalTools.run;

import java.nio.file.Path;
import java.util.Set;
import javafx.scene.control.Labeled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.printing.JavaxPrinter;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.scanning.TestSaned;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * Device health against the real devices (private CUPS, SANE's test scanner through saned): a
 * stopped printer shows with its reason, and as a banner in the staff menu until fixed; once the
 * printer runs again a test print comes out and clears it. A test scan reads a page.
 */
class StaffDeviceHealthTest extends ShellFixture {
    private Path out;

    @BeforeEach
    void devices() throws Exception {
        out = ExternalTools.requireCups();
        // As a printer with its cover open looks to CUPS: stopped, with the reason staff must read.
        run("cancel", "-a", "KioskHealth");
        run("cupsdisable", "-r", "Nắp máy in đang mở", "KioskHealth");
        services.usePrinter(() -> new JavaxPrinter("KioskHealth"));
        services.useScanner(() -> TestSaned.scanner(TestSaned.address(), "test:1"));
    }

    private String text(FxRobot robot, String id) {
        return ((Labeled) find(robot, id)).getText();
    }

    private void openMenu(FxRobot robot) {
        openStaffMenu(robot);
        await(() -> showing(robot, "staff-health-open"));
    }

    @Test
    void aStoppedPrinterShowsWithItsReasonUntilATestPrintComesOut(FxRobot robot) throws Exception {
        openMenu(robot);
        await(() -> showing(robot, "staff-health-banner"));
        assertThat(text(robot, "staff-health-banner")).startsWith("Thiết bị có sự cố — Máy in biên nhận: ")
                .contains("KioskHealth").contains("Nắp máy in đang mở");

        robot.clickOn("#staff-health-open");
        await(() -> showing(robot, "health-state-PRINTER") && !find(robot, "staff-health-print").isDisabled());
        assertThat(text(robot, "health-state-PRINTER")).isEqualTo("Có sự cố");
        assertThat(text(robot, "health-detail-PRINTER")).contains("Nắp máy in đang mở");
        assertThat(text(robot, "health-state-SCANNER")).isEqualTo("Tốt");
        assertThat(text(robot, "health-state-DISK")).isEqualTo("Tốt");
        assertThat(text(robot, "health-last")).isEqualTo("In thành công lần cuối: chưa có. Quét thành công lần cuối: chưa có.");

        // While stopped, a test print says why instead of printing.
        robot.clickOn("#staff-health-print");
        await(() -> text(robot, "staff-health-feedback").startsWith("Không làm được"));
        assertThat(text(robot, "staff-health-feedback")).contains("KioskHealth");

        // Staff close the cover: the queue runs again; the test print comes out and clears the trouble.
        run("cupsenable", "KioskHealth");
        Set<Path> before = ExternalTools.printed(out);
        robot.clickOn("#staff-health-print");
        await(() -> text(robot, "staff-health-feedback").equals("Trang thử đã in xong."));
        assertThat(ExternalTools.printed(out)).hasSize(before.size() + 1);
        assertThat(text(robot, "health-state-PRINTER")).isEqualTo("Tốt");
        assertThat(text(robot, "health-last")).startsWith("In thành công lần cuối: 09:00 23/11.");

        robot.clickOn("#staff-health-back");
        assertThat(showing(robot, "staff-health-banner")).as("no banner once fixed").isFalse();
    }

    @Test
    void aTestScanReadsAPageAndIsRemembered(FxRobot robot) throws Exception {
        run("cupsenable", "KioskHealth");
        openMenu(robot);
        robot.clickOn("#staff-health-open");
        await(() -> showing(robot, "health-state-SCANNER") && !find(robot, "staff-health-scan").isDisabled());
        robot.clickOn("#staff-health-scan");
        await(() -> text(robot, "staff-health-feedback").startsWith("Đã quét thử một trang"));
        assertThat(text(robot, "health-last")).endsWith("Quét thành công lần cuối: 09:00 23/11.");
    }
}
