package vn.motcua.kiosk.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Random secrets the kiosk makes once and keeps in its database (e.g. the parked-draft salt). */
public final class KioskSecrets {
    private final Database db;

    public KioskSecrets(Database db) {
        this.db = db;
    }

    /** The secret of that name, made of {@code length} random bytes the first time it is asked for. */
    public byte[] getOrCreate(String name, int length) {
        return db.inTransaction(c -> {
            try (PreparedStatement read = c.prepareStatement("SELECT value FROM kiosk_secrets WHERE name = ?")) {
                read.setString(1, name);
                try (ResultSet rs = read.executeQuery()) {
                    if (rs.next()) {
                        return rs.getBytes(1);
                    }
                }
            }
            byte[] value = new byte[length];
            new SecureRandom().nextBytes(value);
            try (PreparedStatement write = c.prepareStatement("INSERT INTO kiosk_secrets(name, value) VALUES (?, ?)")) {
                write.setString(1, name);
                write.setBytes(2, value);
                write.executeUpdate();
            }
            return value;
        });
    }
}
