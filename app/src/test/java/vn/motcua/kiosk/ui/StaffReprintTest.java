// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.printing.JavaxPrinter;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * Staff reprint today's receipts behind the PIN, on the private CUPS (cups-pdf): a receipt that
 * said "đang chờ gửi" comes out with the portal's code once the outbox has it; a reprint keeps
 * no ID number; a paused printer is explained in the staff menu until a print works again.
 */
class StaffReprintTest extends ShellFixture {
    private static final String CODE = "000.00.14.H56-261122-0042";
    private Path out;
    private String ref;

    @Override
    protected KioskConfig config() {
        return TestKiosk.withPortal(java.net.URI.create("http://127.0.0.1:9/api/v1"), "KioskPDF");
    }

    @BeforeEach
    void aReceiptPrintedWhileTheDossierWaited() throws Exception {
        out = ExternalTools.requireCups();
        Outbox outbox = services.portal().outbox();
        Path pdf = Files.write(dataDir.resolve("a.pdf"), new byte[1234]);
        ref = outbox.add(new Outbox.Submission("lltp-self", "{\"procedureId\":\"lltp-self\"}",
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf))));
        services.reprints().remember(new Receipt("Sở Tư pháp tỉnh Khánh Hòa", "Bộ phận Một cửa", ref, null, ref,
                new Receipt.Applicant("Nguyễn Văn An", "001095012345", "Số 12 Lê Lợi", "0905123456", null),
                "Cấp Phiếu lý lịch tư pháp", List.of(new Receipt.ReceivedDocument("Căn cước", 0, 1)), 10,
                new Receipt.Fee(200_000, Receipt.FeeStatus.DUE_AT_COUNTER), LocalDateTime.now(clock), null,
                new Receipt.Delivery(Receipt.ResultChannel.COUNTER, "Bộ phận Một cửa"), null, "TAP-HUAN-01", true));
    }

    private void openReprints(FxRobot robot) {
        robot.clickOn("#staff-open");
        for (char c : TestKiosk.PIN.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-reprint-open"));
        // Only a kiosk running its own training portal can start training afresh; this one talks to another.
        assertThat(showing(robot, "staff-afresh-open")).isFalse();
        press(robot, "staff-reprint-open");
        await(() -> showing(robot, "reprint-" + ref));
    }

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    private Set<Path> printed() {
        return ExternalTools.printed(out);
    }

    @Test
    void aQueuedReceiptIsReprintedWithThePortalsCodeOnceItCame(FxRobot robot) throws Exception {
        openReprints(robot);
        assertThat(text(robot, "reprint-code-" + ref)).contains(ref).contains("đang chờ gửi");

        // The outbox sends the dossier meanwhile: the list and the paper carry the portal's code.
        services.portal().outbox().store().sent(ref, CODE, "{}", clock.instant());
        press(robot, "staff-reprint-back");
        press(robot, "staff-reprint-open");
        await(() -> text(robot, "reprint-code-" + ref).contains(CODE));
        assertThat(text(robot, "reprint-code-" + ref)).contains("đã nộp");

        Set<Path> before = printed();
        press(robot, "reprint-" + ref);
        await(() -> text(robot, "staff-reprint-feedback").startsWith("Đã in lại") || text(robot, "staff-reprint-feedback")
                .startsWith("Máy in"));
        assertThat(text(robot, "staff-reprint-feedback")).isEqualTo("Đã in lại biên nhận " + CODE + ".");
        await(() -> services.events().recent(30).stream().anyMatch(e -> e.type() == vn.motcua.kiosk.store.EventType.STAFF_ACTION
                && "action=reprint".equals(e.detail())));
        await(() -> printed().size() > before.size());
        Set<Path> after = printed();
        after.removeAll(before);
        Path paper = after.iterator().next();
        assertThat(ExternalTools.qrCodes(ExternalTools.rasterise(paper, 150))).containsExactly(CODE);
        // Kept for the day with the name only: the ID number went with the session.
        assertThat(services.reprints().receipt(ref).orElseThrow().applicant().idNumber()).isNull();
    }

    @Test
    void aPausedPrinterIsExplainedToStaffUntilAPrintWorks(FxRobot robot) {
        services.usePrinter(() -> new JavaxPrinter("KioskStopped"));
        openReprints(robot);
        press(robot, "reprint-" + ref);
        await(() -> text(robot, "staff-reprint-feedback").startsWith("Máy in"));
        assertThat(text(robot, "staff-reprint-feedback")).startsWith("Máy in \"KioskStopped\" đang tạm dừng");

        press(robot, "staff-reprint-back");
        assertThat(text(robot, "staff-printer-trouble")).startsWith("Máy in biên nhận có sự cố: Máy in \"KioskStopped\"");

        services.usePrinter(() -> new JavaxPrinter("KioskPDF"));
        press(robot, "staff-reprint-open");
        await(() -> showing(robot, "reprint-" + ref));
        press(robot, "reprint-" + ref);
        await(() -> text(robot, "staff-reprint-feedback").startsWith("Đã in lại"));
        press(robot, "staff-reprint-back");
        assertThat(showing(robot, "staff-printer-trouble")).isFalse();
    }
}
