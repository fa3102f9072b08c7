package vn.motcua.kiosk.startup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.motcua.kiosk.config.ConfigSource;

/**
 * Command line: {@code [run|doctor|hash-pin] [--config DIR] [--data DIR] [--windowed]
 * [--report-first-frame] [--print-test-page] [--scan-test-page]}. Without {@code --config} the embedded training defaults are used.
 */
public record Options(String command, Path configDir, Path dataDir, boolean windowed, boolean reportFirstFrame,
                      boolean printTestPage, boolean scanTestPage) {

    public static Options parse(String... args) {
        String command = "run";
        Path config = null;
        Path data = null;
        boolean windowed = false;
        boolean reportFirstFrame = false;
        boolean printTestPage = false;
        boolean scanTestPage = false;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String a = rest.remove(0);
            switch (a) {
                case "run", "doctor", "hash-pin" -> command = a;
                case "--config" -> config = Path.of(value(a, rest));
                case "--data" -> data = Path.of(value(a, rest));
                case "--windowed" -> windowed = true;
                case "--report-first-frame" -> reportFirstFrame = true;
                case "--print-test-page" -> printTestPage = true;
                case "--scan-test-page" -> scanTestPage = true;
                default -> throw new IllegalArgumentException("unknown argument: " + a
                        + " (usage: [run|doctor|hash-pin] [--config DIR] [--data DIR] [--windowed] [--print-test-page] [--scan-test-page])");
            }
        }
        if (data == null) {
            data = Path.of(System.getProperty("user.home"), ".motcua-kiosk");
        }
        return new Options(command, config, data, windowed, reportFirstFrame, printTestPage, scanTestPage);
    }

    private static String value(String flag, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(flag + " needs a folder");
        }
        return rest.remove(0);
    }

    public ConfigSource configSource() {
        return configDir == null ? ConfigSource.embedded() : ConfigSource.folder(configDir);
    }
}
