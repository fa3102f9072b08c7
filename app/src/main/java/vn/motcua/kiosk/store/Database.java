package vn.motcua.kiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.privacy.DataKey;
import vn.motcua.kiosk.privacy.PrivateFiles;

/**
 * The kiosk's one SQLite file: drafts, the event log, the outbox, reprint copies. WAL with
 * {@code synchronous=FULL}, so a write that returned survives a killed process and a power cut.
 * One connection, used under a lock: the kiosk writes little, and SQLite serialises writers anyway.
 * Personal columns hold boxes sealed with the {@link DataKey}; {@code secure_delete} zeroes what
 * a delete frees, and {@link #eraseTraces()} empties the WAL after an erasure, so erased rows
 * survive in no free page and no old WAL frame. The file is 0600 in a 0700 folder.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Applied in order; {@code PRAGMA user_version} records how many have run. Never edit one that shipped. */
    static final List<String> MIGRATIONS = List.of("V1__sessions_drafts_events.sql", "V2__parked_draft_lookup.sql",
            "V3__outbox.sql", "V4__portal_catalogue.sql", "V5__receipts.sql", "V6__sealed_personal_data.sql",
            "V7__outbox_tombstones.sql", "V8__volunteers.sql", "V9__parked_listing.sql");
    /** The first schema whose personal columns are sealed: a file migrated past it is vacuumed once. */
    private static final int SEALED_SINCE = 6;

    private final Connection connection;
    private final Path file;
    private final DataKey key;
    private volatile Runnable beforeWrite = () -> {};
    /** Whether this open migrated a file from before {@link #SEALED_SINCE}: its plaintext is sealed, then scrubbed. */
    private boolean plaintextBefore;

    private Database(Path file, Connection connection, DataKey key) {
        this.file = file;
        this.connection = connection;
        this.key = key;
    }

    public static Database open(Path file, DataKey key) {
        try {
            PrivateFiles.folder(file.toAbsolutePath().getParent());
            PrivateFiles.ensureFile(file); // SQLite makes the -wal and -shm with the database file's mode
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
                s.execute("PRAGMA secure_delete=ON");
                s.execute("PRAGMA temp_store=MEMORY"); // no temporary files with row data in /var/tmp
            }
            Database db = new Database(file, c, key);
            db.migrate();
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the kiosk database " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The key the personal columns are sealed with. */
    public DataKey key() {
        return key;
    }

    /**
     * After an erasure: moves every WAL frame into the database file (where {@code secure_delete}
     * has zeroed the freed cells) and truncates the WAL to nothing, so no older version of an
     * erased row is left in it. A file that held plaintext before {@link #SEALED_SINCE} is vacuumed
     * the first time, so its free pages go too.
     */
    public synchronized void eraseTraces() {
        try (Statement s = connection.createStatement()) {
            if (plaintextBefore) {
                s.execute("VACUUM");
                plaintextBefore = false;
            }
            try (ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                if (rs.next() && rs.getInt(1) != 0) {
                    // Only this connection uses the file: busy means another process has it open.
                    LOG.warn("the WAL could not be emptied after an erasure (another process has the database open)");
                }
            }
        } catch (SQLException e) {
            throw new StoreException("emptying the WAL after an erasure failed", e);
        }
    }

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code hook} on the writing thread before each write, outside the lock (tests: which
     * thread writes, and holding a write to see what waits for it).
     */
    public void beforeEachWrite(Runnable hook) {
        beforeWrite = hook;
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none. */
    public <T> T inTransaction(Work<T> work) {
        beforeWrite.run();
        return transaction(work);
    }

    private synchronized <T> T transaction(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database write failed", e);
        }
    }

    /** Reads without a transaction of its own. */
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("database read failed", e);
        }
    }

    public int schemaVersion() {
        return read(Database::userVersion);
    }

    /** {@code PRAGMA integrity_check}: "ok" when the file is sound. */
    public String integrityCheck() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                return rs.next() ? rs.getString(1) : "no answer";
            }
        });
    }

    private void migrate() throws SQLException {
        int current = userVersion(connection);
        if (current > MIGRATIONS.size()) {
            throw new SQLException("database schema " + current + " is newer than this kiosk ("
                    + MIGRATIONS.size() + "); install the newer kiosk version");
        }
        plaintextBefore = current > 0 && current < SEALED_SINCE;
        for (int i = current; i < MIGRATIONS.size(); i++) {
            String name = MIGRATIONS.get(i);
            int version = i + 1;
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(name)) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + version);
                }
                return null;
            });
            LOG.info("database migrated to schema {} ({})", version, name);
        }
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        }
    }

    private static List<String> statements(String name) throws SQLException {
        try (InputStream in = Database.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new SQLException("migration " + name + " is missing from the application");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return List.of(text.split(";\\s*(\\R|$)")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new SQLException("cannot read migration " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing the database failed", e);
        }
    }
}
