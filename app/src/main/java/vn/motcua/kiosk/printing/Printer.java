// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import java.time.Duration;
import java.util.List;

/** The kiosk's printer port: one configured printer, PDF in, typed trouble out. */
public interface Printer {

    /** Names of every printer the system knows, the configured one or not. */
    List<String> printers();

    /** The configured printer's status. */
    PrinterStatus status() throws PrintingException;

    /**
     * Sends a PDF on the given paper; returns once the print system has accepted the job. Checks the
     * printer first, so a stopped, rejecting or empty printer fails fast with its own exception.
     */
    PrintJob print(byte[] pdf, PaperSize paper) throws PrintingException;

    /**
     * Waits until the job has come out. Throws when it is aborted or cancelled ({@link
     * PrintJobFailedException}), when the printer stops or runs out of paper under it, or when it is
     * not done within {@code limit} ({@link PrintJobStuckException}).
     */
    void awaitDone(PrintJob job, Duration limit) throws PrintingException;

    /**
     * A job the print system accepted.
     *
     * @param printer the queue
     * @param jobId the print system's job id, -1 where it cannot be known
     * @param name the job's name: random, never personal data (CUPS logs it)
     */
    record PrintJob(String printer, int jobId, String name) {}
}
