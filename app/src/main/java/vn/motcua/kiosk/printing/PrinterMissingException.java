// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

/** The configured printer does not exist (or there is no default printer). */
public final class PrinterMissingException extends PrintingException {
    public PrinterMissingException(String printer, String detail) {
        super("printing.missing", printer, detail, null);
    }

    public PrinterMissingException(String printer, String detail, Throwable cause) {
        super("printing.missing", printer, detail, cause);
    }
}
