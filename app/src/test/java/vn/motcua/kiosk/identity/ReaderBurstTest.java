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
}
