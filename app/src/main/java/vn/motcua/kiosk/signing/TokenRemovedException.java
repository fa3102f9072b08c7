package vn.motcua.kiosk.signing;

import java.util.List;

/**
 * The token went away (pulled out, reader lost) before every document was signed. Documents
 * signed before that are kept; {@link #signedBefore()} says how many.
 */
public final class TokenRemovedException extends SigningException {
    private final int signedBefore;

    public TokenRemovedException(int signedBefore, Throwable cause) {
        super("token removed after " + signedBefore + " signed document(s)", cause);
        this.signedBefore = signedBefore;
    }

    public int signedBefore() {
        return signedBefore;
    }

    public TokenRemovedException withSignedBefore(int count) {
        return new TokenRemovedException(count, getCause());
    }

    @Override
    public String messageKey() {
        return "signing.error.token-removed";
    }

    @Override
    public List<Object> messageArgs() {
        return List.of(signedBefore);
    }
}
