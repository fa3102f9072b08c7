package vn.motcua.kiosk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReaderBurstTest {
    private static final String QR = "001095012345||Nguyễn Văn An|15081995|Nam|Hà Nội|10042021";

    @Test
    void aReadersBurstEndingWithEnterIsAScan() {
        ReaderBurst burst = new ReaderBurst();
        long t = 1_000;
        for (char c : QR.toCharArray()) {
            burst.typed(c, t += 4);
        }
        assertThat(burst.enter(t + 5)).contains(QR);
        assertThat(burst.length()).isZero();
    }

    @Test
    void aPersonTypingIsNotAScan() {
        ReaderBurst burst = new ReaderBurst();
        long t = 1_000;
        for (char c : "Nguyen Van An, Ha Noi, 0901234567".toCharArray()) {
            burst.typed(c, t += 120);
        }
        assertThat(burst.enter(t + 150)).isEmpty();
    }

    @Test
    void aPauseStartsANewBurstSoEarlierTypingIsNotPartOfTheScan() {
        ReaderBurst burst = new ReaderBurst();
        long t = 1_000;
        for (char c : "abc".toCharArray()) {
            burst.typed(c, t += 200);
        }
        t += 500;
        for (char c : QR.toCharArray()) {
            burst.typed(c, t += 3);
        }
        assertThat(burst.length()).isEqualTo(QR.length());
        assertThat(burst.enter(t + 3)).contains(QR);
    }

    @Test
    void aShortFastBurstIsNotAScan() {
        ReaderBurst burst = new ReaderBurst();
        long t = 0;
        for (char c : "0901234".toCharArray()) {
            burst.typed(c, t += 5);
        }
        assertThat(burst.enter(t + 5)).isEmpty();
    }

    @Test
    void aPauseOfTheKioskInsideAReadersBurstKeepsTheWholeScan() {
        ReaderBurst burst = new ReaderBurst();
        long t = 1_000;
        assertThat(burst.typed('k', t += 150)).isTrue();
        assertThat(burst.typed('h', t += 20)).isFalse(); // two quick keys: a person's, no reader's run
        t += 200;
        int i = 0;
        for (char c : QR.toCharArray()) {
            // The UI thread stops for 300 ms a third of the way in; the queued keys follow at once.
            boolean started = burst.typed(c, t += (i++ == 20 ? 300 : 1));
            assertThat(started).isEqualTo(i == 1);
        }
        assertThat(burst.enter(t + 400)).as("a pause just before Enter too").contains(QR);
    }

    @Test
    void aPauseLongerThanAnyStallEndsTheBurst() {
        ReaderBurst burst = new ReaderBurst();
        long t = 0;
        for (char c : "0123456789".toCharArray()) {
            burst.typed(c, t += 2);
        }
        t += ReaderBurst.MAX_STALL_MILLIS + 1;
        for (char c : QR.toCharArray()) {
            burst.typed(c, t += 2);
        }
        assertThat(burst.enter(t + 2)).contains(QR);
    }
}
