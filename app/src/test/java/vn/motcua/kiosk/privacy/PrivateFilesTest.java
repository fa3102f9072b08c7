// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path dir;

    @Test
    void newFoldersAndFilesAreOwnerOnlyWhateverTheUmask() throws Exception {
        Path folder = PrivateFiles.folder(dir.resolve("a/b"));
        PrivateFiles.write(folder.resolve("f"), new byte[] {1});
        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve("f"))).isEqualTo("rw-------");
        assertThat(folder.resolve("f.part")).doesNotExist();
    }

    @Test
    void aDataFolderMadeOpenIsClosedAtStart() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data/logs"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = Files.writeString(data.resolve("kiosk.log"), "x");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PrivateFiles.readableByOthers(log)).isTrue();
        PrivateFiles.tightenTree(dir.resolve("data"));
        assertThat(mode(dir.resolve("data"))).isEqualTo("rwx------");
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(log)).isEqualTo("rw-------");
        assertThat(PrivateFiles.openToOthers(dir.resolve("data"))).isFalse();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
