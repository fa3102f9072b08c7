// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.speech;

import java.io.BufferedInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Speech through Debian's espeak-ng program: {@code -v vi} (its Northern Vietnamese voice) or
 * {@code -v en}, {@code -a} for loudness. The text goes on stdin (never a shell, never an argument
 * a leading "-" could turn into an option). Speaking takes the WAV from {@code --stdout} and plays
 * it through javax.sound, the sound card the help chime uses, so {@link #stop()} can end both the
 * program and what the sound card still holds.
 */
public final class EspeakSpeech implements Speech {
    public static final String PROGRAM = "espeak-ng";
    /** Long enough for any screen's words; a program hanging past it is ended. */
    private static final long SYNTHESIS_LIMIT_SECONDS = 60;
    private static final Pattern VERSION = Pattern.compile("text-to-speech:\\s*(\\S+)");

    /** Where the spoken audio goes: the sound card, or a test's reader. */
    interface Output {
        /**
         * Plays {@code audio} to its end (blocking); returns early once {@code stopped} says so
         * (the stream then ends too: the program is gone).
         */
        void play(AudioInputStream audio, BooleanSupplier stopped) throws IOException, LineUnavailableException;

        /** Drops what is queued for the sound card; any thread. */
        void halt();
    }

    /** What doctor says of the engine. */
    public record Engine(String version, boolean vietnamese) {}

    private final Path program;
    private final Output output;
    private final Object lock = new Object();
    /** Counts {@link #stop()} calls: a say() that began before a stop does not start its program after it. */
    private long stops;
    private Process current;
    private volatile ProcessHandle lastProcess;
    /** A PulseAudio server address that cannot exist (/dev/null is not a folder). */
    static final String NO_SOUND_SERVER = "unix:/dev/null/no-sound-server";

    public EspeakSpeech(Path program) {
        this(program, new SoundCard());
    }

    EspeakSpeech(Path program, Output output) {
        this.program = program;
        this.output = output;
    }

    /** espeak-ng on the PATH (Debian: /usr/bin/espeak-ng), or none. */
    public static Optional<Path> find(String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            Path p = Path.of(dir, PROGRAM);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The kiosk's speech: espeak-ng when the PATH has it, else {@link Speech#NONE}. */
    public static Speech orNone() {
        return find(System.getenv("PATH")).<Speech>map(EspeakSpeech::new).orElse(Speech.NONE);
    }

    public Path program() {
        return program;
    }

    @Override
    public boolean available() {
        return true;
    }

    /** The program's version and whether it has the Vietnamese voice; doctor's line. */
    public Engine probe() throws SpeechUnavailable {
        String version = run(List.of(program.toString(), "--version"));
        Matcher m = VERSION.matcher(version);
        String voices = run(List.of(program.toString(), "--voices=vi"));
        boolean vi = voices.lines().skip(1).anyMatch(l -> l.trim().split("\\s+").length > 1 && l.trim().split("\\s+")[1].equals("vi"));
        return new Engine(m.find() ? m.group(1) : version.strip(), vi);
    }

    @Override
    public void say(String text, Locale language, int volume) throws SpeechUnavailable {
        long stopsAtStart;
        synchronized (lock) {
            stopsAtStart = stops;
        }
        List<String> command = command(language, volume);
        command.add("--stdout");
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        synchronized (lock) {
            if (stops != stopsAtStart) {
                return; // stopped before it could start
            }
            p = start(pb);
            current = p;
            lastProcess = p.toHandle();
        }
        try {
            feed(p, text);
            try (AudioInputStream audio = AudioSystem.getAudioInputStream(new BufferedInputStream(p.getInputStream()))) {
                output.play(audio, () -> stoppedSince(stopsAtStart));
            }
            int status = finish(p);
            if (status != 0 && !stoppedSince(stopsAtStart)) {
                throw new SpeechUnavailable(PROGRAM + " ended with status " + status + " (voice " + voice(language) + ")");
            }
        } catch (IOException | UnsupportedAudioFileException | LineUnavailableException | IllegalArgumentException e) {
            // IllegalArgumentException: AudioSystem has no line for the format (no sound card).
            if (!stoppedSince(stopsAtStart)) {
                throw new SpeechUnavailable(PROGRAM + " could not be heard: " + e.getClass().getSimpleName(), e);
            }
        } finally {
            p.destroyForcibly();
            synchronized (lock) {
                if (current == p) {
                    current = null;
                }
            }
        }
    }

    @Override
    public Path synthesize(String text, Locale language, int volume, Path wav) throws SpeechUnavailable {
        List<String> command = command(language, volume);
        command.add("-w");
        command.add(wav.toAbsolutePath().toString());
        Process p = start(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD));
        try {
            feed(p, text);
            int status = finish(p);
            if (status != 0 || !Files.isRegularFile(wav)) {
                throw new SpeechUnavailable(PROGRAM + " ended with status " + status + " (voice " + voice(language) + ")");
            }
            return wav;
        } catch (IOException e) {
            throw new SpeechUnavailable(PROGRAM + " could not write " + wav.getFileName(), e);
        } finally {
            p.destroyForcibly();
        }
    }

    @Override
    public void stop() {
        Process p;
        synchronized (lock) {
            stops++;
            p = current;
        }
        if (p != null) {
            p.destroyForcibly();
        }
        output.halt();
    }

    private boolean stoppedSince(long stopsAtStart) {
        synchronized (lock) {
            return stops != stopsAtStart;
        }
    }

    /** The program of the last say(), for tests that wait for it to end. */
    ProcessHandle lastProcess() {
        return lastProcess;
    }

    /** Debian's voice names: "vi" is Northern Vietnamese, the voice of the national broadcaster. */
    static String voice(Locale language) {
        return "en".equals(language.getLanguage()) ? "en" : "vi";
    }

    /** espeak-ng's amplitude runs 0–200 (100 its default): the kiosk's 0–100 doubled. */
    static int amplitude(int volume) {
        return Speech.clamp(volume) * 2;
    }

    private List<String> command(Locale language, int volume) {
        // -b 1: the text is UTF-8 (Vietnamese tones); --stdin: read it all before speaking.
        return new ArrayList<>(List.of(program.toString(), "-b", "1", "-v", voice(language),
                "-a", Integer.toString(amplitude(volume)), "--stdin"));
    }

    private Process start(ProcessBuilder pb) throws SpeechUnavailable {
        // espeak-ng only writes sound here (the kiosk plays it itself), but its audio library
        // still reaches for PulseAudio, which leaves a world-readable link in the kiosk's home
        // (the data folder, found by the install test). A server that cannot exist stops that.
        pb.environment().put("PULSE_SERVER", NO_SOUND_SERVER);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new SpeechUnavailable(PROGRAM + " cannot run from " + program + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the text and closes stdin. Synchronously: espeak-ng reads all of stdin before it
     * speaks, so the write never waits on our reading its sound.
     */
    private static void feed(Process p, String text) throws IOException {
        try (OutputStream in = p.getOutputStream()) {
            in.write(plain(text).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            if (p.isAlive()) {
                throw e;
            } // else: stopped, or it failed and its status says why
        }
    }

    /** Control characters out (a stray escape byte is not the citizen's business to hear). */
    static String plain(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    private static int finish(Process p) throws SpeechUnavailable {
        try {
            if (!p.waitFor(SYNTHESIS_LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new SpeechUnavailable(PROGRAM + " did not finish within " + SYNTHESIS_LIMIT_SECONDS + " s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new SpeechUnavailable(PROGRAM + " interrupted", e);
        }
    }

    private String run(List<String> command) throws SpeechUnavailable {
        Process p = start(new ProcessBuilder(command).redirectErrorStream(true));
        try (InputStream out = p.getInputStream()) {
            p.getOutputStream().close();
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            int status = finish(p);
            if (status != 0) {
                throw new SpeechUnavailable(PROGRAM + " " + command.get(command.size() - 1) + " ended with status " + status);
            }
            return text;
        } catch (IOException e) {
            throw new SpeechUnavailable(PROGRAM + " could not be asked: " + e.getMessage(), e);
        } finally {
            p.destroyForcibly();
        }
    }

    private static final class SoundCard implements Output {
        private volatile SourceDataLine line;

        @Override
        public void play(AudioInputStream audio, BooleanSupplier stopped) throws IOException, LineUnavailableException {
            try (SourceDataLine l = AudioSystem.getSourceDataLine(audio.getFormat())) {
                l.open(audio.getFormat());
                line = l;
                l.start();
                // AudioInputStream reads whole frames, as the line wants them.
                byte[] buffer = new byte[4096];
                int n;
                while (!stopped.getAsBoolean() && (n = audio.read(buffer)) > 0) {
                    l.write(buffer, 0, n);
                }
                if (!stopped.getAsBoolean()) {
                    l.drain();
                }
            } finally {
                line = null;
            }
        }

        @Override
        public void halt() {
            SourceDataLine l = line;
            if (l != null) {
                // Without this the line would play out the second or so it already holds.
                l.stop();
                l.flush();
            }
        }
    }
}
