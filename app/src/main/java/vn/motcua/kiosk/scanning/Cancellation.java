// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/**
 * A "Dừng" button for one batch: any thread may call {@link #cancel()}; the scanning thread stops
 * at the next block of data (mid-page) or before the next page, tells the device, and throws
 * {@link ScanCancelledException}. Pages already delivered stay delivered.
 */
public final class Cancellation {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** For batches nobody can stop (doctor's test page). */
    public static Cancellation none() {
        return new Cancellation();
    }
}
