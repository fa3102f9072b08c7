// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import vn.motcua.kiosk.i18n.Messages;

/**
 * Printer trouble the UI can explain: each subclass has a {@code printing.*} message for staff and
 * citizens. The English {@link #getMessage()} is for logs and carries only the printer's name and
 * what the print system said (never the document's content).
 */
public class PrintingException extends Exception {
    private final String messageKey;
    private final String printer;
    private final String detail;

    public PrintingException(String messageKey, String printer, String detail, Throwable cause) {
        super(messageKey + ": printer " + printer + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.messageKey = messageKey;
        this.printer = printer;
        this.detail = detail == null ? "" : detail;
    }

    /** Key in the messages bundle; arguments are the printer's name and the detail. */
    public String messageKey() {
        return messageKey;
    }

    public String printer() {
        return printer;
    }

    public String detail() {
        return detail;
    }

    /** The sentence to show, in the messages' language. */
    public String describe(Messages m) {
        return m.get(messageKey, printer, detail);
    }
}
