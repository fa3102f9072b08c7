package vn.motcua.kiosk.signing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.StrictJson;
import vn.motcua.kiosk.config.ConfigProblem;
import vn.motcua.kiosk.config.ConfigProblem.Expectation;
import vn.motcua.kiosk.config.ConfigSource;

/**
 * The PKCS#11 drivers the kiosk knows, from {@code kiosk-config/pkcs11-drivers.json}: vendor,
 * operating system, library path. Drivers are data so that a technician adds a CA's new driver
 * without a new kiosk build. Read strictly, like kiosk.json: errors name the file and the key.
 */
public final class DriverCatalogue {
    public static final String FILE = "pkcs11-drivers.json";

    public enum Os {
        linux, windows, macos;

        public static Os current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.contains("win")) {
                return windows;
            }
            return name.contains("mac") ? macos : linux;
        }
    }

    /** One library file of one vendor. {@code verified} false: path as reported, not yet seen on a real install. */
    public record Library(Os os, String path, Boolean verified) {}

    /**
     * A vendor's driver. {@code userPinTries}: how many wrong PINs the vendor's tokens allow before
     * locking, when documented; lets the kiosk say how many tries are left when the token does not.
     */
    public record Driver(String vendor, List<Library> libraries, Integer userPinTries) {}

    /** A path the kiosk's installer or technician sets for a driver not in the list. */
    public record Custom(String vendor, String library, Integer userPinTries) {}

    record File(List<Driver> drivers, Custom custom) {}

    /** A driver whose library file is on this machine: the input of token discovery. */
    public record PresentDriver(String vendor, String library, Integer userPinTries) {}

    // Same strictness (and the same wording of problems) as kiosk.json.
    private static final ObjectMapper MAPPER = StrictJson.mapper();

    private final List<Driver> drivers;
    private final Custom custom;

    private DriverCatalogue(List<Driver> drivers, Custom custom) {
        this.drivers = List.copyOf(drivers);
        this.custom = custom;
    }

    public static DriverCatalogue load(ConfigSource source) throws ConfigException {
        String file = source.describe(FILE);
        File parsed;
        try (InputStream in = source.open(FILE)) {
            parsed = MAPPER.readValue(in, File.class);
        } catch (NoSuchFileException e) {
            throw problem(file, "-", Expectation.FILE_PRESENT, null);
        } catch (JsonProcessingException e) {
            throw new ConfigException(List.of(ConfigLoader.problemOf(file, e)));
        } catch (IOException e) {
            throw problem(file, "-", Expectation.FILE_PRESENT, e.getMessage());
        }
        if (parsed == null) {
            throw problem(file, "-", Expectation.OBJECT, "null");
        }
        List<ConfigProblem> problems = validate(file, parsed);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new DriverCatalogue(parsed.drivers(), parsed.custom());
    }

    public List<Driver> drivers() {
        return drivers;
    }

    /** The custom entry, if the file sets a library path for it. */
    public java.util.Optional<Custom> custom() {
        return custom == null || custom.library() == null ? java.util.Optional.empty() : java.util.Optional.of(custom);
    }

    /** A copy whose custom entry is this library (a technician's override, or a test's). */
    public DriverCatalogue withCustom(String vendor, String library, Integer userPinTries) {
        return new DriverCatalogue(drivers, new Custom(vendor, library, userPinTries));
    }

    /** Drivers for {@code os} whose library file exists; each path once, custom first. */
    public List<PresentDriver> present(Os os) {
        return present(os, p -> Files.isRegularFile(Path.of(p)));
    }

    public List<PresentDriver> present(Os os, Predicate<String> exists) {
        List<PresentDriver> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        custom().ifPresent(c -> {
            if (exists.test(c.library()) && seen.add(identity(c.library()))) {
                found.add(new PresentDriver(c.vendor() == null ? "custom" : c.vendor(), c.library(), c.userPinTries()));
            }
        });
        for (Driver d : drivers) {
            for (Library l : d.libraries()) {
                if (l.os() == os && exists.test(l.path()) && seen.add(identity(l.path()))) {
                    found.add(new PresentDriver(d.vendor(), l.path(), d.userPinTries()));
                }
            }
        }
        return found;
    }

    /** Two paths to one file (Debian links /usr/lib/softhsm to the multiarch folder) are one driver. */
    private static String identity(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return path;
        }
    }

    private static List<ConfigProblem> validate(String file, File f) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (f.drivers() == null) {
            problems.add(new ConfigProblem(file, "drivers", Expectation.PRESENT, List.of(), null));
            return problems;
        }
        for (int i = 0; i < f.drivers().size(); i++) {
            Driver d = f.drivers().get(i);
            String key = "drivers[" + i + "]";
            if (d == null) {
                problems.add(new ConfigProblem(file, key, Expectation.OBJECT, List.of(), "null"));
                continue;
            }
            notBlank(problems, file, key + ".vendor", d.vendor());
            tries(problems, file, key + ".userPinTries", d.userPinTries());
            if (d.libraries() == null) {
                problems.add(new ConfigProblem(file, key + ".libraries", Expectation.PRESENT, List.of(), null));
                continue;
            }
            for (int j = 0; j < d.libraries().size(); j++) {
                Library l = d.libraries().get(j);
                String lk = key + ".libraries[" + j + "]";
                if (l == null) {
                    problems.add(new ConfigProblem(file, lk, Expectation.OBJECT, List.of(), "null"));
                    continue;
                }
                if (l.os() == null) {
                    problems.add(new ConfigProblem(file, lk + ".os", Expectation.PRESENT, List.of(), null));
                }
                notBlank(problems, file, lk + ".path", l.path());
                if (l.verified() == null) {
                    problems.add(new ConfigProblem(file, lk + ".verified", Expectation.PRESENT, List.of(), null));
                }
            }
        }
        if (f.custom() != null) {
            if (f.custom().library() != null) {
                notBlank(problems, file, "custom.library", f.custom().library());
            }
            tries(problems, file, "custom.userPinTries", f.custom().userPinTries());
        }
        return problems;
    }

    private static void notBlank(List<ConfigProblem> problems, String file, String key, String value) {
        if (value == null) {
            problems.add(new ConfigProblem(file, key, Expectation.PRESENT, List.of(), null));
        } else if (value.isBlank()) {
            problems.add(new ConfigProblem(file, key, Expectation.NOT_BLANK, List.of(), "\"" + value + "\""));
        }
    }

    private static void tries(List<ConfigProblem> problems, String file, String key, Integer value) {
        if (value != null && (value < 1 || value > 99)) {
            problems.add(new ConfigProblem(file, key, Expectation.RANGE, List.of("1", "99"), String.valueOf(value)));
        }
    }

    private static ConfigException problem(String file, String key, Expectation e, String found) {
        return new ConfigException(List.of(new ConfigProblem(file, key, e, List.of(), found)));
    }
}
