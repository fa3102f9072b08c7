// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.time.Duration;

/** A contactless reader at the desk, for the chip of the citizen ID card. */
public interface ChipReader {
    /** What a read is doing, for the progress bar. */
    enum Step { OPENING, READING, CHECKING }

    interface Progress {
        void at(Step step, double fraction);

        Progress NONE = (step, fraction) -> { };
    }

    /** Whether a reader is connected (and configured) now. */
    boolean connected();

    /**
     * Waits until a card is on the reader.
     *
     * @return false when none came within {@code timeout}
     * @throws NoChipReaderException with no reader, or when it goes away while waiting
     */
    boolean awaitCard(Duration timeout) throws ChipException, InterruptedException;

    /** Opens the chip with the key, reads DG1, DG2, DG13 (and DG14) and checks them against the SOD. */
    ChipReading read(AccessKey key, Progress progress) throws ChipException;
}
