// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** The last catalogue answers of the portal, by kind ("procedures"), with their ETag. */
public final class PortalCatalogueCache {
    public record Cached(String etag, String body, Instant fetchedAt) {}

    private final Database db;

    public PortalCatalogueCache(Database db) {
        this.db = db;
    }

    public Optional<Cached> get(String kind) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT etag, body, fetched_at FROM portal_catalogue WHERE kind = ?")) {
                ps.setString(1, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Cached(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                            : Optional.<Cached>empty();
                }
            }
        });
    }

    public void put(String kind, String etag, String body, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO portal_catalogue(kind, etag, body, fetched_at) VALUES (?,?,?,?)"
                    + " ON CONFLICT(kind) DO UPDATE SET etag = excluded.etag, body = excluded.body, fetched_at = excluded.fetched_at")) {
                ps.setString(1, kind);
                ps.setString(2, etag);
                ps.setString(3, body);
                ps.setLong(4, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }
}
