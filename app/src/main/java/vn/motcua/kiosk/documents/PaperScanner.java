// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.io.IOException;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.scanning.PaperSource;
import vn.motcua.kiosk.scanning.ScanListener;
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.ScannedImage;
import vn.motcua.kiosk.scanning.Scanner;
import vn.motcua.kiosk.scanning.ScanningException;

/**
 * Scans into a document: each page goes through the image pipeline to disk and into the document
 * at once, so the screen can show it while the feeder is still running. On a failure the pages
 * that arrived stay in the document ({@link ScanningException#pagesDelivered()} says how many),
 * except the lone front of a duplex sheet that jammed half-way: that sheet goes through again.
 */
public final class PaperScanner {
    private final Scanner scanner;
    private final PageWriter writer;

    public PaperScanner(Scanner scanner, PageWriter writer) {
        this.scanner = scanner;
        this.writer = writer;
    }

    /**
     * Scans a batch and inserts its pages from {@code at} on ({@code document.size()} appends; a
     * rescan deletes the old page first and scans one flatbed page at its index). Blocks.
     *
     * @return the number of pages added
     */
    public int scanInto(PaperDocument document, int at, ScanSettings settings, Cancellation cancellation, PagesListener listener)
            throws ScanningException {
        int[] next = {at};
        try {
            return scan(document, settings, cancellation, listener, next);
        } catch (ScanningException e) {
            if (settings.source() == PaperSource.FEEDER_DUPLEX && e.pagesDelivered() % 2 == 1) {
                dropLoneFront(document, next[0] - 1);
            }
            throw e;
        }
    }

    /** Pages kept from a failed batch of {@code source}: the sheet to put in first when the citizen goes on (1-based). */
    public static int restartSheet(int pagesKept, PaperSource source) {
        return (source == PaperSource.FEEDER_DUPLEX ? pagesKept / 2 : pagesKept) + 1;
    }

    private static void dropLoneFront(PaperDocument document, int index) {
        try {
            document.delete(index);
        } catch (IOException e) {
            // Its file stays in the session folder until the session ends; the page is out of the paper.
        }
    }

    private int scan(PaperDocument document, ScanSettings settings, Cancellation cancellation, PagesListener listener,
            int[] next) throws ScanningException {
        return scanner.scan(settings, new ScanListener() {
            @Override
            public void pageStarted(int number) {
                listener.pageStarted(number);
            }

            @Override
            public void progress(int number, long received, long expected) {
                listener.progress(number, expected > 0 ? Math.min(1.0, (double) received / expected) : -1);
            }

            @Override
            public void pageScanned(ScannedImage scanned) throws IOException {
                Page page = writer.write(scanned.image(), scanned.dpi(), scanned.mode(), scanned.backSide());
                int index = next[0]++;
                document.insert(index, page);
                listener.pageAdded(index, page);
            }
        }, cancellation);
    }
}
