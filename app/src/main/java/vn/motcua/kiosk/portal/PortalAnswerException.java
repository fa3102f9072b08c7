// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

/**
 * The portal answered something this client cannot read (malformed or truncated JSON, a missing
 * header the API promises). Retryable: every operation is safe to repeat, and a garbled answer is
 * most often a proxy or a half-sent body.
 */
public final class PortalAnswerException extends PortalException {
    public PortalAnswerException(String operation, int status, String detail, Throwable cause) {
        super(operation, status, null, "unreadable answer: " + detail, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public String messageKey() {
        return "portal.error.answer";
    }
}
