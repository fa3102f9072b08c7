package vn.motcua.kiosk.staff;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import vn.motcua.kiosk.guard.Pbkdf2;

/**
 * The staff PIN as stored in the config: {@code pbkdf2-sha256:<iterations>:<salt b64>:<hash b64>}.
 * PBKDF2 is in every JDK, so no extra library is needed for a slow salted hash; the iteration
 * count travels with the hash so it can be raised later without invalidating old configs.
 */
public final class PinHash {
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final Pattern FORMAT =
            Pattern.compile("pbkdf2-sha256:([0-9]{1,9}):([A-Za-z0-9+/]+=*):([A-Za-z0-9+/]+=*)");
    private static final int MIN_ITERATIONS = 1_000;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final int MIN_SALT_BYTES = 8;
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PinHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    public static boolean isWellFormed(String encoded) {
        try {
            parse(encoded);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks all that start-up will need, so that a hash the configuration check passed can be used:
     * Base64 that decodes, a salt of at least {@value #MIN_SALT_BYTES} bytes, a 256-bit hash, and a
     * count of iterations that a PIN check finishes in (not a 999,999,999 that hangs the staff gate).
     */
    public static PinHash parse(String encoded) {
        var m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a " + PREFIX + " PIN hash");
        }
        int iterations = Integer.parseInt(m.group(1));
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations out of range");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] salt = b64.decode(m.group(2));
        byte[] hash = b64.decode(m.group(3));
        if (salt.length < MIN_SALT_BYTES || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("salt or hash of the wrong length");
        }
        return new PinHash(iterations, salt, hash);
    }

    /** Hashes a PIN with a fresh random salt. The caller wipes {@code pin} afterwards. */
    public static String create(char[] pin, int iterations) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = derive(pin, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /** Slow on purpose (hundreds of milliseconds): call it off the UI thread. */
    public boolean matches(char[] pin) {
        byte[] candidate = derive(pin, salt, iterations);
        try {
            return MessageDigest.isEqual(candidate, hash);
        } finally {
            Arrays.fill(candidate, (byte) 0);
        }
    }

    private static byte[] derive(char[] pin, byte[] salt, int iterations) {
        return Pbkdf2.derive(pin, salt, iterations, 256);
    }
}
