package vn.motcua.kiosk.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.i18n.Messages;

class DoctorTest {
    @TempDir
    Path dir;

    private static final Messages EN = Messages.of(Locale.ENGLISH);

    private static String run(Doctor doctor, int[] status) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        status[0] = doctor.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), EN);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String shipped() throws IOException {
        try (InputStream in = ConfigSource.embedded().open("kiosk.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aHealthyKioskPassesEveryCheckAndExitsZero() {
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), dir.resolve("data"), Map.of("DISPLAY", ":0")::get, Doctor.DeviceChecks.NONE), status);
        assertThat(out).contains("OK       Configuration", "OK       Database", "OK       Display", "All checks passed.");
        assertThat(out).doesNotContain("PROBLEM");
        assertThat(status[0]).isZero();
    }

    @Test
    void eachProblemIsALineWithWhatToDoAndTheStatusIsNonZero() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("kiosk.json"), shipped().replace("\"inactivityEndSeconds\": 120", "\"inactivityEndSeconds\": \"2 phút\""));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.folder(config), dir.resolve("data"), Map.<String, String>of()::get, Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Configuration .*kiosk.json — key \"timeouts.inactivityEndSeconds\": expected a whole number.*fix the file");
        assertThat(out).containsPattern("PROBLEM +Display +no graphical display");
        assertThat(out).contains("2 problem(s) to fix.");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void theTrainingPinIsAProblemInProduction() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("kiosk.json"), shipped().replace("\"mode\": \"training\"", "\"mode\": \"production\"")
                .replace("\"embedded:training\"", "\"https://dichvucong.example.vn/api/v1\""));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.folder(config), dir.resolve("data"), Map.of("DISPLAY", ":0")::get, Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Staff PIN +still the default training PIN");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void aCorruptDatabaseIsAProblemWithAWayOut() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("kiosk.db"), "not a database ".repeat(200));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), data, Map.of("DISPLAY", ":0")::get, Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Database .*back the file up");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void deviceProblemsCountTowardsTheExitStatus() {
        Doctor.DeviceChecks offlinePrinter = (source, config, m) -> List.of(
                new Doctor.Check("Printer", false, "KioskPDF is stopped — enable it"));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), dir.resolve("data"), Map.of("DISPLAY", ":0")::get,
                offlinePrinter), status);
        assertThat(out).containsPattern("PROBLEM +Printer +KioskPDF is stopped");
        assertThat(status[0]).isEqualTo(1);
    }
}
