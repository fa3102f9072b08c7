package vn.motcua.kiosk.drafts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.motcua.kiosk.guard.Pbkdf2;

/**
 * Encrypts a parked draft with a key that only the citizen can rebuild: PBKDF2-HMAC-SHA256 over
 * the resume code and birth year, salted with this kiosk's secret salt. The derived 64 bytes are
 * split: the first half is a lookup tag stored beside the draft (so resuming is one indexed
 * lookup), the second half the AES-256-GCM key. A copied database file holds neither the code nor
 * the key; guessing costs one slow derivation per (code, year) pair.
 */
public final class DraftSealer {
    static final int ITERATIONS = 310_000;
    private static final byte[] AAD = "motcua-kiosk parked draft v1".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] kioskSalt;
    private final int iterations;

    public DraftSealer(byte[] kioskSalt) {
        this(kioskSalt, ITERATIONS);
    }

    /** With another iteration count: fewer only in tests. */
    public DraftSealer(byte[] kioskSalt, int iterations) {
        this.kioskSalt = kioskSalt.clone();
        this.iterations = iterations;
    }

    /** What is stored: the lookup tag and nonce + ciphertext. */
    public record Sealed(byte[] lookup, byte[] box) {}

    public Sealed seal(byte[] plaintext, ResumeCode code, int birthYear) {
        byte[] derived = derive(code, birthYear);
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, derived, nonce);
            byte[] ciphertext = aes.doFinal(plaintext);
            return new Sealed(Arrays.copyOf(derived, 32),
                    ByteBuffer.allocate(NONCE + ciphertext.length).put(nonce).put(ciphertext).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** The lookup tag for a code and year: what to search the parked drafts for. */
    public byte[] lookup(ResumeCode code, int birthYear) {
        byte[] derived = derive(code, birthYear);
        try {
            return Arrays.copyOf(derived, 32);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    /** Decrypts; throws {@link GeneralSecurityException} when code, year or data do not match. */
    public byte[] open(byte[] box, ResumeCode code, int birthYear) throws GeneralSecurityException {
        byte[] derived = derive(code, birthYear);
        try {
            Cipher aes = cipher(Cipher.DECRYPT_MODE, derived, Arrays.copyOf(box, NONCE));
            return aes.doFinal(box, NONCE, box.length - NONCE);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    private Cipher cipher(int mode, byte[] derived, byte[] nonce) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, new SecretKeySpec(derived, 32, 32, "AES"), new GCMParameterSpec(128, nonce));
        aes.updateAAD(AAD);
        return aes;
    }

    private byte[] derive(ResumeCode code, int birthYear) {
        char[] secret = (code.value() + ":" + birthYear).toCharArray();
        try {
            return Pbkdf2.derive(secret, kioskSalt, iterations, 512);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
