// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** A feeder batch was started with no paper in the feeder (an empty feeder after the first page is the normal end). */
public final class FeederEmptyException extends ScanningException {
    public FeederEmptyException(String device, int pagesDelivered, String detail, Throwable cause) {
        super("scanning.error.feederEmpty", device, pagesDelivered, detail, cause);
    }
}
