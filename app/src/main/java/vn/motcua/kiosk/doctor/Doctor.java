package vn.motcua.kiosk.doctor;

import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import vn.motcua.kiosk.identity.chip.PassiveAuthentication;
import vn.motcua.kiosk.identity.chip.PcscChipReader;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.catalogue.CatalogueCheck;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.ConfigProblem;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.Mode;
import vn.motcua.kiosk.config.ReceiptPaper;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.identity.SerialQrReader;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.PrinterChecks;
import vn.motcua.kiosk.scanning.ScannerChecks;
import vn.motcua.kiosk.signing.DriverCatalogue;
import vn.motcua.kiosk.signing.pkcs11.SigningDoctor;
import vn.motcua.kiosk.staff.PinHash;
import vn.motcua.kiosk.privacy.DataKey;
import vn.motcua.kiosk.privacy.KeyFile;
import vn.motcua.kiosk.privacy.PrivateFiles;
import vn.motcua.kiosk.store.Database;

/**
 * {@code doctor}: checks the configuration and the machine without starting the UI, one line per
 * check, OK or PROBLEM with what to do. Exit status 0 only when everything is well.
 */
public final class Doctor {
    /** The PIN that the shipped training configuration uses; refused in production. */
    public static final String TRAINING_PIN = "2468";

    public record Check(String name, boolean ok, String detail) {}

    private final ConfigSource configSource;
    private final Path dataDir;
    private final KeyFile.Location keyLocation;
    private final Environment env;
    private final DeviceChecks devices;

    /** The checks of the devices the configuration names (printer, signing tokens, scanner, portal) and the speech engine. */
    public interface DeviceChecks {
        List<Check> run(ConfigSource source, KioskConfig config, Messages m);

        DeviceChecks NONE = (source, config, m) -> List.of();

        /**
         * The real devices; a test page is printed or scanned only when asked
         * ({@code doctor --print-test-page}, {@code --scan-test-page}).
         */
        static DeviceChecks real(boolean printTestPage, boolean scanTestPage) {
            return (source, config, m) -> {
                List<Check> checks = new ArrayList<>();
                PaperSize paper = config.devices().receiptPaper() == ReceiptPaper.A5 ? PaperSize.A5 : PaperSize.ROLL_80MM;
                PrinterChecks.forConfiguredPrinter(config.devices().printer(), paper).run(m, printTestPage)
                        .forEach(l -> checks.add(new Check(l.name(), l.ok(), l.detail())));
                new SigningDoctor().checks(source, DriverCatalogue.Os.current(), Clock.systemDefaultZone(), m)
                        .forEach(l -> checks.add(new Check(l.name(), l.ok(), l.detail())));
                ScannerChecks.forConfiguredScanner(config.devices().scanner()).run(m, scanTestPage)
                        .forEach(l -> checks.add(new Check(l.name(), l.ok(), l.detail())));
                checks.add(idCardReader(config, m));
                checks.add(chipReader(config, m));
                checks.add(PortalCheck.run(source, config, m));
                checks.add(SpeechCheck.run(m));
                return checks;
            };
        }
    }

    /** What doctor reads from the machine: variables, and where the device services are; tests replace both. */
    public record Environment(Function<String, String> variables, ServiceChecks.Places services) {
        public String getenv(String name) {
            return variables.apply(name);
        }

        public static Environment system() {
            return new Environment(System::getenv, ServiceChecks.Places.system(System::getenv));
        }
    }

    public Doctor(ConfigSource configSource, Path dataDir, KeyFile.Location keyLocation, Environment env, DeviceChecks devices) {
        this.configSource = configSource;
        this.dataDir = dataDir;
        this.keyLocation = keyLocation;
        this.env = env;
        this.devices = devices;
    }

    public List<Check> run(Messages m) {
        List<Check> checks = new ArrayList<>();
        int feature = Runtime.version().feature();
        checks.add(new Check(m.get("doctor.java"), feature >= 17,
                m.get(feature >= 17 ? "doctor.java.ok" : "doctor.java.problem", Runtime.version().toString())));

        KioskConfig config = null;
        try {
            config = new ConfigLoader().load(configSource);
            checks.add(new Check(m.get("doctor.config"), true, m.get("doctor.config.ok",
                    configSource.describe(ConfigLoader.FILE), config.mode(), config.kioskId())));
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                checks.add(new Check(m.get("doctor.config"), false, m.describe(p) + " — " + m.get("doctor.config.fix")));
            }
        }
        if (config != null) {
            boolean trainingPin = PinHash.parse(config.staff().pinHash()).matches(TRAINING_PIN.toCharArray());
            boolean pinOk = config.mode() == Mode.training || !trainingPin;
            checks.add(new Check(m.get("doctor.pin"), pinOk, m.get(pinOk ? "doctor.pin.ok" : "doctor.pin.training")));
            checks.add(new Check(m.get("doctor.portal"), true, m.get("doctor.portal.ok", config.portal().url())));
            for (CatalogueCheck c : CatalogueService.checks(configSource, Clock.systemDefaultZone())) {
                checks.add(new Check(m.get(c.nameKey()), c.ok(), c.detail(m)));
            }
            checks.addAll(devices.run(configSource, config, m));
        }
        checks.addAll(ServiceChecks.run(env.services(), m));

        checks.add(dataFolder(m));
        DataKey key = null;
        try {
            key = KeyFile.open(keyLocation);
            boolean apart = !keyLocation.file().toAbsolutePath().normalize().startsWith(dataDir.toAbsolutePath().normalize());
            checks.add(new Check(m.get("doctor.key"), apart, m.get(apart ? "doctor.key.ok" : "doctor.key.inData", keyLocation.file())));
        } catch (KeyFile.Unusable e) {
            checks.add(new Check(m.get("doctor.key"), false, m.get("startup.error.key." + e.problem(), e.file())));
        }
        checks.add(database(m, key));
        boolean display = isSet("DISPLAY") || isSet("WAYLAND_DISPLAY") || !isLinux();
        checks.add(new Check(m.get("doctor.display"), display,
                m.get(display ? "doctor.display.ok" : "doctor.display.problem")));
        return checks;
    }

    /** Prints one line per check and a summary; returns the exit status. */
    public int print(PrintStream out, Messages m) {
        List<Check> checks = run(m);
        int problems = 0;
        for (Check c : checks) {
            String status = m.get(c.ok() ? "doctor.ok" : "doctor.problem");
            out.printf("%-8s %-24s %s%n", status, c.name(), c.detail());
            if (!c.ok()) {
                problems++;
            }
        }
        out.println(problems == 0 ? m.get("doctor.summary.ok") : m.get("doctor.summary.problem", problems));
        return problems == 0 ? 0 : 1;
    }

    private static Check idCardReader(KioskConfig config, Messages m) {
        KioskConfig.IdCardReader reader = config.devices().idCardReader();
        if (reader.type() != KioskConfig.ReaderType.serial) {
            return new Check(m.get("doctor.idReader"), true, m.get("doctor.idReader.keyboard"));
        }
        try (SerialQrReader r = SerialQrReader.open(reader.serialPort(), text -> { })) {
            return new Check(m.get("doctor.idReader"), true, m.get("doctor.idReader.serial", reader.serialPort()));
        } catch (IOException e) {
            return new Check(m.get("doctor.idReader"), false, m.get("doctor.idReader.problem", reader.serialPort()));
        }
    }

    /** The chip is optional: without a reader the QR path stays, so a missing one is said, not failed. */
    private static Check chipReader(KioskConfig config, Messages m) {
        List<String> names = config.devices().chipReader().readers();
        if (names.isEmpty()) {
            return new Check(m.get("doctor.chipReader"), true, m.get("doctor.chipReader.off"));
        }
        int cscas = config.devices().chipReader().csca().size();
        return PcscChipReader.system(names, new PassiveAuthentication(List.of())).readerName()
                .map(n -> new Check(m.get("doctor.chipReader"), true, m.get("doctor.chipReader.found", n, cscas)))
                .orElseGet(() -> new Check(m.get("doctor.chipReader"), true, m.get("doctor.chipReader.none", String.join(", ", names))));
    }

    private Check dataFolder(Messages m) {
        try {
            PrivateFiles.folder(dataDir);
            Path probe = Files.createTempFile(dataDir, "doctor", ".tmp");
            Files.delete(probe);
            if (PrivateFiles.openToOthers(dataDir)) {
                return new Check(m.get("doctor.data"), false, m.get("doctor.data.open", dataDir));
            }
            long open;
            try (var files = Files.walk(dataDir)) {
                open = files.filter(f -> {
                    try {
                        return PrivateFiles.readableByOthers(f);
                    } catch (IOException e) {
                        return true;
                    }
                }).count();
            }
            if (open > 0) {
                return new Check(m.get("doctor.data"), false, m.get("doctor.data.files", dataDir, open));
            }
            return new Check(m.get("doctor.data"), true, m.get("doctor.data.ok", dataDir));
        } catch (Exception e) {
            return new Check(m.get("doctor.data"), false, m.get("doctor.data.problem", dataDir, e.getClass().getSimpleName()));
        }
    }

    private Check database(Messages m, DataKey key) {
        Path file = dataDir.resolve(KioskServices.DATABASE_FILE);
        if (key == null) {
            return new Check(m.get("doctor.database"), false, m.get("doctor.database.noKey", file));
        }
        try (Database db = Database.open(file, key)) {
            String integrity = db.integrityCheck();
            boolean ok = "ok".equals(integrity);
            return new Check(m.get("doctor.database"), ok, ok
                    ? m.get("doctor.database.ok", file, db.schemaVersion())
                    : m.get("doctor.database.problem", file, integrity));
        } catch (RuntimeException e) {
            String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            return new Check(m.get("doctor.database"), false, m.get("doctor.database.problem", file, cause));
        }
    }

    private boolean isSet(String name) {
        String v = env.getenv(name);
        return v != null && !v.isBlank();
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }
}
