// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

/** The queue refuses new jobs (CUPS "reject"). */
public final class PrinterNotAcceptingJobsException extends PrintingException {
    public PrinterNotAcceptingJobsException(String printer, String detail) {
        super("printing.notAccepting", printer, detail, null);
    }

    public PrinterNotAcceptingJobsException(String printer, String detail, Throwable cause) {
        super("printing.notAccepting", printer, detail, cause);
    }
}
