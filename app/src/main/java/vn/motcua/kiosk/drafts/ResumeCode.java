package vn.motcua.kiosk.drafts;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The 6-character code a citizen writes down to resume a parked draft. Letters and digits that
 * cannot be mistaken for one another when read aloud or copied by hand (no I, L, O, 0, 1):
 * 31^6 ≈ 887 million codes.
 */
public record ResumeCode(String value) {
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ResumeCode {
        if (value.length() != LENGTH || value.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            throw new IllegalArgumentException("not a resume code");
        }
    }

    public static ResumeCode random() {
        char[] c = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new ResumeCode(new String(c));
    }

    /** What a person typed: case, spaces and dashes do not matter; O and I read as 0 and 1 are refused. */
    public static Optional<ResumeCode> parse(String typed) {
        String v = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
        if (v.length() != LENGTH || v.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        return Optional.of(new ResumeCode(v));
    }

    /** Shown as "ABC-DEF" so it is easy to copy. */
    public String display() {
        return value.substring(0, 3) + "-" + value.substring(3);
    }

    @Override
    public String toString() {
        return "ResumeCode[hidden]";
    }
}
