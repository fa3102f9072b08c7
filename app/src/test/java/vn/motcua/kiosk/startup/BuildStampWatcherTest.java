// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** {@code --restart-when-changed}: the build stamp's change is noticed once, and only a change is. */
class BuildStampWatcherTest {
    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(BuildStampWatcher.class);
    private final AtomicInteger heard = new AtomicInteger();

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
        logger.setLevel(Level.INFO); // the tests' logback configuration keeps only warnings
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
        logger.setLevel(null);
    }

    private BuildStampWatcher watching(Path stamp) {
        BuildStampWatcher w = BuildStampWatcher.watch(stamp).orElseThrow();
        w.onChange(heard::incrementAndGet);
        return w;
    }

    @Test
    void aChangedStampIsNoticedOnce() throws Exception {
        Path stamp = Files.writeString(dir.resolve("build-id"), "2026.12.05-1\n");
        BuildStampWatcher w = watching(stamp);
        assertThat(w.check()).isFalse();

        Files.writeString(stamp, "2026.12.05-2\n");
        assertThat(w.check()).isTrue();
        assertThat(w.check()).isFalse();
        Files.writeString(stamp, "2026.12.05-3\n");
        assertThat(w.check()).isFalse();

        assertThat(heard).hasValue(1);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("build stamp " + stamp + " changed: a newer build is installed; "
                        + "the kiosk restarts once no session is open");
    }

    @Test
    void anUnchangedStampIsNothing() throws Exception {
        Path stamp = Files.writeString(dir.resolve("build-id"), "2026.12.05-1\n");
        BuildStampWatcher w = watching(stamp);
        // Written again with the same content: the same file, the same build.
        Files.writeString(stamp, "2026.12.05-1\n");
        for (int i = 0; i < 3; i++) {
            assertThat(w.check()).isFalse();
        }
        assertThat(heard).hasValue(0);
        assertThat(log.list).isEmpty();
    }

    @Test
    void aStampReplacedByAnotherFileIsNoticedEvenWithTheSameContent() throws Exception {
        Path stamp = Files.writeString(dir.resolve("build-id"), "2026.12.05-1\n");
        BuildStampWatcher w = watching(stamp);
        // The package manager writes the new file beside the old one and renames it over it.
        Path next = Files.writeString(dir.resolve("build-id.dpkg-new"), "2026.12.05-1\n");
        Files.move(next, stamp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(w.check()).isTrue();
        assertThat(heard).hasValue(1);
    }

    @Test
    void aStampMissingForAMomentIsNoChangeUntilTheNewOneIsThere() throws Exception {
        Path stamp = Files.writeString(dir.resolve("build-id"), "2026.12.05-1\n");
        BuildStampWatcher w = watching(stamp);
        Files.delete(stamp);
        assertThat(w.check()).isFalse();
        Files.writeString(stamp, "2026.12.05-2\n");
        assertThat(w.check()).isTrue();
        assertThat(heard).hasValue(1);
    }

    @Test
    void aStampMissingAtStartLeavesTheOptionIgnoredWithALogLine() {
        Path stamp = dir.resolve("no-such-build-id");
        assertThat(BuildStampWatcher.watch(stamp)).isEmpty();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "--restart-when-changed ignored: " + stamp + " cannot be read (NoSuchFileException); "
                        + "the kiosk will not restart by itself after an update");
    }

    @Test
    void startedItLooksByItselfOnItsOwnThread() throws Exception {
        Path stamp = Files.writeString(dir.resolve("build-id"), "2026.12.05-1\n");
        CountDownLatch noticed = new CountDownLatch(1);
        try (BuildStampWatcher w = BuildStampWatcher.watch(stamp).orElseThrow()) {
            w.onChange(noticed::countDown);
            w.start(Duration.ofMillis(20));
            Files.writeString(stamp, "2026.12.05-2\n");
            assertThat(noticed.await(20, TimeUnit.SECONDS)).as("the change heard within 20 s").isTrue();
        }
    }
}
