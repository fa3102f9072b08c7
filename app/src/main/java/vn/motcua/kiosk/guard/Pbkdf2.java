package vn.motcua.kiosk.guard;

import java.security.GeneralSecurityException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** PBKDF2-HMAC-SHA256, the slow salted derivation behind the staff PIN hash and parked-draft keys. */
public final class Pbkdf2 {
    private Pbkdf2() {}

    /** Derives {@code bits} bits; the caller wipes {@code secret} and the result when done. */
    public static byte[] derive(char[] secret, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
