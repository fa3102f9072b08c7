// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.kiosk.receipt.ExternalTools.qrCodes;
import static vn.motcua.kiosk.receipt.ExternalTools.rasterise;
import static vn.motcua.kiosk.receipt.ExternalTools.requireCups;
import static vn.motcua.kiosk.receipt.ExternalTools.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;
import vn.motcua.kiosk.receipt.Receipts;

/**
 * Against the real thing: the private CUPS server of scripts/services/cups.sh, whose KioskPDF queue
 * turns every job into a PDF file, and whose other queues are stopped, rejecting or broken.
 */
class CupsPrinterTest {
    private static final float MM = 72f / 25.4f;
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private Path out;

    @BeforeEach
    void cups() {
        out = requireCups();
    }

    @Test
    void listsTheQueues() throws Exception {
        JavaxPrinter printer = new JavaxPrinter("KioskPDF");

        assertThat(printer.printers()).contains("KioskPDF", "KioskStopped", "KioskRejecting");
        PrinterStatus status = printer.status();
        assertThat(status.ready()).isTrue();
        assertThat(status.state()).isIn(PrinterStatus.State.IDLE, PrinterStatus.State.PROCESSING);
        // "auto" is the system default, which cups.sh sets to KioskPDF.
        assertThat(new JavaxPrinter("auto").status().name()).isEqualTo("KioskPDF");
    }

    @Test
    void aPrintedRollReceiptComesOutOfTheVirtualPrinter() throws Exception {
        byte[] pdf = new ReceiptRenderer().render(Receipts.filed(true), ReceiptLayout.ROLL_80MM);
        JavaxPrinter printer = new JavaxPrinter("KioskPDF");

        Printer.PrintJob job = printer.print(pdf, PaperSize.ROLL_80MM);
        printer.awaitDone(job, LIMIT);

        Path printed = out.resolve("job-" + job.jobId() + ".pdf");
        assertThat(printed).exists();
        try (PDDocument doc = Loader.loadPDF(printed.toFile())) {
            PDRectangle page = doc.getPage(0).getMediaBox();
            assertThat(page.getWidth() / MM).isCloseTo(80, org.assertj.core.data.Offset.offset(1f));
        }
        // What came out of the printer still scans to the tracking link.
        assertThat(qrCodes(rasterise(printed, 150))).containsExactly(Receipts.URL);
    }

    @Test
    void anA5ReceiptPrintsOnA5NotOnTheQueuesA4() throws Exception {
        byte[] pdf = new ReceiptRenderer().render(Receipts.queued(), ReceiptLayout.A5);
        JavaxPrinter printer = new JavaxPrinter("KioskPDF");

        Printer.PrintJob job = printer.print(pdf, PaperSize.A5);
        printer.awaitDone(job, LIMIT);

        assertThat(job.name()).startsWith("kiosk-").doesNotContain("Đức");
        Path printed = out.resolve("job-" + job.jobId() + ".pdf");
        try (PDDocument doc = Loader.loadPDF(printed.toFile())) {
            PDRectangle page = doc.getPage(0).getMediaBox();
            assertThat(page.getWidth() / MM).isCloseTo(148, org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getHeight() / MM).isCloseTo(210, org.assertj.core.data.Offset.offset(1f));
        }
        assertThat(qrCodes(rasterise(printed, 150))).containsExactly("KIOSK-7F3K-92QD");
    }

    @Test
    void aStoppedQueueIsReportedOffline() {
        assertThatThrownBy(() -> new JavaxPrinter("KioskStopped").print(testPage(), PaperSize.A4))
                .isInstanceOf(PrinterOfflineException.class)
                .hasMessageContaining("KioskStopped");
    }

    @Test
    void aRejectingQueueIsReportedNotAcceptingJobs() {
        assertThatThrownBy(() -> new JavaxPrinter("KioskRejecting").print(testPage(), PaperSize.A4))
                .isInstanceOf(PrinterNotAcceptingJobsException.class);
        // javax.print alone (as on Windows) sees the rejection too.
        assertThatThrownBy(() -> new JavaxPrinter("KioskRejecting", null).print(testPage(), PaperSize.A4))
                .isInstanceOf(PrinterNotAcceptingJobsException.class);
    }

    @Test
    void aMissingQueueIsReportedMissing() {
        assertThatThrownBy(() -> new JavaxPrinter("NoSuchPrinter").print(testPage(), PaperSize.A4))
                .isInstanceOf(PrinterMissingException.class)
                .hasMessageContaining("NoSuchPrinter");
    }

    @Test
    void aJobTheDeviceFailsIsReportedFailed() throws Exception {
        JavaxPrinter printer = new JavaxPrinter("KioskFailing");
        Printer.PrintJob job = printer.print(testPage(), PaperSize.A4);

        assertThat(job.jobId()).isPositive();
        assertThatThrownBy(() -> printer.awaitDone(job, LIMIT))
                .isInstanceOf(PrintJobFailedException.class)
                .hasMessageContaining("simulated printer failure");
    }

    @Test
    void aJobLeftUnderAStoppedQueueIsReportedStuck() throws Exception {
        // KioskStuck stops itself at the first failure: start from a running, empty queue.
        run("cancel", "-a", "KioskStuck");
        run("cupsenable", "KioskStuck");
        JavaxPrinter printer = new JavaxPrinter("KioskStuck");
        Printer.PrintJob job = printer.print(testPage(), PaperSize.A4);

        assertThatThrownBy(() -> printer.awaitDone(job, LIMIT)).isInstanceOf(PrintJobStuckException.class);
        run("cancel", "-a", "KioskStuck");
    }

    @Test
    void everyFaultHasAMessageInBothLanguages() {
        List<PrintingException> faults = List.of(new PrinterMissingException("P", "x"), new PrinterOfflineException("P", "x"),
                new PrinterNotAcceptingJobsException("P", "x"), new OutOfPaperException("P", "x"),
                new PrintJobFailedException("P", "x"), new PrintJobStuckException("P", "x"));
        for (Locale locale : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            Messages m = Messages.of(locale);
            for (PrintingException e : faults) {
                assertThat(m.has(e.messageKey())).as(e.messageKey() + " " + locale).isTrue();
                assertThat(e.describe(m)).contains("P").doesNotContain("{0}");
            }
        }
    }

    @Test
    void doctorListsPrintersAndPrintsATestPage() throws Exception {
        Messages m = Messages.of(Locale.forLanguageTag("vi"));
        List<PrinterChecks.Line> lines = new PrinterChecks(new JavaxPrinter("KioskPDF"), PaperSize.A4, LIMIT).run(m, true);

        assertThat(lines).extracting(PrinterChecks.Line::ok).containsOnly(true);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).detail()).contains("KioskPDF", "KioskStopped");
        assertThat(lines.get(2).detail()).contains("KioskPDF");

        List<PrinterChecks.Line> broken = PrinterChecks.forConfiguredPrinter("KioskStopped", PaperSize.A4).run(m, true);
        assertThat(broken).hasSize(2);
        assertThat(broken.get(1).ok()).isFalse();
        assertThat(broken.get(1).detail()).contains("KioskStopped", "tạm dừng");
    }

    private static byte[] testPage() {
        return TestPage.pdf(Messages.of(Locale.ENGLISH), "test", PaperSize.A4);
    }
}
