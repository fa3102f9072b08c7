// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A real scanner (saned) with two test controls around it: {@link #holdAfter} stops the batch
 * after a page has reached the kiosk until the test lets it go (so a test sees pages arrive while
 * the batch runs, without timing anything), and {@link #jamAfter} ends a real batch after a page
 * by cancelling it at the device and reports a paper jam — SANE's test backend can only jam from
 * the first page on.
 */
public final class GatedScanner implements Scanner {
    private final Scanner real;
    private final Map<String, String> deviceOptions;
    private final Semaphore go = new Semaphore(0);
    private final Semaphore held = new Semaphore(0);
    private volatile int holdAfter;
    private volatile int jamAfter;

    /** @param deviceOptions added to every batch (e.g. the test backend's picture and a small scan area) */
    public GatedScanner(Scanner real, Map<String, String> deviceOptions) {
        this.real = real;
        this.deviceOptions = deviceOptions;
    }

    /** The next batch waits after page {@code page} (1-based) until {@link #release()}; 0 for none. */
    public void holdAfter(int page) {
        holdAfter = page;
    }

    /** The next batch jams after page {@code page} (1-based); 0 for none. */
    public void jamAfter(int page) {
        jamAfter = page;
    }

    /** Waits until a batch is held (20 s at most: a test that never gets there fails, it does not hang). */
    public void awaitHeld() throws InterruptedException {
        if (!held.tryAcquire(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the batch never reached the held page");
        }
    }

    public void release() {
        go.release();
    }

    @Override
    public List<ScannerInfo> scanners() throws ScanningException {
        return real.scanners();
    }

    @Override
    public ScannerCapabilities capabilities() throws ScanningException {
        return real.capabilities();
    }

    @Override
    public int scan(ScanSettings settings, ScanListener listener, Cancellation cancellation) throws ScanningException {
        int hold = holdAfter;
        int jam = jamAfter;
        holdAfter = 0;
        jamAfter = 0;
        Map<String, String> options = new LinkedHashMap<>(settings.deviceOptions());
        options.putAll(deviceOptions);
        // The real batch stops on its own cancellation: set by a jam, or by the citizen's "Dừng quét"
        // (passed on at every block of data and every page, where the adapter looks).
        Cancellation inner = new Cancellation();
        int[] delivered = {0};
        try {
            return real.scan(settings.withDeviceOptions(options), new ScanListener() {
                @Override
                public void pageStarted(int number) {
                    listener.pageStarted(number);
                }

                @Override
                public void progress(int number, long received, long expected) {
                    listener.progress(number, received, expected);
                    if (cancellation.isCancelled()) {
                        inner.cancel();
                    }
                }

                @Override
                public void pageScanned(ScannedImage page) throws IOException {
                    listener.pageScanned(page);
                    delivered[0] = page.number();
                    if (page.number() == hold) {
                        held.release();
                        go.acquireUninterruptibly();
                    }
                    if (page.number() == jam || cancellation.isCancelled()) {
                        inner.cancel();
                    }
                }
            }, inner);
        } catch (ScanCancelledException e) {
            if (jam > 0 && delivered[0] == jam && !cancellation.isCancelled()) {
                throw new PaperJamException(e.device(), e.pagesDelivered(), "test: jam after page " + jam, e);
            }
            throw e;
        }
    }
}
