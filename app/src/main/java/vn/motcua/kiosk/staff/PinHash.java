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

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PinHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    public static boolean isWellFormed(String encoded) {
        var m = FORMAT.matcher(encoded);
        return m.matches() && Integer.parseInt(m.group(1)) >= MIN_ITERATIONS;
    }

    public static PinHash parse(String encoded) {
        var m = FORMAT.matcher(encoded);
        if (!m.matches() || Integer.parseInt(m.group(1)) < MIN_ITERATIONS) {
            throw new IllegalArgumentException("not a " + PREFIX + " PIN hash");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new PinHash(Integer.parseInt(m.group(1)), b64.decode(m.group(2)), b64.decode(m.group(3)));
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
