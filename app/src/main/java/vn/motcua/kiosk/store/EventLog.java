package vn.motcua.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The kiosk's audit trail of sessions, consent and erasure (the privacy law asks that consent
 * and deletion be provable). It takes an {@link EventType} and a detail made of counts and
 * reasons; callers never pass names, ID numbers or answers.
 */
public final class EventLog {
    private final Database db;
    private final Clock clock;

    public EventLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public void record(EventType type, String sessionId, String detail) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO events(at, type, session_id, detail) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, type.name());
                ps.setString(3, sessionId);
                ps.setString(4, detail);
                return ps.executeUpdate();
            }
        });
    }

    /** The events recorded from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<Event> between(Instant from, Instant to) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM events WHERE at >= ? AND at < ? ORDER BY id")) {
                ps.setLong(1, from.toEpochMilli());
                ps.setLong(2, to.toEpochMilli());
                return rows(ps);
            }
        });
    }

    /** The newest {@code limit} events, oldest first. */
    public List<Event> recent(int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM (SELECT * FROM events ORDER BY id DESC LIMIT ?) ORDER BY id")) {
                ps.setInt(1, limit);
                return rows(ps);
            }
        });
    }

    private static List<Event> rows(PreparedStatement ps) throws java.sql.SQLException {
        List<Event> events = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                events.add(new Event(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("at")),
                        EventType.valueOf(rs.getString("type")), rs.getString("session_id"),
                        rs.getString("detail")));
            }
        }
        return events;
    }
}
