// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.testing.TestClock;
import vn.motcua.kiosk.testing.TestKeys;

/** "Hủy hồ sơ" and expiry of refused entries: contents, portal words and papers gone; a tombstone without personal data stays. */
class OutboxDiscardTest {
    @TempDir
    Path dir;
    final TestClock clock = new TestClock();
    Database db;
    Outbox outbox;

    @BeforeEach
    void open() {
        db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
        outbox = new Outbox(new OutboxStore(db), dir.resolve("outbox"), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String refused() throws Exception {
        Path pdf = Files.write(dir.resolve("cccd.pdf"), new byte[4096]);
        String ref = outbox.add(new Outbox.Submission("lltp-self", OutboxTest.body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "cccd.pdf", pdf))));
        outbox.store().parked(ref, "createDossier 422: [$.applicant.fullName: NGUYỄN VĂN AN]", clock.instant());
        return ref;
    }

    @Test
    void aDiscardedEntryLeavesOnlyATombstoneAndIsToldAsCancelled() throws Exception {
        String ref = refused();
        byte[] sealedBody = column(ref, "body_json");
        byte[] sealedReason = column(ref, "parked_reason");
        assertThat(Files.list(dir.resolve("outbox").resolve(ref))).isNotEmpty();

        clock.advance(Duration.ofHours(2));
        OutboxStore.Tombstone t = outbox.discard(ref, DiscardReason.FILED_AT_DESK).orElseThrow();

        assertThat(t).isEqualTo(new OutboxStore.Tombstone(ref, "lltp-self", "FILED_AT_DESK", clock.instant()));
        assertThat(outbox.store().find(ref)).isEmpty();
        assertThat(outbox.queue()).isEmpty();
        assertThat(dir.resolve("outbox").resolve(ref)).doesNotExist();
        assertThat(count("SELECT COUNT(*) FROM outbox_documents")).isZero();
        // Not even the sealed boxes survive, in the file or its WAL.
        assertThat(contains(sealedBody)).isFalse();
        assertThat(contains(sealedReason)).isFalse();
        // A citizen with the reference is told it was cancelled, whatever digits they type.
        assertThat(outbox.whereabouts(ref, "5678")).isEqualTo(new Outbox.Whereabouts.Cancelled(clock.instant(), DiscardReason.FILED_AT_DESK));
        assertThat(outbox.whereabouts(ref, "0000")).isInstanceOf(Outbox.Whereabouts.Cancelled.class);
        assertThat(outbox.whereabouts("CG-261123-ABCDEF", "5678")).isInstanceOf(Outbox.Whereabouts.Unknown.class);
    }

    @Test
    void onlyARefusedEntryCanBeDiscarded() throws Exception {
        Path pdf = Files.write(dir.resolve("a.pdf"), new byte[10]);
        String waiting = outbox.add(new Outbox.Submission("lltp-self", OutboxTest.body("lltp-self", "0912345678"),
                List.of(new Outbox.Paper("idCard", "a.pdf", pdf))));
        assertThat(outbox.discard(waiting, DiscardReason.DUPLICATE)).isEmpty();
        assertThat(outbox.store().find(waiting)).isPresent();
        assertThat(dir.resolve("outbox").resolve(waiting)).isDirectory();

        String ref = refused();
        assertThat(outbox.discard(ref, DiscardReason.DUPLICATE)).isPresent();
        assertThat(outbox.discard(ref, DiscardReason.DUPLICATE)).as("twice").isEmpty();
        assertThatThrownBy(() -> outbox.discard(waiting, DiscardReason.EXPIRED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusedEntriesPastTheirDaysExpireIntoTombstones() throws Exception {
        String old = refused();
        clock.advance(Duration.ofDays(10));
        String recent = refused();
        clock.advance(Duration.ofDays(5)); // old: refused 15 days ago; recent: 5

        assertThat(outbox.expireRefused(clock.instant().minus(Duration.ofDays(14)))).isEqualTo(1);

        assertThat(outbox.store().find(old)).isEmpty();
        assertThat(dir.resolve("outbox").resolve(old)).doesNotExist();
        assertThat(outbox.store().tombstone(old).orElseThrow().reason()).isEqualTo("EXPIRED");
        assertThat(outbox.store().find(recent)).isPresent();
        assertThat(outbox.expireRefused(clock.instant().minus(Duration.ofDays(14)))).isZero();
    }

    private byte[] column(String ref, String column) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM outbox WHERE local_ref = ?")) {
                ps.setString(1, ref);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.getBytes(1);
                }
            }
        });
    }

    private int count(String sql) {
        return db.read(c -> {
            try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                return rs.getInt(1);
            }
        });
    }

    /** Whether the database file or its WAL holds these bytes anywhere. */
    private boolean contains(byte[] needle) throws Exception {
        for (Path p : List.of(dir.resolve("kiosk.db"), dir.resolve("kiosk.db-wal"))) {
            if (!Files.exists(p)) {
                continue;
            }
            byte[] hay = Files.readAllBytes(p);
            for (int i = 0; i + needle.length <= hay.length; i++) {
                if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                    return true;
                }
            }
        }
        return false;
    }
}
