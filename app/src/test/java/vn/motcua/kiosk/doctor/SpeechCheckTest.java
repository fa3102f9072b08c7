// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.privacy.KeyFile;
import vn.motcua.kiosk.speech.EspeakSpeech;

/** doctor's read-aloud line: the real espeak-ng with its Vietnamese voice, none at all, one without the voice, one broken. */
class SpeechCheckTest {
    @TempDir
    Path dir;

    private static final Messages EN = Messages.of(Locale.ENGLISH);
    private static final Messages VI = Messages.of(Locale.forLanguageTag("vi"));

    /** doctor's whole output with this speech line among the device checks. */
    private String doctor(Optional<Path> program, int[] status) throws Exception {
        Doctor.DeviceChecks speechOnly = (source, config, m) -> List.of(SpeechCheck.run(program, m));
        Doctor doctor = new Doctor(ConfigSource.embedded(), dir.resolve("data"), new KeyFile.Location(dir.resolve("keys/data.key"), true),
                new Doctor.Environment(Map.of("DISPLAY", ":0")::get, TestMachine.healthy(dir.resolve("machine"))), speechOnly);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        status[0] = doctor.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), EN);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Path script(String name, String body) throws Exception {
        Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    @Test
    void theInstalledEngineIsNamedWithItsVietnameseVoice() throws Exception {
        Optional<Path> espeak = EspeakSpeech.find(System.getenv("PATH"));
        assumeTrue(espeak.isPresent(), "espeak-ng is not installed: bash scripts/install-test-deps.sh");
        int[] status = new int[1];
        String out = doctor(espeak, status);
        assertThat(out).containsPattern("OK +Read-aloud \\(\"Nghe\" button\\) +espeak-ng \\d+\\.\\d+\\S*, voice vi");
        assertThat(status[0]).isZero();
        assertThat(SpeechCheck.run(espeak, VI).detail()).matches("espeak-ng \\d+\\.\\d+\\S*, giọng vi");
    }

    @Test
    void noEngineIsAProblemLineWithTheFixNotACrash() throws Exception {
        int[] status = new int[1];
        String out = doctor(EspeakSpeech.find(dir.toString()), status);
        assertThat(out).containsPattern("PROBLEM +Read-aloud \\(\"Nghe\" button\\) +no espeak-ng: .*sudo apt install espeak-ng")
                .contains("1 problem(s) to fix.");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void anEngineWithoutTheVietnameseVoiceIsAProblem() throws Exception {
        Path fake = script("espeak-ng", """
                case "$1" in
                  --version) echo "eSpeak NG text-to-speech: 1.51  Data at: /nowhere" ;;
                  --voices=vi) echo "Pty Language       Age/Gender VoiceName          File                 Other Languages" ;;
                esac
                """);
        Doctor.Check c = SpeechCheck.run(Optional.of(fake), EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).isEqualTo("espeak-ng 1.51 is there but has no Vietnamese voice — sudo apt install espeak-ng-data");
    }

    @Test
    void anEngineThatDoesNotRunIsAProblem() throws Exception {
        Path broken = script("espeak-ng", "echo 'error while loading shared libraries' >&2; exit 127\n");
        Doctor.Check c = SpeechCheck.run(Optional.of(broken), EN);
        assertThat(c.ok()).isFalse();
        assertThat(c.detail()).contains("does not run").contains("status 127").contains("--reinstall espeak-ng");
    }
}
