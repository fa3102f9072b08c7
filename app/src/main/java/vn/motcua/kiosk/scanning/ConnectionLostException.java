// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** The link to the scanner (saned) broke during the batch. */
public final class ConnectionLostException extends ScanningException {
    public ConnectionLostException(String device, int pagesDelivered, String detail, Throwable cause) {
        super("scanning.error.connectionLost", device, pagesDelivered, detail, cause);
    }
}
