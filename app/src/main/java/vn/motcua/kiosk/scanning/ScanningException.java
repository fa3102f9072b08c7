// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import vn.motcua.kiosk.i18n.Messages;

/**
 * Scanner trouble the papers screen can explain: each subclass has a {@code scanning.error.*}
 * sentence in Vietnamese and English. {@link #getMessage()} is for logs: the device name and the
 * status only, never anything about the paper.
 */
public abstract class ScanningException extends Exception {
    private final String messageKey;
    private final String device;
    private final int pagesDelivered;

    protected ScanningException(String messageKey, String device, int pagesDelivered, String detail, Throwable cause) {
        super(messageKey + ": " + (device == null ? "no device" : device) + ", " + pagesDelivered + " page(s) delivered"
                + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.messageKey = messageKey;
        this.device = device == null ? "" : device;
        this.pagesDelivered = pagesDelivered;
    }

    /** Key in the messages bundle; arguments are the device name and {@link #pagesDelivered()}. */
    public String messageKey() {
        return messageKey;
    }

    public String device() {
        return device;
    }

    /** Pages that reached the listener before the failure: the screen keeps them and says so. */
    public int pagesDelivered() {
        return pagesDelivered;
    }

    /** The sentence to show, in the messages' language. */
    public String describe(Messages m) {
        return m.get(messageKey, device, pagesDelivered);
    }
}
