package vn.motcua.kiosk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's one SQLite file: drafts, the event log and (later) the outbox. WAL with
 * {@code synchronous=FULL}, so a write that returned survives a killed process and a power cut.
 * One connection, used under a lock: the kiosk writes little, and SQLite serialises writers anyway.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Applied in order; {@code PRAGMA user_version} records how many have run. Never edit one that shipped. */
    static final List<String> MIGRATIONS = List.of("V1__sessions_drafts_events.sql", "V2__parked_draft_lookup.sql",
            "V3__outbox.sql", "V4__portal_catalogue.sql", "V5__receipts.sql");

    private final Connection connection;
    private final Path file;
    private volatile Runnable beforeWrite = () -> {};

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA foreign_keys=ON");
                s.execute("PRAGMA busy_timeout=5000");
            }
            Database db = new Database(file, c);
            db.migrate();
            return db;
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open the kiosk database " + file, e);
        }
    }

    public Path file() {
        return file;
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
