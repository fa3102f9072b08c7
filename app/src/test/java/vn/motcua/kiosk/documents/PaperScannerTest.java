// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.scanning.ConnectionLostException;
import vn.motcua.kiosk.scanning.PaperJamException;
import vn.motcua.kiosk.scanning.PaperSource;
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.TestSaned;

/** Scanning into a document with SANE's test backend: pages arrive, land on disk, get flagged. */
class PaperScannerTest {
    @org.junit.jupiter.api.BeforeAll
    static void sanedIsThere() {
        TestSaned.address(); // skips (locally) or fails (CI) before any lambda could swallow the abort
    }

    @TempDir
    Path session;

    private static ScanSettings feeder(String picture) {
        return ScanSettings.defaults().withSource(PaperSource.FEEDER).withDeviceOptions(Map.of("test-picture", picture));
    }

    @Test
    void aFeederBatchArrivesPageByPageAndBlankPagesAreFlagged() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperScanner scanner = new PaperScanner(TestSaned.scanner(), writer);
        PaperDocument doc = null;
        List<Integer> added = new ArrayList<>();
        List<Integer> sizesWhenAdded = new ArrayList<>();
        int n;
        for (int lostLinks = 0; ; ) {
            PaperDocument batch = new PaperDocument("cccd");
            doc = batch;
            added.clear();
            sizesWhenAdded.clear();
            try {
                n = scanner.scanInto(batch, 0, feeder("Grid"), new Cancellation(), new PagesListener() {
                    @Override
                    public void pageAdded(int index, Page page) {
                        added.add(index);
                        sizesWhenAdded.add(batch.size()); // already in the document when the screen hears of it
                    }
                });
                break;
            } catch (ConnectionLostException e) {
                // As in moreThanAHundredPagesStreamToDiskIntoOnePdfA: saned's link to the test backend
                // has stalled mid-batch about once in a few full runs on a busy machine (cause not
                // found). The pages before the loss stay; the batch is fed again once. Twice fails.
                lostLinks++;
                assertThat(lostLinks).as("lost links to saned").isLessThan(2);
                assertThat(batch.size()).isEqualTo(e.pagesDelivered());
                assertThat(added).hasSize(e.pagesDelivered());
            }
        }
        assertThat(n).isEqualTo(10);
        assertThat(added).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(sizesWhenAdded).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(doc.blankPages()).isEmpty();

        // "Solid white" is an empty sheet: flagged, kept, inserted where asked (here at the front).
        scanner.scanInto(doc, 0, ScanSettings.defaults().withDeviceOptions(Map.of("test-picture", "Solid white")),
                new Cancellation(), new PagesListener() {});
        assertThat(doc.size()).isEqualTo(11);
        assertThat(doc.blankPages()).containsExactly(0);
    }

    @Test
    void aJamKeepsThePagesBefore() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperDocument doc = new PaperDocument("cccd");
        try {
            new PaperScanner(TestSaned.scanner(), writer).scanInto(doc, 0, feeder("Grid"), new Cancellation(), new PagesListener() {});
        } catch (vn.motcua.kiosk.scanning.ConnectionLostException lost) {
            // saned's test backend stalled once on a loaded machine (CI, 2026-12-06): the pages
            // before the lost link stay, and the batch is scanned again after them, as a citizen would.
            assertThat(doc.size()).isEqualTo(lost.pagesDelivered());
            doc = new PaperDocument("cccd");
            new PaperScanner(TestSaned.scanner(), writer).scanInto(doc, 0, feeder("Grid"), new Cancellation(), new PagesListener() {});
        }
        PaperDocument scanned = doc;
        PaperJamException e = catchThrowableOfType(PaperJamException.class, () -> new PaperScanner(TestSaned.scanner(), writer)
                .scanInto(scanned, scanned.size(), feeder("Grid").withDeviceOptions(Map.of("read-return-value", "SANE_STATUS_JAMMED")),
                        new Cancellation(), new PagesListener() {}));
        assertThat(e.pagesDelivered()).isZero();
        assertThat(scanned.size()).isEqualTo(10);
    }

    @Test
    void moreThanAHundredPagesStreamToDiskIntoOnePdfA() throws Exception {
        // Feeder loads of the test backend (10 sheets each) until 110 pages, one at a time in memory.
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults().withMaxPages(200).withMaxFileBytes(200L * 1024 * 1024));
        PaperScanner scanner = new PaperScanner(TestSaned.scanner(), writer);
        PaperDocument doc = new PaperDocument("ho-so-dai");
        int lostLinks = 0;
        while (doc.size() < 110) {
            int before = doc.size();
            try {
                scanner.scanInto(doc, doc.size(), feeder("Grid"), new Cancellation(), new PagesListener() {});
            } catch (ConnectionLostException e) {
                // Once in many CI runs saned's link stalled mid-batch on a loaded machine. The promise
                // that matters here is the volunteer's: the pages before the loss stay, the rest is
                // fed again. Two losses in one document would be a real problem, not a hiccup.
                lostLinks++;
                assertThat(lostLinks).as("lost links to saned").isLessThan(2);
                assertThat(doc.size()).isEqualTo(before + e.pagesDelivered());
            }
        }
        assertThat(doc.size()).isBetween(110, 119);
        PdfMaker.BuiltPdf pdf = new PdfMaker(writer).build(doc, session.resolve("long.pdf"));
        assertThat(pdf.pages()).isEqualTo(doc.size());
        assertThat(PdfA.problems(pdf.file())).isEmpty();
    }
}
