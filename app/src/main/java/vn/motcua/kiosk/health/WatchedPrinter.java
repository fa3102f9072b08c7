// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.health;

import java.time.Duration;
import java.util.List;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrinterStatus;
import vn.motcua.kiosk.printing.PrintingException;

/** A printer that tells device health when a job came out. */
final class WatchedPrinter implements Printer {
    private final Printer printer;
    private final DeviceHealth health;

    WatchedPrinter(Printer printer, DeviceHealth health) {
        this.printer = printer;
        this.health = health;
    }

    @Override
    public List<String> printers() {
        return printer.printers();
    }

    @Override
    public PrinterStatus status() throws PrintingException {
        return printer.status();
    }

    @Override
    public PrintJob print(byte[] pdf, PaperSize paper) throws PrintingException {
        return printer.print(pdf, paper);
    }

    @Override
    public void awaitDone(PrintJob job, Duration limit) throws PrintingException {
        printer.awaitDone(job, limit);
        health.printed();
    }
}
