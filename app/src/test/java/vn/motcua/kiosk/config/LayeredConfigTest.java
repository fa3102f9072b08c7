package vn.motcua.kiosk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.catalogue.CatalogueCheck;
import vn.motcua.kiosk.startup.Options;

/** The Debian package's layout: the machine's files in /etc over the shipped ones in /usr/share. */
class LayeredConfigTest {
    @TempDir
    Path dir;

    @Test
    void aFileInTheFirstFolderOverridesTheShippedOneAndTheRestComeFromTheShippedFolder() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(etc.resolve("kiosk.json"), "local");
        Files.writeString(share.resolve("kiosk.json"), "shipped");
        Files.writeString(share.resolve("pkcs11-drivers.json"), "drivers");

        ConfigSource source = Options.parse("--config", etc.toString(), "--config", share.toString()).configSource();

        assertThat(read(source, "kiosk.json")).isEqualTo("local");
        assertThat(read(source, "pkcs11-drivers.json")).isEqualTo("drivers");
        assertThat(source.describe("pkcs11-drivers.json")).isEqualTo(share.resolve("pkcs11-drivers.json").toString());
        // A missing file is named where a technician would put it.
        assertThat(source.describe("holidays/2031.json")).isEqualTo(etc.resolve("holidays/2031.json").toString());
        assertThatThrownBy(() -> source.open("holidays/2031.json")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theShippedCatalogueLoadsThroughTheLayers() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("kiosk.json"), read(ConfigSource.embedded(), "kiosk.json")
                .replace("\"TAP-HUAN-01\"", "\"QUAY-07\""));
        ConfigSource source = ConfigSource.layered(List.of(etc, Path.of("..", "kiosk-config")));

        assertThat(new ConfigLoader().load(source).kioskId()).isEqualTo("QUAY-07");
        assertThat(vn.motcua.kiosk.catalogue.CatalogueService.checks(source, java.time.Clock.systemUTC()))
                .allMatch(CatalogueCheck::ok);
    }

    private static String read(ConfigSource source, String file) throws IOException {
        try (InputStream in = source.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
