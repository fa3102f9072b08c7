package vn.motcua.kiosk.signing;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** The chosen certificate is expired or not yet valid: a signature made with it would be refused. */
public final class CertificateNotValidException extends SigningException {
    public enum Reason { EXPIRED, NOT_YET_VALID }

    private final Reason reason;
    private final Instant boundary;

    public CertificateNotValidException(Reason reason, Instant boundary) {
        super("certificate " + reason.name().toLowerCase() + " (" + boundary + ")", null);
        this.reason = reason;
        this.boundary = boundary;
    }

    public Reason reason() {
        return reason;
    }

    /** notAfter when expired, notBefore when not yet valid. */
    public Instant boundary() {
        return boundary;
    }

    @Override
    public String messageKey() {
        return reason == Reason.EXPIRED ? "signing.error.certificate-expired" : "signing.error.certificate-not-yet-valid";
    }

    @Override
    public List<Object> messageArgs() {
        return List.of(Date.from(boundary));
    }
}
