package vn.motcua.kiosk.signing.pades;

import com.itextpdf.signatures.ISignatureMechanismParams;
import com.itextpdf.signatures.IExternalSignature;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;

/**
 * SHA-256 signature made inside the token through the SunPKCS11 provider object itself, so the
 * provider never has to be registered in {@link java.security.Security} under a name.
 */
final class Pkcs11Signature implements IExternalSignature {
    private final PrivateKey key;
    private final Provider provider;

    Pkcs11Signature(PrivateKey key, Provider provider) {
        this.key = key;
        this.provider = provider;
    }

    @Override
    public String getDigestAlgorithmName() {
        return "SHA-256";
    }

    @Override
    public String getSignatureAlgorithmName() {
        return "EC".equals(key.getAlgorithm()) ? "ECDSA" : "RSA";
    }

    @Override
    public ISignatureMechanismParams getSignatureMechanismParameters() {
        return null;
    }

    @Override
    public byte[] sign(byte[] message) throws GeneralSecurityException {
        Signature s = Signature.getInstance("EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA", provider);
        s.initSign(key);
        s.update(message);
        return s.sign();
    }
}
