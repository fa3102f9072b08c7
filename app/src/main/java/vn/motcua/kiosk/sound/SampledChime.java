package vn.motcua.kiosk.sound;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.help.Chime;

/**
 * The help chime on the sound card (javax.sound.sampled): a soft "ding-dong", synthesised, so no
 * audio file ships. A machine without a sound device is logged once and reported by
 * {@link #ring()}; the kiosk still shows the call on screen.
 */
public final class SampledChime implements Chime {
    private static final Logger LOG = LoggerFactory.getLogger(SampledChime.class);

    public static final float SAMPLE_RATE = 44_100f;
    public static final double SECONDS = 1.4;
    /** E5 then C5: the familiar doorbell interval, gentle in a quiet office. */
    public static final double HIGH_HZ = 659.25;
    public static final double LOW_HZ = 523.25;
    private static final double LOW_STARTS = 0.55;
    /** Well below full scale: a call, not an alarm. */
    private static final double PEAK = 0.3;
    private static final double FADE_SECONDS = 0.05;

    static final AudioFormat FORMAT = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
    private static final byte[] PCM = bytes(samples());

    /** Where the sound goes: the sound card, or a test's recorder. */
    public interface Output {
        boolean present(AudioFormat format);

        /** Plays to the end (blocking). */
        void play(AudioFormat format, byte[] pcm) throws LineUnavailableException;
    }

    private final Output output;
    private final Executor player;
    private final AtomicBoolean logged = new AtomicBoolean();
    private volatile boolean lastPlayFailed;

    /** The sound card, played on a thread of its own that ends when idle. */
    public SampledChime() {
        this(new SoundCard(), playerThread());
    }

    SampledChime(Output output, Executor player) {
        this.output = output;
        this.player = player;
    }

    private static Executor playerThread() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "kiosk-chime");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public boolean ring() {
        boolean present;
        try {
            present = output.present(FORMAT);
        } catch (RuntimeException e) {
            present = false;
        }
        if (!present) {
            warnOnce("no sound device for the help chime; the call shows on screen only");
            return false;
        }
        player.execute(this::play);
        // Opening the line happens on the player's thread: a device that refused last time is reported now.
        return !lastPlayFailed;
    }

    private void play() {
        try {
            output.play(FORMAT, PCM);
            lastPlayFailed = false;
        } catch (LineUnavailableException | RuntimeException e) {
            lastPlayFailed = true;
            warnOnce("the help chime could not play (" + e.getClass().getSimpleName() + "); the call shows on screen only");
        }
    }

    private void warnOnce(String message) {
        if (logged.compareAndSet(false, true)) {
            LOG.warn(message);
        }
    }

    /** Two bell-like tones, high then low, each with a short attack and a slow decay; silent at both ends. */
    static short[] samples() {
        int n = (int) Math.round(SAMPLE_RATE * SECONDS);
        int fade = (int) (FADE_SECONDS * SAMPLE_RATE);
        short[] out = new short[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) SAMPLE_RATE;
            double v = tone(t, HIGH_HZ) + tone(t - LOW_STARTS, LOW_HZ);
            double tail = Math.min(1, (n - 1 - i) / (double) fade);
            out[i] = (short) Math.round(v * tail * PEAK * Short.MAX_VALUE);
        }
        return out;
    }

    /** A tone struck at t = 0: its note plus a quieter octave for a bell's colour. */
    private static double tone(double t, double hz) {
        if (t < 0) {
            return 0;
        }
        double attack = Math.min(1, t / 0.01);
        double decay = Math.exp(-3 * t);
        double wave = Math.sin(2 * Math.PI * hz * t) + 0.25 * Math.sin(2 * Math.PI * 2 * hz * t);
        return attack * decay * wave / 1.25;
    }

    /** 16-bit little-endian, as {@link #FORMAT} says. */
    static byte[] bytes(short[] samples) {
        byte[] b = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            b[2 * i] = (byte) samples[i];
            b[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return b;
    }

    private static final class SoundCard implements Output {
        @Override
        public boolean present(AudioFormat format) {
            return AudioSystem.isLineSupported(new DataLine.Info(SourceDataLine.class, format));
        }

        @Override
        public void play(AudioFormat format, byte[] pcm) throws LineUnavailableException {
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                line.write(pcm, 0, pcm.length);
                line.drain();
            }
        }
    }
}
