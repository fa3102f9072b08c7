// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.kiosk.i18n.Messages;

/**
 * The printer's part of {@code doctor}: lists the printers, checks the configured one and, when
 * asked, prints a test page and waits for it to come out. Doctor turns each {@link Line} into one
 * of its check lines (name, ok, detail).
 */
public final class PrinterChecks {
    /** One check: what was checked, whether it is well, and what to do if not. */
    public record Line(String name, boolean ok, String detail) {}

    private final Printer printer;
    private final PaperSize paper;
    private final Duration limit;

    public PrinterChecks(Printer printer, PaperSize paper, Duration limit) {
        this.printer = printer;
        this.paper = paper;
        this.limit = limit;
    }

    /** For the configured printer name ({@code devices.printer}, "auto" = system default). */
    public static PrinterChecks forConfiguredPrinter(String printerName, PaperSize paper) {
        return new PrinterChecks(new JavaxPrinter(printerName), paper, Duration.ofSeconds(60));
    }

    public List<Line> run(Messages m, boolean printTestPage) {
        List<Line> lines = new ArrayList<>();
        List<String> all = printer.printers();
        lines.add(new Line(m.get("printing.doctor.printers"), !all.isEmpty(), all.isEmpty()
                ? m.get("printing.doctor.printers.none")
                : m.get("printing.doctor.printers.ok", all.size(), String.join(", ", all))));
        String name;
        try {
            PrinterStatus status = printer.status();
            name = status.name();
            if (status.outOfPaper()) {
                throw new OutOfPaperException(name, status.why());
            }
            if (status.offline()) {
                throw new PrinterOfflineException(name, status.why());
            }
            if (!status.acceptingJobs()) {
                throw new PrinterNotAcceptingJobsException(name, status.why());
            }
            lines.add(new Line(m.get("printing.doctor.printer"), true, m.get("printing.doctor.printer.ok", name)));
        } catch (PrintingException e) {
            lines.add(new Line(m.get("printing.doctor.printer"), false, e.describe(m)));
            return lines;
        }
        if (!printTestPage) {
            lines.add(new Line(m.get("printing.doctor.testPage"), true, m.get("printing.doctor.testPage.skipped")));
            return lines;
        }
        try {
            Printer.PrintJob job = printer.print(TestPage.pdf(m, name, paper), paper);
            printer.awaitDone(job, limit);
            lines.add(new Line(m.get("printing.doctor.testPage"), true, m.get("printing.doctor.testPage.ok", name)));
        } catch (PrintingException e) {
            lines.add(new Line(m.get("printing.doctor.testPage"), false, e.describe(m)));
        }
        return lines;
    }
}
