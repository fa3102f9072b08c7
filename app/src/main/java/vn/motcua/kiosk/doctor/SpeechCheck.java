// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import java.nio.file.Path;
import java.util.Optional;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.speech.EspeakSpeech;
import vn.motcua.kiosk.speech.SpeechUnavailable;

/**
 * doctor's read-aloud line: espeak-ng there, with its Vietnamese voice ("espeak-ng 1.51, giọng
 * vi"), or why not and the apt command that mends it. A missing engine is a problem to fix, not a
 * crash: the kiosk runs without it, only without its "Nghe" button.
 */
final class SpeechCheck {
    private SpeechCheck() {}

    /** This machine: espeak-ng on the PATH. */
    static Doctor.Check run(Messages m) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return new Doctor.Check(m.get("doctor.speech"), true, m.get("doctor.speech.otherOs"));
        }
        return run(EspeakSpeech.find(System.getenv("PATH")), m);
    }

    /** @param program espeak-ng where it was found, or none */
    static Doctor.Check run(Optional<Path> program, Messages m) {
        String name = m.get("doctor.speech");
        if (program.isEmpty()) {
            return new Doctor.Check(name, false, m.get("doctor.speech.missing"));
        }
        try {
            EspeakSpeech.Engine engine = new EspeakSpeech(program.get()).probe();
            return engine.vietnamese()
                    ? new Doctor.Check(name, true, m.get("doctor.speech.ok", EspeakSpeech.PROGRAM, engine.version()))
                    : new Doctor.Check(name, false, m.get("doctor.speech.noVoice", EspeakSpeech.PROGRAM, engine.version()));
        } catch (SpeechUnavailable e) {
            return new Doctor.Check(name, false, m.get("doctor.speech.broken", program.get(), e.getMessage()));
        }
    }
}
