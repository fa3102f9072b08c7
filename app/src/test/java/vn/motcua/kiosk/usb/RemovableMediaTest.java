package vn.motcua.kiosk.usb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemovableMediaTest {
    @TempDir
    Path dir;

    @Test
    void sticksAreTheFoldersUnderEachUsersFolderAndNothingElse() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path lan = Files.createDirectories(media.resolve("mot-cua-kiosk/USB LAN"));
        Path other = Files.createDirectories(media.resolve("mot-cua-kiosk/KINGSTON"));
        Files.writeString(media.resolve("mot-cua-kiosk/not-a-stick.txt"), "x");
        Files.createDirectories(lan.resolve("folder-on-the-stick"));
        RemovableMedia removable = new RemovableMedia(() -> List.of(media, dir.resolve("run-media-missing")));
        assertThat(removable.sticks()).containsExactly(other, lan);
        assertThat(removable.writableStick()).isEqualTo(other);
    }

    @Test
    void noStickNoWriting() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        assertThat(new RemovableMedia(() -> List.of(media)).sticks()).isEmpty();
        assertThat(new RemovableMedia(() -> List.of(media)).writableStick()).isNull();
    }
}
