// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The training portal's own SQLite file. One connection, used under this object's lock: the
 * portal serves a training room, not a province, and serialising writes keeps "one dossier per
 * Idempotency-Key" simple to get right. Document bytes live in files next to it, not in SQLite.
 */
final class Store implements AutoCloseable {
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS devices (kiosk_id TEXT PRIMARY KEY, secret_sha256 TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS tokens (token_sha256 TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, expires_at_ms INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS dossiers (id TEXT PRIMARY KEY, kiosk_id TEXT NOT NULL, procedure_id TEXT NOT NULL,"
            + " agency_code TEXT NOT NULL, copies INTEGER NOT NULL, fee INTEGER NOT NULL, fee_breakdown TEXT NOT NULL,"
            + " phone_last4 TEXT NOT NULL, body TEXT NOT NULL, local_ref TEXT, state TEXT NOT NULL, created_at TEXT NOT NULL,"
            + " code TEXT UNIQUE, seq INTEGER, received_at TEXT, due_at TEXT, in_progress_plan TEXT, done_plan TEXT,"
            + " status TEXT, forced INTEGER NOT NULL DEFAULT 0, done_at TEXT, stored_at_ms INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS history (dossier_id TEXT NOT NULL, status TEXT NOT NULL, at TEXT NOT NULL, note TEXT)",
        "CREATE TABLE IF NOT EXISTS idempotency (kiosk_id TEXT NOT NULL, key TEXT NOT NULL, body_sha256 TEXT NOT NULL,"
            + " dossier_id TEXT NOT NULL, PRIMARY KEY (kiosk_id, key))",
        "CREATE TABLE IF NOT EXISTS uploads (id TEXT PRIMARY KEY, dossier_id TEXT NOT NULL, doc_type TEXT NOT NULL,"
            + " filename TEXT NOT NULL, length INTEGER NOT NULL, offset INTEGER NOT NULL, sha256 TEXT NOT NULL,"
            + " state TEXT NOT NULL, created_at TEXT NOT NULL, idempotency_key TEXT)",
        "CREATE TABLE IF NOT EXISTS sequences (agency_code TEXT NOT NULL, day TEXT NOT NULL, last INTEGER NOT NULL,"
            + " PRIMARY KEY (agency_code, day))",
        "CREATE TABLE IF NOT EXISTS payments (id TEXT PRIMARY KEY, dossier_id TEXT NOT NULL, amount INTEGER NOT NULL,"
            + " payload TEXT NOT NULL, purpose TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, paid_at TEXT)",
        "CREATE TABLE IF NOT EXISTS lookups (id TEXT PRIMARY KEY, dossier_id TEXT NOT NULL, expires_at_ms INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS withdrawn (procedure_id TEXT PRIMARY KEY)",
        "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS history_dossier ON history (dossier_id)",
        "CREATE INDEX IF NOT EXISTS uploads_dossier ON uploads (dossier_id)",
        "CREATE INDEX IF NOT EXISTS payments_dossier ON payments (dossier_id)",
    };

    private final Connection connection;

    Store(Path file) {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
                // Deleted rows are overwritten with zeros, so an erased dossier leaves no bytes in the file.
                s.execute("PRAGMA secure_delete=ON");
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
                addStoredAt(s);
                addUploadKey(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the training portal database " + file, e);
        }
    }

    /**
     * A store from before erasure has no stored_at_ms: its dossiers count as stored now, so that an
     * upgrade does not erase a training session under way; they go when the kept days have passed.
     */
    private static void addStoredAt(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('dossiers') WHERE name = 'stored_at_ms'")) {
            if (rs.next()) {
                return;
            }
        }
        s.execute("ALTER TABLE dossiers ADD COLUMN stored_at_ms INTEGER NOT NULL DEFAULT 0");
        s.execute("UPDATE dossiers SET stored_at_ms = " + System.currentTimeMillis());
    }

    /** A store from before idempotent tus creation: its uploads have no key (they were made without one). */
    private static void addUploadKey(Statement s) throws SQLException {
        boolean has;
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM pragma_table_info('uploads') WHERE name = 'idempotency_key'")) {
            has = rs.next();
        }
        if (!has) {
            s.execute("ALTER TABLE uploads ADD COLUMN idempotency_key TEXT");
        }
        s.execute("CREATE UNIQUE INDEX IF NOT EXISTS uploads_key ON uploads (dossier_id, idempotency_key)");
    }

    /** Copies the WAL into the database and empties it, so that what was deleted is gone from both files. */
    synchronized void checkpoint() {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs work in one transaction; nested calls join the outer one. */
    synchronized <T> T tx(Supplier<T> work) {
        try {
            if (!connection.getAutoCommit()) {
                return work.get();
            }
            connection.setAutoCommit(false);
            try {
                T result = work.get();
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized int update(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized List<Map<String, Object>> query(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Map<String, Object>> one(String sql, Object... args) {
        List<Map<String, Object>> rows = query(sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    Optional<Map<String, Object>> dossier(String id) {
        return one("SELECT * FROM dossiers WHERE id = ?", id);
    }

    Optional<String> setting(String key) {
        return one("SELECT value FROM settings WHERE key = ?", key).map(r -> (String) r.get("value"));
    }

    void setting(String key, String value) {
        update("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at shutdown: nothing left to do with the error
        }
    }
}
