// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** The batch was stopped on request. */
public final class ScanCancelledException extends ScanningException {
    public ScanCancelledException(String device, int pagesDelivered, String detail, Throwable cause) {
        super("scanning.error.cancelled", device, pagesDelivered, detail, cause);
    }
}
