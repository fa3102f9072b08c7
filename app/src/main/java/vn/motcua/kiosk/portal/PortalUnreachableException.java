// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import java.time.Duration;

/** No answer (network down, timeout, dropped connection) or the portal is busy (5xx, 408, 429): try later. */
public final class PortalUnreachableException extends PortalException {
    public PortalUnreachableException(String operation, int status, Duration retryAfter, String detail, Throwable cause) {
        super(operation, status, retryAfter, detail, cause);
    }

    @Override
    public boolean retryable() {
        return true;
    }

    @Override
    public String messageKey() {
        return status() == 0 ? "portal.error.offline" : "portal.error.busy";
    }
}
