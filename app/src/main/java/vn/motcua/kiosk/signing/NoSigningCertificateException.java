package vn.motcua.kiosk.signing;

/** The token holds no certificate with a private key usable for signing. */
public final class NoSigningCertificateException extends SigningException {
    public NoSigningCertificateException(String detail) {
        super("no signing certificate: " + detail, null);
    }

    @Override
    public String messageKey() {
        return "signing.error.no-certificate";
    }
}
