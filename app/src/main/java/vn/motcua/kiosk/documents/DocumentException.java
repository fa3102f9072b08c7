// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import vn.motcua.kiosk.i18n.Messages;

/**
 * A paper the kiosk cannot accept or produce, with a {@code documents.*} sentence for the screen.
 * {@link #getMessage()} is for logs: a reason and numbers, never a file name or content.
 */
public abstract class DocumentException extends Exception {
    private final String messageKey;
    private final Object[] args;

    protected DocumentException(String messageKey, String detail, Throwable cause, Object... args) {
        super(messageKey + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public String describe(Messages m) {
        return m.get(messageKey, args);
    }
}
