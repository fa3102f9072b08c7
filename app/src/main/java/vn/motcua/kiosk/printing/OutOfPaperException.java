// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

/** The printer reports no paper (IPP media-empty / media-needed). */
public final class OutOfPaperException extends PrintingException {
    public OutOfPaperException(String printer, String detail) {
        super("printing.outOfPaper", printer, detail, null);
    }

    public OutOfPaperException(String printer, String detail, Throwable cause) {
        super("printing.outOfPaper", printer, detail, cause);
    }
}
