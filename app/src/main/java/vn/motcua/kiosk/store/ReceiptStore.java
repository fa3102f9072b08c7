// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Receipts kept for staff to reprint, by the outbox's local reference; the body is the caller's
 * JSON, sealed with the data key (it carries the applicant's name).
 */
public final class ReceiptStore {
    /** {@code keptAt}: when the kiosk stored it (what the end of the day is counted from). */
    public record Stored(String localRef, String procedure, Instant receivedAt, String body, Instant keptAt) {}

    private final Database db;

    public ReceiptStore(Database db) {
        this.db = db;
    }

    /** Keeps (or replaces) the receipt of a dossier. */
    public void put(String localRef, String procedure, Instant receivedAt, String body, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO receipts(local_ref, procedure, received_at, body, created_at)"
                    + " VALUES (?,?,?,?,?) ON CONFLICT(local_ref) DO UPDATE SET procedure = excluded.procedure,"
                    + " received_at = excluded.received_at, body = excluded.body")) {
                ps.setString(1, localRef);
                ps.setString(2, procedure);
                ps.setLong(3, receivedAt.toEpochMilli());
                ps.setBytes(4, db.key().sealText(body, context(localRef)));
                ps.setLong(5, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    /** Newest first. */
    public List<Stored> all() {
        return db.read(c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT local_ref, procedure, received_at, body, created_at FROM receipts ORDER BY created_at DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(stored(rs));
                }
            }
            return out;
        });
    }

    public Optional<Stored> find(String localRef) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT local_ref, procedure, received_at, body, created_at FROM receipts WHERE local_ref = ?")) {
                ps.setString(1, localRef);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(stored(rs)) : Optional.<Stored>empty();
                }
            }
        });
    }

    private Stored stored(ResultSet rs) throws java.sql.SQLException {
        String ref = rs.getString(1);
        return new Stored(ref, rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), db.key().openText(rs.getBytes(4), context(ref)),
                Instant.ofEpochMilli(rs.getLong(5)));
    }

    private static String context(String localRef) {
        return "receipt:" + localRef;
    }

    /** Erases every receipt kept for reprinting, traces too; returns how many. */
    public int eraseAll() {
        return eraseBefore(Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    /** Erases receipts kept before {@code cutoff}; returns how many. */
    public int eraseBefore(Instant cutoff) {
        int erased = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM receipts WHERE created_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
        if (erased > 0) {
            db.eraseTraces();
        }
        return erased;
    }
}
