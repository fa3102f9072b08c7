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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import vn.motcua.kiosk.privacy.KeyFile;
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

    /** These variables, and the machine's services as the Debian package leaves them. */
    private Doctor.Environment env(Map<String, String> variables) throws IOException {
        return new Doctor.Environment(variables::get, TestMachine.healthy(dir.resolve("machine")));
    }

    private KeyFile.Location key() {
        return new KeyFile.Location(dir.resolve("keys").resolve("data.key"), true);
    }

    @Test
    void aHealthyKioskPassesEveryCheckAndExitsZero() throws Exception {
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), dir.resolve("data"), key(), env(Map.of("DISPLAY", ":0")), Doctor.DeviceChecks.NONE), status);
        assertThat(out).contains("OK       Configuration", "OK       Data folder", "OK       Data key", "OK       Database",
                "OK       Display", "All checks passed.");
        assertThat(out).containsPattern("OK +Scanner service saned +listens on loopback only, at 127.0.0.1:6566")
                .containsPattern("OK +CUPS job files +.*cupsd.conf: PreserveJobFiles No, PreserveJobHistory No")
                .containsPattern("OK +Smart-card service pcscd +.*pcscd.comm is there");
        assertThat(out).doesNotContain("PROBLEM");
        assertThat(status[0]).isZero();
    }

    @Test
    void eachProblemIsALineWithWhatToDoAndTheStatusIsNonZero() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("kiosk.json"), shipped().replace("\"inactivityEndSeconds\": 120", "\"inactivityEndSeconds\": \"2 phút\""));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.folder(config), dir.resolve("data"), key(), env(Map.of()), Doctor.DeviceChecks.NONE), status);
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
        String out = run(new Doctor(ConfigSource.folder(config), dir.resolve("data"), key(), env(Map.of("DISPLAY", ":0")), Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Staff PIN +still the default training PIN");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void aCorruptDatabaseIsAProblemWithAWayOut() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("kiosk.db"), "not a database ".repeat(200));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), data, key(), env(Map.of("DISPLAY", ":0")), Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Database .*back the file up");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void deviceProblemsCountTowardsTheExitStatus() throws Exception {
        Doctor.DeviceChecks offlinePrinter = (source, config, m) -> List.of(
                new Doctor.Check("Printer", false, "KioskPDF is stopped — enable it"));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), dir.resolve("data"), key(), env(Map.of("DISPLAY", ":0")),
                offlinePrinter), status);
        assertThat(out).containsPattern("PROBLEM +Printer +KioskPDF is stopped");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void eachDeviceServiceProblemIsALineAndCountsTowardsTheExitStatus() throws Exception {
        ServiceChecks.Places exposed = TestMachine.places(dir.resolve("machine"),
                TestMachine.lines(TestMachine.TCP_HEADER, TestMachine.SANED_ANY), null, "LogLevel warn\n", false);
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), dir.resolve("data"), key(),
                new Doctor.Environment(Map.of("DISPLAY", ":0")::get, exposed), Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Scanner service saned +saned listens on the network too \\(0.0.0.0:6566\\)")
                .containsPattern("PROBLEM +CUPS job files +.*cupsd.conf: no PreserveJobFiles line")
                .containsPattern("PROBLEM +Smart-card service pcscd +no .*pcscd.comm: pcscd is not running")
                .contains("3 problem(s) to fix.");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void aDataFolderOtherAccountsCanEnterIsAProblem() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), data, key(), env(Map.of("DISPLAY", ":0")), Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Data folder .*other accounts can enter the folder .*chmod 700");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void aFileOtherAccountsCanReadIsAProblem() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(Files.writeString(data.resolve("left.txt"), "x"), PosixFilePermissions.fromString("rw-r--r--"));
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), data, key(), env(Map.of("DISPLAY", ":0")), Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Data folder .*: 1 files other accounts can read");
        assertThat(status[0]).isEqualTo(1);
    }

    @Test
    void aKeyEveryAccountCanReadOrInsideTheDataFolderIsAProblem() throws Exception {
        Path data = dir.resolve("data");
        KeyFile.Location inData = new KeyFile.Location(data.resolve("data.key"), true);
        int[] status = new int[1];
        String out = run(new Doctor(ConfigSource.embedded(), data, inData, env(Map.of("DISPLAY", ":0")), Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Data key .*inside the data folder");

        KeyFile.open(key());
        Files.setPosixFilePermissions(key().file(), PosixFilePermissions.fromString("rw-r--r--"));
        out = run(new Doctor(ConfigSource.embedded(), dir.resolve("data2"), key(), env(Map.of("DISPLAY", ":0")), Doctor.DeviceChecks.NONE), status);
        assertThat(out).containsPattern("PROBLEM +Data key .*can be read by every account.*chmod 600");
        assertThat(out).containsPattern("PROBLEM +Database .*not checked without a usable data key");
        assertThat(status[0]).isEqualTo(1);
    }
}
