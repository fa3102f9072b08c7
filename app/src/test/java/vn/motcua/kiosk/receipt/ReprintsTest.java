// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.receipt;

import vn.motcua.kiosk.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.ReceiptStore;
import vn.motcua.kiosk.testing.TestClock;

/** The day's receipts in SQLite: the paper again without what the session alone held, gone the next day. */
class ReprintsTest {
    @TempDir
    Path dir;
    // 10:00 in Vietnam.
    private final TestClock clock = new TestClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final Map<String, String> codes = new HashMap<>();
    private Database db;
    private Reprints reprints;

    @BeforeEach
    void open() {
        db = TestKeys.openDatabase(dir.resolve("kiosk.db"));
        reprints = new Reprints(new ReceiptStore(db), ref -> Optional.ofNullable(codes.get(ref)), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aReprintIsThePaperWithoutTheSessionsDetailsAndGoesWithTheDay() {
        Receipt original = Receipts.filed(true);
        reprints.remember(original);
        reprints.remember(Receipts.queued());

        Receipt again = reprints.receipt(original.receiptNumber()).orElseThrow();
        assertThat(again.dossierCode()).isEqualTo(original.dossierCode());
        assertThat(again.applicant().name()).isEqualTo(original.applicant().name());
        assertThat(again.applicant().idNumber()).isNull();
        assertThat(again.applicant().phone()).isNull();
        assertThat(again.applicant().address()).isNull();
        assertThat(again.applicant().email()).isNull();
        assertThat(again.documents()).isEqualTo(original.documents());
        assertThat(again.fee()).isEqualTo(original.fee());
        assertThat(again.receivedAt()).isEqualTo(original.receivedAt());
        assertThat(again.dueAt()).isEqualTo(original.dueAt());
        assertThat(again.qrContent()).isEqualTo(original.qrContent());
        assertThat(again.training()).isTrue();
        // Delivery by post named the citizen's address: only the channel is kept.
        Receipt queued = reprints.receipt(Receipts.queued().receiptNumber()).orElseThrow();
        assertThat(queued.delivery()).isEqualTo(new Receipt.Delivery(Receipt.ResultChannel.POST, null));
        assertThat(new ReceiptRenderer().render(again, ReceiptLayout.A5)).isNotEmpty();

        // The waiting dossier got its code: the list and the paper say so.
        codes.put(Receipts.queued().localReference(), "000.25.14.H56-261122-0007");
        assertThat(reprints.today()).extracting(Reprints.Entry::trackingCode)
                .containsExactlyInAnyOrder(Receipts.CODE, "000.25.14.H56-261122-0007");
        assertThat(reprints.receipt(Receipts.queued().receiptNumber()).orElseThrow().queued()).isFalse();

        // Past midnight in Vietnam: nothing of yesterday is shown, and the housekeeping erases it.
        clock.advance(Duration.ofHours(14));
        assertThat(reprints.today()).isEmpty();
        assertThat(reprints.receipt(original.receiptNumber())).isEmpty();
        assertThat(reprints.eraseEarlierDays()).isEqualTo(2);
        assertThat(new ReceiptStore(db).all()).isEmpty();
    }

    @Test
    void lookingAtTheListErasesNothingAndTodaysCopiesStayThroughTheDay() {
        reprints.remember(Receipts.filed(true));
        clock.advance(Duration.ofHours(13)); // 23:00 in Vietnam
        assertThat(reprints.eraseEarlierDays()).isZero();
        assertThat(reprints.today()).hasSize(1);
        clock.advance(Duration.ofHours(1)); // 00:00 the next day
        assertThat(reprints.today()).isEmpty();
        assertThat(new ReceiptStore(db).all()).as("the list alone erases nothing").hasSize(1);
        assertThat(reprints.eraseEarlierDays()).isEqualTo(1);
    }
}
