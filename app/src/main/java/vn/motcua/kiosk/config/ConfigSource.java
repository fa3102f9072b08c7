package vn.motcua.kiosk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where the configuration folder is: a folder on disk (what installers use, editable without a
 * rebuild) or the copy of {@code kiosk-config/} embedded in the application (training defaults).
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
