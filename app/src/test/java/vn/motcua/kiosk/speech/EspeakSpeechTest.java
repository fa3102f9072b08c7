// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real espeak-ng (scripts/test-packages.txt installs it): Vietnamese synthesised to WAV is
 * heard (not silence), lasts as long as such a sentence takes, grows with the text and quietens
 * with the volume; stop() ends the program; a missing program is a {@link SpeechUnavailable}.
 */
class EspeakSpeechTest {
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String SENTENCE = "Vui lòng điền thông tin này.";
    private static Path program;

    @TempDir
    Path dir;

    @BeforeAll
    static void findProgram() {
        program = EspeakSpeech.find(System.getenv("PATH")).orElse(null);
        assumeTrue(program != null, "espeak-ng is not installed: bash scripts/install-test-deps.sh");
    }

    /** Seconds of audio and its RMS on a 0–1 scale. */
    record Heard(double seconds, double rms) {}

    static Heard hear(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat f = in.getFormat();
            assertThat(f.getSampleSizeInBits()).isEqualTo(16);
            byte[] pcm = in.readAllBytes();
            int samples = pcm.length / 2;
            double sum = 0;
            for (int i = 0; i < samples; i++) {
                int lo = pcm[2 * i] & 0xff;
                int hi = pcm[2 * i + 1];
                double v = (short) (f.isBigEndian() ? ((lo << 8) | (hi & 0xff)) : ((hi << 8) | lo)) / 32768.0;
                sum += v * v;
            }
            return new Heard(samples / (double) f.getChannels() / f.getSampleRate(), Math.sqrt(sum / Math.max(1, samples)));
        }
    }

    @Test
    void aVietnameseSentenceIsHeardForAPlausibleTime() throws Exception {
        EspeakSpeech speech = new EspeakSpeech(program);
        Heard h = hear(speech.synthesize(SENTENCE, VI, Speech.DEFAULT_VOLUME, dir.resolve("vi.wav")));
        assertThat(h.rms()).as("not silence").isGreaterThan(0.02);
        assertThat(h.seconds()).as("seconds for a six-syllable sentence").isBetween(0.3, 10.0);
    }

    @Test
    void longerTextGivesLongerAudio() throws Exception {
        EspeakSpeech speech = new EspeakSpeech(program);
        Heard shorter = hear(speech.synthesize(SENTENCE, VI, Speech.DEFAULT_VOLUME, dir.resolve("short.wav")));
        Heard longer = hear(speech.synthesize(SENTENCE + " Họ và tên ghi bằng chữ in hoa có dấu, như trên thẻ căn cước.",
                VI, Speech.DEFAULT_VOLUME, dir.resolve("long.wav")));
        assertThat(longer.seconds()).isGreaterThan(shorter.seconds() * 2);
    }

    @Test
    void synthesisingLeavesNothingInTheKiosksHome() throws Exception {
        // The kiosk's home is its data folder: espeak-ng's audio library used to leave a
        // PulseAudio link there, readable by every account (the install test's check).
        Path home = Files.createDirectories(dir.resolve("home"));
        Path wrapper = dir.resolve("espeak-ng");
        Files.writeString(wrapper, "#!/bin/sh\nHOME='" + home + "' exec '" + program + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        hear(new EspeakSpeech(wrapper).synthesize(SENTENCE, VI, Speech.DEFAULT_VOLUME, dir.resolve("home.wav")));
        try (var left = Files.list(home)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void englishHasItsOwnVoice() throws Exception {
        Heard h = hear(new EspeakSpeech(program).synthesize("Please fill in this field.", Locale.ENGLISH,
                Speech.DEFAULT_VOLUME, dir.resolve("en.wav")));
        assertThat(h.rms()).isGreaterThan(0.02);
        assertThat(h.seconds()).isBetween(0.3, 10.0);
    }

    @Test
    void aLowerVolumeIsQuieter() throws Exception {
        EspeakSpeech speech = new EspeakSpeech(program);
        Heard loud = hear(speech.synthesize(SENTENCE, VI, 80, dir.resolve("loud.wav")));
        Heard soft = hear(speech.synthesize(SENTENCE, VI, 20, dir.resolve("soft.wav")));
        assertThat(soft.rms()).isGreaterThan(0.001).isLessThan(loud.rms() * 0.6);
    }

    @Test
    void textIsNeverTakenForAnOption() throws Exception {
        Heard h = hear(new EspeakSpeech(program).synthesize("--version -w /tmp/x.wav; rm -rf ~", VI,
                Speech.DEFAULT_VOLUME, dir.resolve("dash.wav")));
        assertThat(h.seconds()).as("the words were spoken, not obeyed").isGreaterThan(1.0);
    }

    @Test
    void stopEndsALongUtteranceAndItsProgram() throws Exception {
        CountDownLatch speaking = new CountDownLatch(1);
        CountDownLatch stopCalled = new CountDownLatch(1);
        AtomicLong bytesHeard = new AtomicLong();
        // A sound card that takes the first second, then waits for the test's stop before reading on.
        EspeakSpeech.Output card = new EspeakSpeech.Output() {
            @Override
            public void play(AudioInputStream audio, java.util.function.BooleanSupplier stopped) throws IOException {
                byte[] buffer = new byte[4096];
                int n = audio.read(buffer);
                bytesHeard.addAndGet(Math.max(0, n));
                speaking.countDown();
                try {
                    stopCalled.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                while ((n = audio.read(buffer)) > 0) {
                    bytesHeard.addAndGet(n);
                }
            }

            @Override
            public void halt() {
                // nothing queued in this card
            }
        };
        EspeakSpeech speech = new EspeakSpeech(program, card);
        String longText = (SENTENCE + " ").repeat(300); // some ten minutes of speech
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread saying = new Thread(() -> {
            try {
                speech.say(longText, VI, Speech.DEFAULT_VOLUME);
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        saying.start();
        assertThat(speaking.await(20, TimeUnit.SECONDS)).as("speech began").isTrue();
        ProcessHandle espeak = speech.lastProcess();
        assertThat(espeak.isAlive()).isTrue();

        speech.stop();
        stopCalled.countDown();
        saying.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(saying.isAlive()).as("say() returned after stop()").isFalse();
        espeak.onExit().get(20, TimeUnit.SECONDS);
        assertThat(espeak.isAlive()).isFalse();
        assertThat(failed.get()).as("a stop is not a failure").isNull();
        // Ten minutes at 22 050 Hz would be some 26 MB; what was heard is at most the pipe's worth.
        assertThat(bytesHeard.get()).isLessThan(1_000_000);
    }

    @Test
    void aMissingProgramIsSpeechUnavailable() {
        EspeakSpeech missing = new EspeakSpeech(dir.resolve("no-such-espeak-ng"));
        assertThatThrownBy(() -> missing.say(SENTENCE, VI, Speech.DEFAULT_VOLUME)).isInstanceOf(SpeechUnavailable.class);
        assertThatThrownBy(() -> missing.synthesize(SENTENCE, VI, Speech.DEFAULT_VOLUME, dir.resolve("x.wav")))
                .isInstanceOf(SpeechUnavailable.class);
        assertThatThrownBy(missing::probe).isInstanceOf(SpeechUnavailable.class);
        assertThat(EspeakSpeech.find(dir.toString())).isEmpty();
    }

    @Test
    void theProbeNamesTheVersionAndTheVietnameseVoice() throws Exception {
        EspeakSpeech.Engine engine = new EspeakSpeech(program).probe();
        assertThat(engine.version()).matches("\\d+\\.\\d+.*");
        assertThat(engine.vietnamese()).isTrue();
    }

    @Test
    void noneIsSilentAndSaysSo() {
        assertThat(Speech.NONE.available()).isFalse();
        Speech.NONE.stop();
        assertThatThrownBy(() -> Speech.NONE.synthesize(SENTENCE, VI, 50, dir.resolve("n.wav"))).isInstanceOf(SpeechUnavailable.class);
    }
}
