package vn.motcua.kiosk.sound;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SampledChimeTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(SampledChime.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    /** Power of one frequency in a stretch of samples (Goertzel). */
    private static double power(short[] pcm, double fromSeconds, double toSeconds, double hz) {
        int from = (int) (fromSeconds * SampledChime.SAMPLE_RATE);
        int to = (int) (toSeconds * SampledChime.SAMPLE_RATE);
        double k = 2 * Math.cos(2 * Math.PI * hz / SampledChime.SAMPLE_RATE);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = pcm[i] + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        return s1 * s1 + s2 * s2 - k * s1 * s2;
    }

    private static double rms(short[] pcm, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void theChimeIsTheRightLengthAudibleAndSoft() {
        short[] pcm = SampledChime.samples();
        assertThat(pcm).hasSize((int) Math.round(SampledChime.SAMPLE_RATE * SampledChime.SECONDS));
        int half = pcm.length / 2;
        assertThat(rms(pcm, 0, half)).as("first half").isGreaterThan(0.03 * Short.MAX_VALUE);
        assertThat(rms(pcm, half, pcm.length)).as("second half").isGreaterThan(0.01 * Short.MAX_VALUE);
        int peak = 0;
        for (short s : pcm) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak).as("soft: well below full scale").isLessThan(Short.MAX_VALUE / 2).isGreaterThan(Short.MAX_VALUE / 10);
        // No click at either end: it starts and ends at rest.
        assertThat(pcm[0]).isZero();
        assertThat(pcm[pcm.length - 1]).isZero();
    }

    @Test
    void itIsTwoTonesHighThenLow() {
        short[] pcm = SampledChime.samples();
        assertThat(power(pcm, 0.05, 0.45, SampledChime.HIGH_HZ)).isGreaterThan(10 * power(pcm, 0.05, 0.45, SampledChime.LOW_HZ));
        assertThat(power(pcm, 0.7, 1.2, SampledChime.LOW_HZ)).isGreaterThan(10 * power(pcm, 0.7, 1.2, SampledChime.HIGH_HZ));
    }

    @Test
    void theBytesPlayedAreTheSamplesAs16BitLittleEndianMono() {
        List<byte[]> played = new ArrayList<>();
        List<AudioFormat> formats = new ArrayList<>();
        SampledChime chime = new SampledChime(new SampledChime.Output() {
            @Override
            public boolean present(AudioFormat format) {
                return true;
            }

            @Override
            public void play(AudioFormat format, byte[] pcm) {
                formats.add(format);
                played.add(pcm);
            }
        }, Runnable::run);

        assertThat(chime.ring()).isTrue();

        short[] samples = SampledChime.samples();
        assertThat(played).singleElement().satisfies(bytes -> {
            assertThat(bytes).hasSize(2 * samples.length);
            int at = samples.length / 4;
            assertThat(bytes[2 * at]).isEqualTo((byte) samples[at]);
            assertThat(bytes[2 * at + 1]).isEqualTo((byte) (samples[at] >> 8));
        });
        AudioFormat f = formats.get(0);
        assertThat(f.getChannels()).isEqualTo(1);
        assertThat(f.getSampleSizeInBits()).isEqualTo(16);
        assertThat(f.isBigEndian()).isFalse();
        assertThat(f.getSampleRate()).isEqualTo(SampledChime.SAMPLE_RATE);
        assertThat(log.list).isEmpty();
    }

    @Test
    void withoutASoundDeviceItSaysSoAndLogsOnce() {
        List<byte[]> played = new ArrayList<>();
        SampledChime chime = new SampledChime(new SampledChime.Output() {
            @Override
            public boolean present(AudioFormat format) {
                return false;
            }

            @Override
            public void play(AudioFormat format, byte[] pcm) {
                played.add(pcm);
            }
        }, Runnable::run);

        assertThat(chime.ring()).isFalse();
        assertThat(chime.ring()).isFalse();
        assertThat(played).isEmpty();
        assertThat(log.list).hasSize(1);
    }

    @Test
    void aDeviceThatWillNotOpenIsReportedFromTheNextRingAndLoggedOnce() {
        SampledChime chime = new SampledChime(new SampledChime.Output() {
            @Override
            public boolean present(AudioFormat format) {
                return true;
            }

            @Override
            public void play(AudioFormat format, byte[] pcm) throws LineUnavailableException {
                throw new LineUnavailableException("device busy");
            }
        }, Runnable::run);

        chime.ring();
        assertThat(chime.ring()).isFalse();
        assertThat(chime.ring()).isFalse();
        assertThat(log.list).hasSize(1);
    }
}
