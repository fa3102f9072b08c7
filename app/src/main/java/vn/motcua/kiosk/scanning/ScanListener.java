// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import java.io.IOException;

/**
 * How a batch reports to whoever runs it (the papers workflow, doctor). Called on the scanning
 * thread, in order; a screen hands the calls over to its own thread. It lives here, with the core
 * that calls it, so the core never imports the screens.
 */
public interface ScanListener {
    /** The scanner began page {@code number} (1-based). */
    default void pageStarted(int number) {}

    /** Bytes of the current page received so far, out of {@code expected} ({@code -1} when the device cannot tell). */
    default void progress(int number, long received, long expected) {}

    /**
     * A page is complete. Write it out before returning and keep no reference to the image: the
     * next page reuses the memory budget (100+ page batches stay bounded).
     */
    void pageScanned(ScannedImage page) throws IOException;
}
