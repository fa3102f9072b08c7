// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/**
 * Anything else the device reports (I/O error, out of memory, access denied, an option it refuses,
 * a source it does not have). {@code scanning.error.failed} or {@code scanning.error.sourceMissing}.
 */
public final class ScannerFailedException extends ScanningException {
    public ScannerFailedException(String messageKey, String device, int pagesDelivered, String detail, Throwable cause) {
        super(messageKey, device, pagesDelivered, detail, cause);
    }
}
