// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.kiosk.testing.Bytes.indexOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.testing.TestKeys;

/** "Erased" means gone from the files: the database, its WAL, and the free pages of both. */
class ErasedRowsTest {
    private static final String NAME = "Khổng Thị Ỷ Lan Quyên";

    @TempDir
    Path dir;

    @Test
    void aDraftIsNeverOnDiskInPlainText() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (Database db = TestKeys.openDatabase(file)) {
            DraftStore drafts = new DraftStore(db);
            drafts.save(new Draft("d1", "s1", "FORM", json(NAME), false, 1, Instant.EPOCH));
            assertThat(new String(drafts.find("d1").orElseThrow().payload(), StandardCharsets.UTF_8)).contains(NAME);
            assertThat(hits(List.of(file, wal(file)), NAME)).isEmpty();
        }
    }

    @Test
    void aDeletedRowLeavesNoBytesInTheFileOrTheWal() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (Database db = TestKeys.openDatabase(file)) {
            // Plain text on purpose, as a row without the data key would be: the delete alone must scrub it.
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO portal_catalogue(kind, body, fetched_at) VALUES (?, ?, 0)")) {
                    ps.setString(1, "probe");
                    ps.setString(2, (NAME + " ").repeat(2000)); // spills into overflow pages
                    return ps.executeUpdate();
                }
            });
            db.eraseTraces(); // the row reaches the database file itself
            db.inTransaction(c -> c.createStatement().executeUpdate("DELETE FROM portal_catalogue WHERE kind = 'probe'"));
            assertThat(hits(List.of(file, wal(file)), NAME)).isNotEmpty(); // the WAL still has it
            db.eraseTraces();
            assertThat(wal(file)).satisfiesAnyOf(w -> assertThat(w).doesNotExist(), w -> assertThat(w).isEmptyFile());
            assertThat(hits(List.of(file, wal(file)), NAME)).isEmpty();
        }
    }

    @Test
    void anOlderKiosksPlainOutboxEntryIsSealedAndTheFileScrubbedAtTheNextStart() throws Exception {
        Path file = dir.resolve("kiosk.db");
        try (Database db = TestKeys.openDatabase(file)) {
            // What a schema-5 kiosk left: a waiting entry with its body in plain text.
            db.inTransaction(c -> {
                try (var s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO outbox(local_ref, procedure_id, idempotency_key, body_json, state, created_at, updated_at)"
                            + " VALUES ('CG-261204-ABCDEF', 'lltp-self', 'k1', '{\"applicant\":{\"fullName\":\"" + NAME + "\"}}',"
                            + " 'QUEUED', 0, 0)");
                    s.executeUpdate("DROP TABLE outbox_tombstones"); // these came after schema 5
                    s.executeUpdate("DROP TABLE volunteers");
                    s.executeUpdate("ALTER TABLE drafts DROP COLUMN listing");
                    return s.executeUpdate("PRAGMA user_version = 5");
                }
            });
            db.eraseTraces();
            assertThat(hits(List.of(file), NAME)).isNotEmpty();
        }
        try (Database db = TestKeys.openDatabase(file)) {
            OutboxStore outbox = new OutboxStore(db);
            assertThat(outbox.sealPlaintext()).isEqualTo(1);
            db.eraseTraces();
            assertThat(outbox.find("CG-261204-ABCDEF").orElseThrow().bodyJson()).contains(NAME);
            assertThat(hits(List.of(file, wal(file)), NAME)).isEmpty();
            assertThat(outbox.sealPlaintext()).isZero();
        }
    }

    @Test
    void theDatabaseAndItsWalAreOwnerOnly() throws Exception {
        Path file = dir.resolve("data").resolve("kiosk.db");
        try (Database db = TestKeys.openDatabase(file)) {
            new DraftStore(db).save(new Draft("d1", "s1", "FORM", json("x"), false, 1, Instant.EPOCH));
            for (Path p : List.of(file, wal(file), file.resolveSibling("kiosk.db-shm"))) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).as(p.toString()).isEqualTo("rw-------");
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        }
    }

    private static byte[] json(String name) {
        return ("{\"answers\":{\"applicant.fullName\":\"" + name + "\"}}").getBytes(StandardCharsets.UTF_8);
    }

    private static Path wal(Path file) {
        return file.resolveSibling(file.getFileName() + "-wal");
    }

    private static List<Path> hits(List<Path> files, String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> found = new java.util.ArrayList<>();
        for (Path f : files) {
            if (Files.exists(f) && indexOf(Files.readAllBytes(f), needle) >= 0) {
                found.add(f);
            }
        }
        return found;
    }
}
