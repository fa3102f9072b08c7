package vn.motcua.kiosk.session;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a session's folder. File names are never logged: they may carry personal data. */
final class Erasing {
    private static final Logger LOG = LoggerFactory.getLogger(Erasing.class);

    private Erasing() {}

    /** Deletes {@code root} and everything under it; returns the number of files deleted. */
    static int deleteTree(Path root) {
        if (!Files.exists(root)) {
            return 0;
        }
        int[] files = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    files[0]++;
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.error("a session folder could not be fully erased ({}); it is retried at the next start",
                    e.getClass().getSimpleName());
        }
        return files[0];
    }
}
