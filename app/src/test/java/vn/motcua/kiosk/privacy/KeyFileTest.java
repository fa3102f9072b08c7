// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartMakesAPrivateKeyAndLaterStartsReadTheSameOne() throws Exception {
        KeyFile.Location at = KeyFile.locate(Map.of(), "Linux", dir);
        assertThat(at.file()).isEqualTo(dir.resolve(".config/motcua-kiosk/data.key"));
        DataKey first = KeyFile.open(at);
        assertThat(Files.size(at.file())).isEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(at.file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(at.file().getParent()))).isEqualTo("rwx------");
        byte[] box = first.sealText("x", "c");
        assertThat(KeyFile.open(at).openText(box, "c")).isEqualTo("x");
    }

    @Test
    void systemdCredentialsComeFirstAndAreNeverMade() {
        KeyFile.Location at = KeyFile.locate(Map.of("CREDENTIALS_DIRECTORY", dir.toString(), "XDG_CONFIG_HOME", "/elsewhere"),
                "Linux", dir);
        assertThat(at).isEqualTo(new KeyFile.Location(dir.resolve("motcua-kiosk-data-key"), false));
        assertThatThrownBy(() -> KeyFile.open(at)).isInstanceOfSatisfying(KeyFile.Unusable.class,
                e -> assertThat(e.problem()).isEqualTo(KeyFile.Problem.MISSING));
        assertThat(at.file()).doesNotExist();
    }

    @Test
    void xdgAndWindowsPlaces() {
        assertThat(KeyFile.locate(Map.of("XDG_CONFIG_HOME", "/srv/cfg"), "Linux", dir).file())
                .isEqualTo(Path.of("/srv/cfg/motcua-kiosk/data.key"));
        assertThat(KeyFile.locate(Map.of("LOCALAPPDATA", "/w/Local"), "Windows 11", dir).file())
                .isEqualTo(Path.of("/w/Local", "MotCuaKiosk", "data.key"));
    }

    @Test
    void aKeyEveryAccountCanReadOrOfTheWrongSizeIsRefused() throws Exception {
        Path key = Files.write(dir.resolve("data.key"), new byte[32]);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> KeyFile.load(key)).isInstanceOfSatisfying(KeyFile.Unusable.class,
                e -> assertThat(e.problem()).isEqualTo(KeyFile.Problem.READABLE_BY_ALL));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r-----")); // root:kiosk 0640 is fine
        assertThat(KeyFile.load(key)).isNotNull();
        Files.write(key, new byte[31]);
        assertThatThrownBy(() -> KeyFile.load(key)).isInstanceOfSatisfying(KeyFile.Unusable.class,
                e -> assertThat(e.problem()).isEqualTo(KeyFile.Problem.WRONG_SIZE));
    }
}
