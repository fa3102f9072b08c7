// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

/** The job was sent but the print system aborted or cancelled it. */
public final class PrintJobFailedException extends PrintingException {
    public PrintJobFailedException(String printer, String detail) {
        super("printing.jobFailed", printer, detail, null);
    }

    public PrintJobFailedException(String printer, String detail, Throwable cause) {
        super("printing.jobFailed", printer, detail, cause);
    }
}
