// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.usb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The USB sticks plugged in: where staff's exports may be written. Linux desktops mount a stick
 * under a removable root at {@code /media/<user>/<label>} (udisks) or {@code /media/<label>}
 * (a mount point right under the root); Windows gives each stick a drive of its own, so a root
 * that is a drive is a stick itself. Nothing outside these roots is ever offered.
 */
public final class RemovableMedia {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemovableMedia.class);
    private final Supplier<List<Path>> roots;

    /** @param roots where sticks appear, asked each time (the kiosk's: /media and /run/media; Windows: every drive but the system's) */
    public RemovableMedia(Supplier<List<Path>> roots) {
        this.roots = roots;
    }

    /** The sticks found now, in a stable order; empty when none is plugged in. */
    public List<Path> sticks() {
        List<Path> sticks = new ArrayList<>();
        for (Path root : roots.get()) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            if (root.getParent() == null) {
                sticks.add(root); // a drive of its own (Windows)
                continue;
            }
            for (Path child : folders(root)) {
                if (isMountPoint(child)) {
                    sticks.add(child);
                } else {
                    sticks.addAll(folders(child));
                }
            }
        }
        return sticks;
    }

    /**
     * The files under the removable roots that {@code wanted} accepts (a few folders deep), sorted,
     * at most {@code max}: what an import offers. An unreadable stick offers nothing.
     */
    public List<Path> files(java.util.function.Predicate<Path> wanted, int max) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots.get()) {
            if (!Files.isDirectory(root) || found.size() >= max) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root, 4)) {
                walk.filter(Files::isRegularFile).filter(wanted).limit(max - found.size()).forEach(found::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                LOG.warn("removable media not readable: {}", e.getClass().getSimpleName());
            }
        }
        found.sort(null);
        return found;
    }

    /** The first stick the kiosk can write to, or null. */
    public Path writableStick() {
        return sticks().stream().filter(Files::isWritable).findFirst().orElse(null);
    }

    private static List<Path> folders(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            return List.of(); // unreadable (another user's folder): nothing of it is offered
        }
    }

    private static boolean isMountPoint(Path dir) {
        try {
            return !Files.getFileStore(dir).equals(Files.getFileStore(dir.getParent()));
        } catch (IOException e) {
            return false;
        }
    }
}
