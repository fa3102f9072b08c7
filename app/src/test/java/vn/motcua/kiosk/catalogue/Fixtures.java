package vn.motcua.kiosk.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;

/** The shipped kiosk-config and a clock in Vietnam, shared by the tests of these packages. */
public final class Fixtures {
    public static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private static CatalogueService shipped;

    private Fixtures() {}

    public static Clock clockAt(String isoLocalDateTime) {
        return Clock.fixed(LocalDateTime.parse(isoLocalDateTime).atZone(VN).toInstant(), VN);
    }

    /** The embedded catalogue at 10 March 2026, 09:00; loaded once (the places file is 700 kB). */
    public static synchronized CatalogueService shipped() {
        if (shipped == null) {
            try {
                shipped = CatalogueService.load(ConfigSource.embedded(), clockAt("2026-03-10T09:00"));
            } catch (DataException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
        return shipped;
    }

    /** The folder of the embedded copy (a directory under target/classes when tests run). */
    public static Path shippedFolder() {
        try {
            return Path.of(Fixtures.class.getResource("/kiosk-config/catalogue/index.json").toURI()).getParent()
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A writable copy of the shipped configuration, to break on purpose. */
    public static Path copyOfShipped(Path target) {
        Path from = shippedFolder();
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Path to = target.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the first occurrence of a text in a file of the copy. */
    public static void edit(Path folder, String file, String from, String to) {
        try {
            Path p = folder.resolve(file);
            String s = Files.readString(p);
            if (!s.contains(from)) {
                throw new AssertionError(file + " does not contain " + from);
            }
            Files.writeString(p, s.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
