package vn.motcua.kiosk.signing;

/** The token locked its PIN (too many wrong entries); only the issuing CA's tool unlocks it. */
public final class PinLockedException extends SigningException {
    public PinLockedException(Throwable cause) {
        super("PIN locked", cause);
    }

    @Override
    public String messageKey() {
        return "signing.error.pin-locked";
    }
}
