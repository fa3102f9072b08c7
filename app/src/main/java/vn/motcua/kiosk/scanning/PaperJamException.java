// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** Paper is stuck in the feeder; the citizen's pages before it are kept. */
public final class PaperJamException extends ScanningException {
    public PaperJamException(String device, int pagesDelivered, String detail, Throwable cause) {
        super("scanning.error.jammed", device, pagesDelivered, detail, cause);
    }
}
