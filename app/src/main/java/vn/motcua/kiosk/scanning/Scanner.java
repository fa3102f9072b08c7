// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import java.util.List;

/** The scanner port: what the workflow needs from any scanner, whatever protocol reaches it. */
public interface Scanner {
    /** Every scanner reachable now; empty when none (not an error: doctor and the screen say so). */
    List<ScannerInfo> scanners() throws ScanningException;

    /** What the configured (or first found) scanner offers. */
    ScannerCapabilities capabilities() throws ScanningException;

    /**
     * Scans one batch: a single page from the glass, or every sheet in the feeder until it is
     * empty (the normal end, not an error). Blocks; run it off the screen's thread. Each page goes
     * to the listener as soon as it is complete.
     *
     * @return the number of pages delivered
     * @throws ScanningException a typed failure; {@link ScanningException#pagesDelivered()} says how
     *     many pages reached the listener before it
     */
    int scan(ScanSettings settings, ScanListener listener, Cancellation cancellation) throws ScanningException;
}
