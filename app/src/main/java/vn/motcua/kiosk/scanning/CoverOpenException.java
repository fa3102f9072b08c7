// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** The scanner's lid or feeder cover is open. */
public final class CoverOpenException extends ScanningException {
    public CoverOpenException(String device, int pagesDelivered, String detail, Throwable cause) {
        super("scanning.error.coverOpen", device, pagesDelivered, detail, cause);
    }
}
