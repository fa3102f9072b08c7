// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The volunteers staff added on this kiosk: names and PIN hashes (never a PIN). */
public final class VolunteerStore {
    public record Row(String name, String pinHash, Instant addedAt) {}

    private final Database db;

    public VolunteerStore(Database db) {
        this.db = db;
    }

    /** Adds one; false when the name is taken (case aside). */
    public boolean add(String name, String pinHash, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO volunteers(name, pin_hash, added_at) VALUES (?,?,?) ON CONFLICT(name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setString(2, pinHash);
                ps.setLong(3, at.toEpochMilli());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Removes one, its PIN hash gone from the file too; false when there was none by that name. */
    public boolean remove(String name) {
        boolean removed = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM volunteers WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() == 1;
            }
        });
        if (removed) {
            db.eraseTraces();
        }
        return removed;
    }

    /** By name. */
    public List<Row> all() {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, pin_hash, added_at FROM volunteers ORDER BY name COLLATE NOCASE");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return out;
        });
    }
}
