package vn.motcua.kiosk.signing;

import java.util.List;

/** The vendor's PKCS#11 library is not installed, or it failed when called. */
public final class DriverException extends SigningException {
    public enum Kind { MISSING, CRASHED }

    private final Kind kind;
    private final String library;

    public DriverException(Kind kind, String library, Throwable cause) {
        super("PKCS#11 driver " + kind.name().toLowerCase() + ": " + library
                + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
        this.kind = kind;
        this.library = library;
    }

    public Kind kind() {
        return kind;
    }

    public String library() {
        return library;
    }

    @Override
    public String messageKey() {
        return kind == Kind.MISSING ? "signing.error.driver-missing" : "signing.error.driver-crashed";
    }

    @Override
    public List<Object> messageArgs() {
        return List.of(library);
    }
}
