package vn.motcua.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which sessions started and which ended. A session with no end was cut off by a crash or a power
 * cut; at start-up its leftovers are found here and erased once they are too old to resume.
 */
public final class SessionStore {
    private final Database db;

    public SessionStore(Database db) {
        this.db = db;
    }

    public record Interrupted(String id, Instant startedAt, Instant lastSaved) {}

    public void started(String id, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions(id, started_at) VALUES (?, ?)")) {
                ps.setString(1, id);
                ps.setLong(2, at.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public void ended(String id, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET ended_at = ? WHERE id = ?")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** Sessions that never ended, with the time of their last saved draft (or their start). */
    public List<Interrupted> interrupted() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id, s.started_at, MAX(s.started_at, COALESCE(MAX(d.updated_at), 0)) AS last_saved
                    FROM sessions s LEFT JOIN drafts d ON d.session_id = s.id
                    WHERE s.ended_at IS NULL GROUP BY s.id ORDER BY s.started_at""")) {
                List<Interrupted> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Interrupted(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                                Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
                return found;
            }
        });
    }
}
