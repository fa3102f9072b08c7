package vn.motcua.kiosk.signing;

import java.util.List;

/**
 * The timestamp authority (PAdES B-T) could not be asked or gave no usable answer, so no document
 * of the dossier was written as signed. Not the citizen's fault and not the token's: staff must
 * look at the network or the configured TSA address. {@link #authority()} is the host name only.
 */
public final class TimestampException extends SigningException {
    public enum Kind {
        /** No connection, no answer in time, or an HTTP error page. */
        UNREACHABLE,
        /** An answer that is not a granted RFC 3161 timestamp for what was asked. */
        REFUSED
    }

    private final Kind kind;
    private final String authority;

    public TimestampException(Kind kind, String authority, Throwable cause) {
        super("timestamp authority " + authority + " " + kind.name().toLowerCase()
                + (cause == null ? "" : ": " + cause.getMessage()), cause);
        this.kind = kind;
        this.authority = authority;
    }

    public Kind kind() {
        return kind;
    }

    public String authority() {
        return authority;
    }

    @Override
    public String messageKey() {
        return kind == Kind.UNREACHABLE ? "signing.error.timestamp-unreachable" : "signing.error.timestamp-refused";
    }

    @Override
    public List<Object> messageArgs() {
        return List.of(authority);
    }
}
