package vn.motcua.kiosk;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.Language;
import vn.motcua.kiosk.doctor.Doctor;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.staff.PinHash;
import vn.motcua.kiosk.startup.Options;
import vn.motcua.kiosk.ui.KioskApp;

/**
 * Entry point. Not a JavaFX {@code Application} itself, so the kiosk also starts with JavaFX on
 * the plain class path (jpackage, {@code java -cp}). {@code run} (default) starts the kiosk,
 * {@code doctor} checks the machine, {@code hash-pin} makes a staff PIN hash for the config.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // Logback reads this when the first logger is made: logs live beside the data, not in the work folder.
        System.setProperty("kiosk.logDir", options.dataDir().resolve("logs").toString());
        switch (options.command()) {
            case "doctor" -> System.exit(doctor(options, System.out));
            case "hash-pin" -> System.exit(hashPin(System.out));
            default -> KioskApp.launchKiosk(options);
        }
    }

    static int doctor(Options options, PrintStream out) {
        Locale locale = Language.vi.locale();
        try {
            locale = new ConfigLoader().load(options.configSource()).language().locale();
        } catch (ConfigException e) {
            // doctor reports the problems itself, in the default language.
        }
        return new Doctor(options.configSource(), options.dataDir(), options.keyLocation(), Doctor.Environment.system(),
                Doctor.DeviceChecks.real(options.printTestPage(), options.scanTestPage())).print(out, Messages.of(locale));
    }

    /** Reads the PIN twice without echo when there is a terminal (never from the command line: ps shows it). */
    static int hashPin(PrintStream out) {
        Messages m = Messages.of(Locale.forLanguageTag(System.getenv().getOrDefault("KIOSK_LANG", "vi")));
        char[] first = null;
        char[] second = null;
        try {
            first = readSecret(m.get("hashpin.prompt"), out);
            second = readSecret(m.get("hashpin.again"), out);
            if (first == null || second == null || !Arrays.equals(first, second)) {
                out.println(m.get("hashpin.mismatch"));
                return 1;
            }
            if (!new String(first).matches("[0-9]{4,12}")) {
                out.println(m.get("hashpin.invalid"));
                return 1;
            }
            out.println(m.get("hashpin.result"));
            out.println(PinHash.create(first, PinHash.DEFAULT_ITERATIONS));
            return 0;
        } catch (IOException e) {
            out.println(e.getMessage());
            return 1;
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    private static BufferedReader stdin;

    private static char[] readSecret(String prompt, PrintStream out) throws IOException {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("%s ", prompt);
        }
        out.println(prompt);
        if (stdin == null) {
            stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        String line = stdin.readLine();
        return line == null ? null : line.strip().toCharArray();
    }
}
