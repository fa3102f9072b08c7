package vn.motcua.kiosk.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.privacy.KeyFile;

/**
 * Command line: {@value #USAGE}. Without {@code --config} the embedded training defaults are used;
 * given more than once, each file is read from the first of those folders that has it ({@link ConfigSource#layered});
 * without {@code --key} the data key is looked for where {@link KeyFile#locate} says. With
 * {@code --restart-when-changed} the kiosk ends with {@link ExitStatus#UPDATED} between sessions
 * once that file changes ({@link BuildStampWatcher}); null without it.
 */
public record Options(String command, List<Path> configDirs, Path dataDir, Path keyFile, boolean windowed, boolean reportFirstFrame,
                      boolean printTestPage, boolean scanTestPage, Path restartWhenChanged) {

    /** What the command line may hold; the message of a wrong argument shows it. */
    public static final String USAGE = "[run|doctor|hash-pin] [--config DIR]... [--data DIR] [--key FILE] [--windowed] "
            + "[--report-first-frame] [--restart-when-changed FILE] [--print-test-page] [--scan-test-page]";

    public static Options parse(String... args) {
        String command = "run";
        List<Path> config = new ArrayList<>();
        Path data = null;
        Path key = null;
        boolean windowed = false;
        boolean reportFirstFrame = false;
        boolean printTestPage = false;
        boolean scanTestPage = false;
        Path restartWhenChanged = null;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String a = rest.remove(0);
            switch (a) {
                case "run", "doctor", "hash-pin" -> command = a;
                case "--config" -> config.add(Path.of(value(a, rest)));
                case "--data" -> data = Path.of(value(a, rest));
                case "--key" -> key = Path.of(value(a, rest));
                case "--windowed" -> windowed = true;
                case "--report-first-frame" -> reportFirstFrame = true;
                case "--print-test-page" -> printTestPage = true;
                case "--scan-test-page" -> scanTestPage = true;
                case "--restart-when-changed" -> restartWhenChanged = Path.of(value(a, rest));
                default -> throw new IllegalArgumentException("unknown argument: " + a + " (usage: " + USAGE + ")");
            }
        }
        if (data == null) {
            data = Path.of(System.getProperty("user.home"), ".motcua-kiosk");
        }
        return new Options(command, List.copyOf(config), data, key, windowed, reportFirstFrame, printTestPage, scanTestPage,
                restartWhenChanged);
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a path");
        }
        return rest.remove(0);
    }

    /** Where the data key is: the given file (which must exist), or the machine's usual place. */
    public KeyFile.Location keyLocation() {
        return keyFile != null ? new KeyFile.Location(keyFile, false)
                : KeyFile.locate(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    public ConfigSource configSource() {
        return configDirs.isEmpty() ? ConfigSource.embedded() : ConfigSource.layered(configDirs);
    }
}
