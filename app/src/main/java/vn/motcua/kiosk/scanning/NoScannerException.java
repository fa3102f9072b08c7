// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** No scanner answers: saned unreachable, no device found, or the configured one is missing. */
public final class NoScannerException extends ScanningException {
    public NoScannerException(String device, int pagesDelivered, String detail, Throwable cause) {
        super("scanning.error.none", device, pagesDelivered, detail, cause);
    }
}
