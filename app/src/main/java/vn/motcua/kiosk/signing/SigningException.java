package vn.motcua.kiosk.signing;

import java.util.List;

/**
 * Something a person at the kiosk must be told about, as a message key (under {@code signing.})
 * and its arguments. Messages never carry the PIN; holder names only where the screen shows them.
 */
public abstract sealed class SigningException extends Exception
        permits WrongPinException, PinLockedException, TokenRemovedException, NoSigningCertificateException,
        DriverException, CertificateNotValidException, DocumentException, TimestampException {

    protected SigningException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Key in the messages bundle, e.g. {@code signing.error.pin-locked}. */
    public abstract String messageKey();

    /** Arguments for {@link #messageKey()}, in order. */
    public List<Object> messageArgs() {
        return List.of();
    }
}
