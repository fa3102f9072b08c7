// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.speech;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Read-aloud ("Nghe") for elderly and low-literacy citizens: a port, so the screens are tested
 * with a recording fake and the kiosk runs without a speech engine. Linux: {@link EspeakSpeech}
 * (Debian's espeak-ng, its Vietnamese voice). Windows, on paper only: the SAPI/OneCore voice
 * "Microsoft An" (vi-VN) through System.Speech or Windows.Media.SpeechSynthesis would be a
 * second adapter of this port; it is not built.
 *
 * <p>Volume is a parameter of each call, not a setting of the engine: it belongs to the citizen's
 * session (reset when the session ends), and the kiosk's one engine serves every session.
 */
public interface Speech {
    int MIN_VOLUME = 0;
    int MAX_VOLUME = 100;
    /** espeak-ng's own default loudness (amplitude 100 of 200). */
    int DEFAULT_VOLUME = 50;

    /** False for {@link #NONE}: the kiosk then shows no "Nghe" button. */
    boolean available();

    /**
     * Speaks {@code text} in {@code language}'s voice and returns when it has been spoken or
     * {@link #stop() stopped}. Blocks: call it off the FX thread.
     *
     * @param volume {@link #MIN_VOLUME} to {@link #MAX_VOLUME}
     */
    void say(String text, Locale language, int volume) throws SpeechUnavailable;

    /** Writes the spoken text to a WAV file instead of the sound card (tests, doctor); returns {@code wav}. */
    Path synthesize(String text, Locale language, int volume, Path wav) throws SpeechUnavailable;

    /** Ends what is being spoken now, at once; does nothing when silent. Any thread; never throws. */
    void stop();

    /** No speech engine: nothing is spoken, and the screens offer no "Nghe". */
    Speech NONE = new Speech() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void say(String text, Locale language, int volume) {
            // silent by design
        }

        @Override
        public Path synthesize(String text, Locale language, int volume, Path wav) throws SpeechUnavailable {
            throw new SpeechUnavailable("no speech engine on this kiosk");
        }

        @Override
        public void stop() {
            // nothing is ever playing
        }
    };

    /** Clamped to {@link #MIN_VOLUME}…{@link #MAX_VOLUME}. */
    static int clamp(int volume) {
        return Math.max(MIN_VOLUME, Math.min(MAX_VOLUME, volume));
    }
}
