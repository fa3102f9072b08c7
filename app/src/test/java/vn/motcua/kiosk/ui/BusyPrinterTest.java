// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.printing.JavaxPrinter;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrinterStatus;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.testing.TestKiosk;

/**
 * A print that does not come out (a jam, a 2-minute e-result) holds the printer only: while it
 * waits, the staff PIN still answers and the next citizen still starts a session. The paper goes
 * to the private CUPS; the wait for it to come out is held until the test lets it go.
 */
class BusyPrinterTest extends ShellFixture {
    private final CountDownLatch waiting = new CountDownLatch(1);
    private final CountDownLatch letGo = new CountDownLatch(1);
    private String ref;

    @Override
    protected KioskConfig config() {
        return TestKiosk.withPortal(URI.create("http://127.0.0.1:9/api/v1"), "KioskPDF");
    }

    @BeforeEach
    void aReceiptToReprintOnAPrinterThatHoldsIt() throws Exception {
        ExternalTools.requireCups();
        Path pdf = Files.write(dataDir.resolve("a.pdf"), new byte[1234]);
        ref = services.portal().outbox().add(new Outbox.Submission("lltp-self", "{\"procedureId\":\"lltp-self\"}",
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf))));
        services.reprints().remember(new Receipt("Sở Tư pháp tỉnh Khánh Hòa", "Bộ phận Một cửa", ref, null, ref,
                new Receipt.Applicant("Nguyễn Văn An", null, "Số 12 Lê Lợi", "0905123456", null),
                "Cấp Phiếu lý lịch tư pháp", List.of(new Receipt.ReceivedDocument("Căn cước", 0, 1)), 10,
                new Receipt.Fee(200_000, Receipt.FeeStatus.DUE_AT_COUNTER), LocalDateTime.now(clock), null,
                new Receipt.Delivery(Receipt.ResultChannel.COUNTER, "Bộ phận Một cửa"), null, "TAP-HUAN-01", true));
        services.usePrinter(() -> new HeldPrinter(new JavaxPrinter("KioskPDF")));
    }

    @AfterEach
    void letThePaperOut() {
        letGo.countDown();
    }

    private void enterPin(FxRobot robot) {
        robot.clickOn("#staff-open");
        for (char c : TestKiosk.PIN.toCharArray()) {
            robot.clickOn("#staff-key-" + c);
        }
        robot.clickOn("#staff-pin-ok");
        await(() -> showing(robot, "staff-reprint-open"));
    }

    @Test
    void whileAPrintWaitsTheStaffPinAnswersAndTheNextCitizenStarts(FxRobot robot) throws Exception {
        enterPin(robot);
        press(robot, "staff-reprint-open");
        await(() -> showing(robot, "reprint-" + ref));
        press(robot, "reprint-" + ref);
        await(() -> waiting.getCount() == 0);
        press(robot, "staff-reprint-back");
        press(robot, "staff-close");

        // The paper has not come out: staff come back, and the PIN is checked all the same.
        enterPin(robot);
        press(robot, "staff-close");
        // And a citizen starts filing.
        robot.clickOn("#file");
        await(() -> showing(robot, "consent-agree"));
        assertThat(services.sessions().current()).isPresent();
        assertThat(letGo.getCount()).as("the print is still held").isEqualTo(1);
    }

    /** The real printer, except that waiting for the paper lasts until the test lets it go. */
    private final class HeldPrinter implements Printer {
        private final Printer real;

        HeldPrinter(Printer real) {
            this.real = real;
        }

        @Override
        public List<String> printers() {
            return real.printers();
        }

        @Override
        public PrinterStatus status() throws PrintingException {
            return real.status();
        }

        @Override
        public PrintJob print(byte[] pdf, PaperSize paper) throws PrintingException {
            return real.print(pdf, paper);
        }

        @Override
        public void awaitDone(PrintJob job, Duration limit) throws PrintingException {
            waiting.countDown();
            try {
                letGo.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            real.awaitDone(job, limit);
        }
    }
}
