// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.privacy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Where the data key lives: never in the data folder, so a copy of that folder (a backup, a
 * support zip, a USB copy) holds only ciphertext. In order (docs/decisions/0009):
 * <ol>
 *   <li>{@code $CREDENTIALS_DIRECTORY/motcua-kiosk-data-key}: systemd hands the service a
 *       credential, TPM-sealed by {@code systemd-creds} where the machine has a TPM;</li>
 *   <li>{@code /etc/mot-cua-kiosk/data.key}: made by the installer, root-owned, readable by the
 *       kiosk account's group only;</li>
 *   <li>the account's own configuration folder ({@code ~/.config/motcua-kiosk/data.key},
 *       {@code %LOCALAPPDATA%\MotCuaKiosk\data.key}): made at the first start, 0600. The
 *       README's training run uses this one.</li>
 * </ol>
 */
public final class KeyFile {
    static final String CREDENTIAL = "motcua-kiosk-data-key";
    static final Path SYSTEM_KEY = Path.of("/etc/mot-cua-kiosk/data.key");

    private KeyFile() {}

    /** Why the key cannot be had (each has a message for the start-up screen). */
    public enum Problem { MISSING, READABLE_BY_ALL, WRONG_SIZE, UNREADABLE, CANNOT_MAKE }

    /** The data key cannot be had; the kiosk says which file and why, and stops. */
    public static final class Unusable extends RuntimeException {
        private final Path file;
        private final Problem problem;

        Unusable(Path file, Problem problem, String why, Throwable cause) {
            super(why, cause);
            this.file = file;
            this.problem = problem;
        }

        public Path file() {
            return file;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** Where this machine's key is looked for (see the class comment), and whether the kiosk may make it. */
    public record Location(Path file, boolean makeIfMissing) {}

    public static Location locate(Map<String, String> env, String osName, Path home) {
        String credentials = env.get("CREDENTIALS_DIRECTORY");
        if (credentials != null && !credentials.isBlank()) {
            return new Location(Path.of(credentials, CREDENTIAL), false);
        }
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        if (!windows && Files.exists(SYSTEM_KEY)) {
            return new Location(SYSTEM_KEY, false);
        }
        if (windows) {
            String local = env.getOrDefault("LOCALAPPDATA", home.resolve("AppData").resolve("Local").toString());
            return new Location(Path.of(local, "MotCuaKiosk", "data.key"), true);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg);
        return new Location(config.resolve("motcua-kiosk").resolve("data.key"), true);
    }

    /** The key at {@code location}, made there first when the location allows it. */
    public static DataKey open(Location location) {
        Path file = location.file();
        if (!Files.exists(file)) {
            if (!location.makeIfMissing()) {
                throw new Unusable(file, Problem.MISSING, "the data key file is missing (the installer makes it)", null);
            }
            make(file);
        }
        return load(file);
    }

    /** Reads a key file: 32 bytes, not readable by every account. */
    public static DataKey load(Path file) {
        try {
            if (PrivateFiles.readableByOthers(file)) {
                throw new Unusable(file, Problem.READABLE_BY_ALL, "the data key file is readable by every account (chmod 600 or 640)", null);
            }
            byte[] bytes = Files.readAllBytes(file);
            try {
                if (bytes.length != DataKey.KEY_BYTES) {
                    throw new Unusable(file, Problem.WRONG_SIZE, "the data key file must hold " + DataKey.KEY_BYTES + " bytes, it holds "
                            + bytes.length, null);
                }
                return DataKey.of(bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } catch (IOException e) {
            throw new Unusable(file, Problem.UNREADABLE, "the data key file cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static void make(Path file) {
        byte[] bytes = new byte[DataKey.KEY_BYTES];
        new java.security.SecureRandom().nextBytes(bytes);
        try {
            PrivateFiles.folder(file.toAbsolutePath().getParent());
            PrivateFiles.write(file, bytes);
        } catch (IOException e) {
            throw new Unusable(file, Problem.CANNOT_MAKE, "the data key file cannot be made: " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
