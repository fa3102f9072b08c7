package vn.motcua.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Drafts in the kiosk database. Every save is its own durable transaction. A working draft's
 * payload is sealed with the data key before it is written (it outlives a crash, so it is on
 * disk); a parked one holds the box the citizen's resume code opens, as it was given.
 */
public final class DraftStore {
    private final Database db;

    public DraftStore(Database db) {
        this.db = db;
    }

    public void save(Draft d) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO drafts(id, session_id, step, payload, parked, revision, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET session_id = excluded.session_id, step = excluded.step,
                      payload = excluded.payload, parked = excluded.parked, revision = excluded.revision,
                      updated_at = excluded.updated_at""")) {
                ps.setString(1, d.id());
                ps.setString(2, d.sessionId());
                ps.setString(3, d.step());
                ps.setBytes(4, d.parked() ? d.payload() : db.key().seal(d.payload(), context(d.id())));
                ps.setInt(5, d.parked() ? 1 : 0);
                ps.setLong(6, d.revision());
                ps.setLong(7, d.updatedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Draft> find(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM drafts WHERE id = ?")) {
                ps.setString(1, id);
                List<Draft> found = list(ps);
                return found.stream().findFirst();
            }
        });
    }

    /** A session's working (unparked) draft, its latest save. */
    public Optional<Draft> workingDraft(String sessionId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM drafts WHERE session_id = ? AND parked = 0 ORDER BY revision DESC LIMIT 1")) {
                ps.setString(1, sessionId);
                return list(ps).stream().findFirst();
            }
        });
    }

    public List<Draft> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM drafts ORDER BY id")) {
                return list(ps);
            }
        });
    }

    /**
     * Parks a draft: its payload is replaced by the sealed box and it becomes findable by
     * {@code lookup} only. Returns false when another parked draft has the same lookup tag.
     */
    public boolean park(String id, byte[] lookup, byte[] box, Instant at) {
        return park(id, lookup, box, null, at);
    }

    /**
     * Parks a draft with a listing for volunteers ({@code listing}: the caller's text, sealed here
     * with the data key; null for none).
     */
    public boolean park(String id, byte[] lookup, byte[] box, String listing, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement clash = c.prepareStatement("SELECT 1 FROM drafts WHERE lookup = ?")) {
                clash.setBytes(1, lookup);
                try (ResultSet rs = clash.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE drafts SET payload = ?, lookup = ?, parked = 1, updated_at = ?, listing = ? WHERE id = ?")) {
                ps.setBytes(1, box);
                ps.setBytes(2, lookup);
                ps.setLong(3, at.toEpochMilli());
                ps.setBytes(4, listing == null ? null : db.key().sealText(listing, listingContext(id)));
                ps.setString(5, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** A parked draft as a volunteer's list shows it: its listing text (null when it has none) and when it was parked. */
    public record Listing(String id, String text, Instant parkedAt) {}

    /** Every parked draft's listing, most recently parked first. */
    public List<Listing> parkedListings() {
        return db.read(c -> {
            List<Listing> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, listing, updated_at FROM drafts WHERE parked = 1 ORDER BY updated_at DESC, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    byte[] sealed = rs.getBytes(2);
                    out.add(new Listing(id, sealed == null ? null : db.key().openText(sealed, listingContext(id)),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
            return out;
        });
    }

    /** The parked draft with this lookup tag. */
    public Optional<Draft> findParked(byte[] lookup) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM drafts WHERE parked = 1 AND lookup = ?")) {
                ps.setBytes(1, lookup);
                return list(ps).stream().findFirst();
            }
        });
    }

    public void delete(String id) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM drafts WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
        db.eraseTraces();
    }

    /** Erases the drafts of a session that were not parked, traces too; returns how many. */
    public int eraseUnparked(String sessionId) {
        int erased = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM drafts WHERE session_id = ? AND parked = 0")) {
                ps.setString(1, sessionId);
                return ps.executeUpdate();
            }
        });
        db.eraseTraces();
        return erased;
    }

    /** Erases every parked draft, traces too; returns how many. */
    public int eraseParked() {
        return eraseParkedBefore(Instant.ofEpochMilli(Long.MAX_VALUE));
    }

    /** Erases parked drafts last saved before {@code cutoff}, traces too; returns how many. */
    public int eraseParkedBefore(Instant cutoff) {
        int erased = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM drafts WHERE parked = 1 AND updated_at < ?")) {
                ps.setLong(1, cutoff.toEpochMilli());
                return ps.executeUpdate();
            }
        });
        if (erased > 0) {
            db.eraseTraces();
        }
        return erased;
    }

    private List<Draft> list(PreparedStatement ps) throws SQLException {
        List<Draft> drafts = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString("id");
                boolean parked = rs.getInt("parked") == 1;
                byte[] payload = rs.getBytes("payload");
                drafts.add(new Draft(id, rs.getString("session_id"), rs.getString("step"),
                        parked ? payload : db.key().open(payload, context(id)), parked, rs.getLong("revision"),
                        Instant.ofEpochMilli(rs.getLong("updated_at"))));
            }
        }
        return drafts;
    }

    private static String listingContext(String draftId) {
        return "draft-listing:" + draftId;
    }

    private static String context(String draftId) {
        return "draft:" + draftId;
    }
}
