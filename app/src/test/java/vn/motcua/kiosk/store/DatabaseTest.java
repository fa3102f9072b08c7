package vn.motcua.kiosk.store;

import vn.motcua.kiosk.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void newDatabaseGetsEveryMigrationInWalMode() {
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            assertThat(db.schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
            assertThat(db.integrityCheck()).isEqualTo("ok");
            String mode = db.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                    return rs.getString(1);
                }
            });
            assertThat(mode).isEqualTo("wal");
        }
    }

    @Test
    void reopeningKeepsDataAndDoesNotMigrateTwice() {
        Path file = dir.resolve("kiosk.db");
        try (Database db = TestKeys.openDatabase(file)) {
            new DraftStore(db).save(new Draft("d1", "s1", "FORM", new byte[] {1, 2}, false, 1, Instant.EPOCH));
        }
        try (Database db = TestKeys.openDatabase(file)) {
            assertThat(db.schemaVersion()).isEqualTo(Database.MIGRATIONS.size());
            assertThat(new DraftStore(db).find("d1")).get().extracting(Draft::revision).isEqualTo(1L);
        }
    }

    @Test
    void aDatabaseFromANewerKioskIsRefused() {
        Path file = dir.resolve("kiosk.db");
        try (Database db = TestKeys.openDatabase(file)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.execute("PRAGMA user_version = 99");
                }
            });
        }
        assertThatThrownBy(() -> TestKeys.openDatabase(file)).isInstanceOf(StoreException.class)
                .hasRootCauseMessage("database schema 99 is newer than this kiosk (" + Database.MIGRATIONS.size()
                        + "); install the newer kiosk version");
    }

    @Test
    void aFileThatIsNotADatabaseIsAStoreException() throws Exception {
        Path file = dir.resolve("kiosk.db");
        Files.writeString(file, "this is not sqlite ".repeat(100));
        assertThatThrownBy(() -> TestKeys.openDatabase(file)).isInstanceOf(StoreException.class);
    }

    @Test
    void draftsUpsertAndEraseUnparkedOnly() {
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            DraftStore drafts = new DraftStore(db);
            drafts.save(new Draft("a", "s1", "FORM", new byte[] {1}, false, 1, Instant.EPOCH));
            drafts.save(new Draft("a", "s1", "PAPERS", new byte[] {2}, false, 2, Instant.EPOCH));
            drafts.save(new Draft("b", "s1", "FORM", new byte[] {3}, true, 1, Instant.EPOCH));
            assertThat(drafts.find("a")).get().extracting(Draft::step).isEqualTo("PAPERS");
            assertThat(drafts.eraseUnparked("s1")).isEqualTo(1);
            assertThat(drafts.all()).extracting(Draft::id).containsExactly("b");
        }
    }

    @Test
    void parkedDraftsExpire() {
        try (Database db = TestKeys.openDatabase(dir.resolve("kiosk.db"))) {
            DraftStore drafts = new DraftStore(db);
            drafts.save(new Draft("old", "s1", "FORM", new byte[] {1}, true, 1, Instant.parse("2026-01-01T00:00:00Z")));
            drafts.save(new Draft("new", "s2", "FORM", new byte[] {1}, true, 1, Instant.parse("2026-03-01T00:00:00Z")));
            assertThat(drafts.eraseParkedBefore(Instant.parse("2026-02-01T00:00:00Z"))).isEqualTo(1);
            assertThat(drafts.all()).extracting(Draft::id).containsExactly("new");
        }
    }
}
