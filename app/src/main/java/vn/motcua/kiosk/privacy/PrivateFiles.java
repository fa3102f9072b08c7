// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders only the kiosk account may enter (0700) and files only it may read (0600), made so
 * when they are created: the JVM cannot set its own umask, and a file that is briefly 0644 on a
 * shared machine is readable for that moment. On Windows the profile folder's ACL already is.
 */
public final class PrivateFiles {
    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** Creates {@code dir} and missing parents as 0700; an existing folder is left as it is. */
    public static Path folder(Path dir) throws IOException {
        if (!posix(dir)) {
            return Files.createDirectories(dir);
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            folder(parent);
        }
        if (!Files.isDirectory(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                Files.setPosixFilePermissions(dir, OWNER_DIR); // the attribute passes through the umask
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made meanwhile by another thread
            }
        }
        return dir;
    }

    /** Makes the kiosk's own folder 0700 (one made by an older version, or by hand, may be 0755). */
    public static Path tighten(Path dir) throws IOException {
        folder(dir);
        if (posix(dir)) {
            Files.setPosixFilePermissions(dir, OWNER_DIR);
        }
        return dir;
    }

    /**
     * Makes every folder under {@code dir} 0700 and every file 0600: what an older version, a run
     * without {@code umask 077} (the README's training run) or a library (logback) made more open.
     */
    public static void tightenTree(Path dir) throws IOException {
        tighten(dir);
        if (!posix(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? OWNER_DIR : OWNER_FILE);
            }
        }
    }

    /** An empty 0600 file if none is there (SQLite gives its -wal and -shm the database file's mode). */
    public static void ensureFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                Files.createFile(file, fileAttributes(file));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return;
            }
        }
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_FILE);
        }
    }

    /** Writes {@code bytes} durably as a 0600 file: written beside it, fsynced, then moved in place. */
    public static void write(Path file, byte[] bytes) throws IOException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(part);
        try (FileChannel ch = FileChannel.open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                fileAttributes(part))) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether group or others may read or enter {@code path} (false where there are no POSIX modes). */
    public static boolean openToOthers(Path path) throws IOException {
        if (!posix(path)) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(path);
        return p.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"));
    }

    /** Whether accounts other than the owner and its group may read {@code path}. */
    public static boolean readableByOthers(Path path) throws IOException {
        return posix(path) && Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_READ);
    }

    private static FileAttribute<?>[] fileAttributes(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
