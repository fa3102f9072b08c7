// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.Mode;

/**
 * Staff switch a production kiosk into training mode and back, for volunteers' practice at the
 * real counter. Training runs on the kiosk's own training portal with the banner and the
 * receipts' watermark, in a data folder of its own ({@code training/} under the kiosk's), so that
 * no practice dossier can wait in the real outbox and no real one in the training outbox. The
 * choice is a file in the kiosk's data folder: it holds across restarts until staff switch back.
 * A kiosk configured for training only has nothing to switch.
 */
public final class TrainingSwitch {
    static final String FILE = "training-mode";
    private static final String FOLDER = "training";

    private final Path dataDir;

    /** @param dataDir the kiosk's data folder ({@code --data}) */
    public TrainingSwitch(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Whether staff switched this kiosk into training. */
    public boolean on() {
        return Files.exists(dataDir.resolve(FILE));
    }

    /** Whether there is anything to switch: a kiosk configured for production. */
    public static boolean offered(KioskConfig configured) {
        return configured.mode() == Mode.production;
    }

    public void set(boolean training) {
        try {
            if (training) {
                Files.createDirectories(dataDir);
                Files.writeString(dataDir.resolve(FILE), "switched on by staff\n");
            } else {
                Files.deleteIfExists(dataDir.resolve(FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the training switch in " + dataDir, e);
        }
    }

    /** The configuration to run with: the configured one, or in training when switched on. */
    public KioskConfig apply(KioskConfig configured) {
        return offered(configured) && on() ? configured.inTraining() : configured;
    }

    /** The data folder to run with: training keeps its own. */
    public Path dataDir(KioskConfig configured) {
        return offered(configured) && on() ? dataDir.resolve(FOLDER) : dataDir;
    }
}
