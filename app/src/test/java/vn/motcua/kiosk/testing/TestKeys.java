// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import vn.motcua.kiosk.privacy.DataKey;
import vn.motcua.kiosk.store.Database;

/**
 * Data keys for tests: one per data folder, the same in every JVM (a child process that was killed
 * and the test that reopens its folder must agree), and never written to disk. Not a way to make a
 * real kiosk's key: anyone who knows the folder's path could derive it.
 */
public final class TestKeys {
    private TestKeys() {}

    public static DataKey forFolder(Path dataDir) {
        try {
            return DataKey.of(MessageDigest.getInstance("SHA-256")
                    .digest(("test data key|" + dataDir.toAbsolutePath().normalize()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key of the folder a database file is in. */
    public static DataKey forDatabase(Path file) {
        return forFolder(file.toAbsolutePath().getParent());
    }

    /** Opens a database file with its folder's test key. */
    public static Database openDatabase(Path file) {
        return Database.open(file, forDatabase(file));
    }
}
