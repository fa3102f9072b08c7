// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

/** The job was sent but does not finish: the queue stopped under it, or it waits too long. */
public final class PrintJobStuckException extends PrintingException {
    public PrintJobStuckException(String printer, String detail) {
        super("printing.jobStuck", printer, detail, null);
    }

    public PrintJobStuckException(String printer, String detail, Throwable cause) {
        super("printing.jobStuck", printer, detail, cause);
    }
}
