// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** The scanner is in use by another program or still finishing a job. */
public final class ScannerBusyException extends ScanningException {
    public ScannerBusyException(String device, int pagesDelivered, String detail, Throwable cause) {
        super("scanning.error.busy", device, pagesDelivered, detail, cause);
    }
}
