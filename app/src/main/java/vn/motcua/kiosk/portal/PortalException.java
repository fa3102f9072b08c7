// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import java.time.Duration;
import java.util.Optional;

/**
 * Something went wrong talking to the portal. Each subclass is one thing the screen and the
 * outbox treat differently: try later ({@link #retryable()}), or stop and show the portal's reason.
 * Messages name the operation (its OpenAPI operationId) and never carry personal data.
 */
public abstract sealed class PortalException extends Exception
        permits PortalUnreachableException, PortalRefusedException, PortalAnswerException {
    private final String operation;
    private final int status;
    private final Duration retryAfter;

    protected PortalException(String operation, int status, Duration retryAfter, String detail, Throwable cause) {
        super(operation + (status > 0 ? " → " + status : "") + ": " + detail, cause);
        this.operation = operation;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The OpenAPI operationId of the call that failed, e.g. {@code patchUpload}. */
    public String operation() {
        return operation;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** What the portal asked us to wait (429/503 Retry-After), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether the same request may succeed later; false means the portal refused it for good. */
    public abstract boolean retryable();

    /** Key of the message the screen shows (messages.properties). */
    public abstract String messageKey();
}
