// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --restart-when-changed FILE}: the installed package's build stamp, which every build
 * replaces. Its content (and which file it is) is recorded at start; a look that finds other
 * content, or another file in its place, means a newer build is installed, and the listeners hear
 * it once. The kiosk decides when to act on it (between sessions); this class only notices.
 * Looks come from {@link #start}'s own thread, or from a test calling {@link #check} directly.
 */
public final class BuildStampWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BuildStampWatcher.class);

    private final Path file;
    private final Seen atStart;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private boolean noticed;
    private ScheduledExecutorService scheduler;

    /** What one look saw: the content, and the file's identity (inode) where the file system has one. */
    private record Seen(byte[] content, Object fileKey) {
        boolean sameAs(Seen other) {
            return Arrays.equals(content, other.content) && Objects.equals(fileKey, other.fileKey);
        }
    }

    private BuildStampWatcher(Path file, Seen atStart) {
        this.file = file;
        this.atStart = atStart;
    }

    /**
     * Records the stamp as it is now. A stamp that cannot be read (missing, a folder, no
     * permission) leaves the option ignored with one log line: the kiosk runs, it only will not
     * restart by itself after an update.
     */
    public static Optional<BuildStampWatcher> watch(Path file) {
        try {
            return Optional.of(new BuildStampWatcher(file, look(file)));
        } catch (IOException e) {
            LOG.warn("--restart-when-changed ignored: {} cannot be read ({}); the kiosk will not restart by itself "
                    + "after an update", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Seen look(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        return new Seen(Files.readAllBytes(file), key);
    }

    /** Called (on the watcher's thread) the one time the stamp is seen changed. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * One look at the stamp. True only for the look that first sees it changed; the listeners run
     * then, on the caller's thread. A stamp missing for a moment (the package manager replacing
     * it) is no change: the next look sees what came in its place.
     */
    public boolean check() {
        synchronized (this) {
            if (noticed) {
                return false;
            }
        }
        Seen now;
        try {
            now = look(file);
        } catch (IOException e) {
            return false;
        }
        synchronized (this) {
            if (noticed || now.sameAs(atStart)) {
                return false;
            }
            noticed = true;
        }
        LOG.info("build stamp {} changed: a newer build is installed; the kiosk restarts once no session is open", file);
        listeners.forEach(Runnable::run);
        return true;
    }

    /** Looks every {@code every} on a daemon thread of its own, until {@link #close}. */
    public synchronized void start(Duration every) {
        if (scheduler != null) {
            throw new IllegalStateException("already watching");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kiosk-build-stamp");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                // An exception would cancel the schedule: log it and look again next time.
                LOG.error("build stamp check failed: {}", e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
