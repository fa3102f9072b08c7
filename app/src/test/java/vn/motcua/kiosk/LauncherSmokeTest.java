package vn.motcua.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk as the README starts it: a real JVM with the real (non-headless) JavaFX toolkit on an
 * X display, embedded training defaults, until the first Welcome frame is drawn. The test
 * command runs under xvfb-run; elsewhere it needs a display, and on CI a missing one is a failure.
 */
class LauncherSmokeTest {
    @TempDir
    Path dir;

    private List<String> launch(String... args) throws Exception {
        return launch(false, args);
    }

    /** Starts the kiosk until its first frame; then kills it, or with {@code term} sends TERM and reads to its end. */
    private List<String> launch(boolean term, String... args) throws Exception {
        String display = System.getenv("DISPLAY");
        if ("true".equals(System.getenv("CI"))) {
            assertThat(display).as("CI runs the tests under xvfb-run").isNotBlank();
        }
        assumeTrue(display != null && !display.isBlank(), "no X display: run through scripts/test-all.sh");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // With TERM, the kiosk's own logging (INFO, on the console) instead of the tests' (WARN).
                term ? "-Dkiosk.log=journal" : "-Dkiosk.log.unset=true",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--windowed", "--report-first-frame", "--data", dir.resolve("data").toString()));
        command.addAll(List.of(args));
        Process kiosk = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (line.startsWith("FIRST_FRAME")) {
                    if (!term) {
                        break;
                    }
                    kiosk.toHandle().destroy(); // SIGTERM, as systemctl stop sends it (Process.destroy would close the output)
                }
            }
            if (term) {
                assertThat(kiosk.waitFor(60, TimeUnit.SECONDS)).isTrue();
                lines.add("EXIT " + kiosk.exitValue());
            }
        } finally {
            kiosk.destroyForcibly();
            kiosk.waitFor(20, TimeUnit.SECONDS);
        }
        return lines;
    }

    @Test
    void theKioskStartsWithItsEmbeddedTrainingConfiguration() throws Exception {
        List<String> lines = launch();
        assertThat(lines).as("output: %s", lines).anyMatch(l -> l.startsWith("FIRST_FRAME"));
        assertThat(lines).noneMatch(l -> l.contains("Exception"));
        assertThat(dir.resolve("data/kiosk.db")).exists();
    }

    @Test
    void aStopSignalEndsTheKioskInOrder() throws Exception {
        List<String> lines = launch(true);
        assertThat(lines).as("output: %s", lines).anyMatch(l -> l.contains("stop signal TERM"));
        assertThat(lines).as("output: %s", lines).anyMatch(l -> l.contains("kiosk ends: NORMAL"));
        assertThat(lines).noneMatch(l -> l.contains("Exception"));
        assertThat(lines).last().isEqualTo("EXIT 0");
    }

    @Test
    void aBrokenConfigurationStillShowsAPageAndLogsWhy() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("kiosk.json"), "{ \"kioskId\": 5 }");
        List<String> lines = launch("--config", config.toString());
        assertThat(lines).anyMatch(l -> l.startsWith("FIRST_FRAME"));
        assertThat(lines).anyMatch(l -> l.contains("configuration unusable") && l.contains("[kioskId]"));
        assertThat(lines).noneMatch(l -> l.contains("\tat "));
    }

    @Test
    void aDatabaseFileThatIsNotOneShowsAPageAndLogsWhy() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/kiosk.db"), "not a database, but long enough to be read as one ".repeat(40));
        List<String> lines = launch();
        assertThat(lines).as("output: %s", lines).anyMatch(l -> l.startsWith("FIRST_FRAME"));
        assertThat(lines).anyMatch(l -> l.contains("database unusable"));
        assertThat(lines).noneMatch(l -> l.contains("\tat "));
    }
}
