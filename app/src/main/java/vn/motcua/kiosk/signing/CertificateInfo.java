package vn.motcua.kiosk.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.text.Normalizer;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** A certificate on a token, as the screen and doctor show it. */
public record CertificateInfo(String holderName, String issuerName, Instant notBefore, Instant notAfter,
                              String fingerprint, boolean signingUsage, X509Certificate certificate) {

    public static CertificateInfo of(X509Certificate cert) {
        boolean[] ku = cert.getKeyUsage();
        // No keyUsage extension means any use; otherwise digitalSignature or nonRepudiation.
        boolean signing = ku == null || (ku.length > 1 && (ku[0] || ku[1]));
        return new CertificateInfo(commonName(cert.getSubjectX500Principal().getName()),
                commonName(cert.getIssuerX500Principal().getName()), cert.getNotBefore().toInstant(),
                cert.getNotAfter().toInstant(), fingerprint(cert), signing, cert);
    }

    public boolean validAt(Instant when) {
        return !when.isBefore(notBefore) && !when.isAfter(notAfter);
    }

    /** Refuses a certificate outside its validity, the way a verifier would refuse the signature. */
    public void requireValid(Clock clock) throws CertificateNotValidException {
        Instant now = clock.instant();
        if (now.isAfter(notAfter)) {
            throw new CertificateNotValidException(CertificateNotValidException.Reason.EXPIRED, notAfter);
        }
        if (now.isBefore(notBefore)) {
            throw new CertificateNotValidException(CertificateNotValidException.Reason.NOT_YET_VALID, notBefore);
        }
    }

    /** The CN (NFC, so that Vietnamese diacritics compare and render the same), or the whole DN. */
    static String commonName(String rfc2253) {
        try {
            for (Rdn rdn : new LdapName(rfc2253).getRdns()) {
                if ("CN".equalsIgnoreCase(rdn.getType())) {
                    return Normalizer.normalize(String.valueOf(rdn.getValue()), Normalizer.Form.NFC);
                }
            }
        } catch (InvalidNameException e) {
            // fall through: show the DN as it is
        }
        return Normalizer.normalize(rfc2253, Normalizer.Form.NFC);
    }

    static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        // Holder names are personal data: keep them out of logs that print records.
        return "CertificateInfo[" + fingerprint.substring(0, 16) + ", valid " + notBefore + " – " + notAfter + "]";
    }
}
