// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

/** The queue is stopped (CUPS "disabled"/paused) or the device is offline. */
public final class PrinterOfflineException extends PrintingException {
    public PrinterOfflineException(String printer, String detail) {
        super("printing.offline", printer, detail, null);
    }

    public PrinterOfflineException(String printer, String detail, Throwable cause) {
        super("printing.offline", printer, detail, cause);
    }
}
