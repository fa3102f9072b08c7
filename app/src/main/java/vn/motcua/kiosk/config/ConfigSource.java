package vn.motcua.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the configuration folder is: a folder on disk (editable without a rebuild), folders
 * layered over each other (the Debian package: the machine's own files in
 * {@code /etc/mot-cua-kiosk} over the shipped catalogue in {@code /usr/share/mot-cua-kiosk/config},
 * so an upgrade updates the catalogue and keeps local edits), or the copy of
 * {@code kiosk-config/} embedded in the application (training defaults).
 */
public interface ConfigSource {

    /** Opens a file of the folder; throws {@link NoSuchFileException} when it is not there. */
    InputStream open(String fileName) throws IOException;

    /** How to name the file to a person reading an error. */
    String describe(String fileName);

    static ConfigSource folder(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        return new ConfigSource() {
            @Override
            public InputStream open(String fileName) throws IOException {
                return Files.newInputStream(root.resolve(fileName));
            }

            @Override
            public String describe(String fileName) {
                return root.resolve(fileName).toString();
            }
        };
    }

    /** Each file from the first folder that has it (a technician's copy in /etc overrides the shipped one). */
    static ConfigSource layered(List<Path> folders) {
        if (folders.size() == 1) {
            return folder(folders.get(0));
        }
        List<Path> roots = folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
        return new ConfigSource() {
            @Override
            public InputStream open(String fileName) throws IOException {
                return Files.newInputStream(find(fileName));
            }

            @Override
            public String describe(String fileName) {
                return find(fileName).toString();
            }

            /** Where the file is read from; when no folder has it, where a technician would put it. */
            private Path find(String fileName) {
                return roots.stream().map(r -> r.resolve(fileName)).filter(Files::exists).findFirst()
                        .orElse(roots.get(0).resolve(fileName));
            }
        };
    }

    static ConfigSource embedded() {
        return new ConfigSource() {
            @Override
            public InputStream open(String fileName) throws IOException {
                InputStream in = ConfigSource.class.getResourceAsStream("/kiosk-config/" + fileName);
                if (in == null) {
                    throw new NoSuchFileException(describe(fileName));
                }
                return in;
            }

            @Override
            public String describe(String fileName) {
                return "kiosk-config/" + fileName + " (embedded)";
            }
        };
    }
}
