// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The kiosk's data key: AES-256-GCM over everything personal that must outlive the session's
 * memory (a draft that survives a crash, a dossier waiting in the outbox, the day's reprint copies).
 * Each box names what it holds (its context, e.g. "draft:ID"): the context is authenticated, so a
 * box copied into another row or file does not open. Where the key lives: {@link KeyFile}.
 */
public final class DataKey {
    static final int KEY_BYTES = 32;
    private static final byte[] MAGIC = {'M', 'C', 'K', '1'};
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private DataKey(byte[] bytes) {
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("a data key has " + KEY_BYTES + " bytes, not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public static DataKey of(byte[] bytes) {
        return new DataKey(bytes);
    }

    /** A new random key (tests; {@link KeyFile} makes the kiosk's own). */
    public static DataKey random() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        try {
            return new DataKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Thrown when a box does not open: another key, another context, or changed bytes. */
    public static final class BrokenSeal extends RuntimeException {
        BrokenSeal(String context, Throwable cause) {
            // The context names a row or a file, never what is in it: safe in a log.
            super("sealed data does not open (" + context + "): another data key, or the bytes were changed", cause);
        }
    }

    /** MAGIC, nonce, ciphertext and tag. */
    public byte[] seal(byte[] plain, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = aes.doFinal(plain);
            return ByteBuffer.allocate(MAGIC.length + NONCE + sealed.length).put(MAGIC).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java 17 runtime", e);
        }
    }

    public byte[] open(byte[] box, String context) {
        if (!isSealed(box) || box.length < MAGIC.length + NONCE + TAG_BITS / 8) {
            throw new BrokenSeal(context, null);
        }
        try {
            Cipher aes = cipher(Cipher.DECRYPT_MODE, Arrays.copyOfRange(box, MAGIC.length, MAGIC.length + NONCE), context);
            return aes.doFinal(box, MAGIC.length + NONCE, box.length - MAGIC.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new BrokenSeal(context, e);
        }
    }

    public byte[] sealText(String text, String context) {
        return seal(text.getBytes(StandardCharsets.UTF_8), context);
    }

    public String openText(byte[] box, String context) {
        return new String(open(box, context), StandardCharsets.UTF_8);
    }

    /** Whether these bytes are a box of this format (plain JSON or PDF never start so). */
    public static boolean isSealed(byte[] bytes) {
        return bytes != null && bytes.length >= MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        aes.updateAAD(("motcua-kiosk data v1|" + context).getBytes(StandardCharsets.UTF_8));
        return aes;
    }
}
