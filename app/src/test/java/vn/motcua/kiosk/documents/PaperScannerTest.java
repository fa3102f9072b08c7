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
        PaperDocument doc = new PaperDocument("cccd");
        List<Integer> added = new ArrayList<>();
        List<Integer> sizesWhenAdded = new ArrayList<>();
        int n = scanner.scanInto(doc, 0, feeder("Grid"), new Cancellation(), new PagesListener() {
            @Override
            public void pageAdded(int index, Page page) {
                added.add(index);
                sizesWhenAdded.add(doc.size()); // already in the document when the screen hears of it
            }
        });
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
        new PaperScanner(TestSaned.scanner(), writer).scanInto(doc, 0, feeder("Grid"), new Cancellation(), new PagesListener() {});
        PaperJamException e = catchThrowableOfType(PaperJamException.class, () -> new PaperScanner(TestSaned.scanner(), writer)
                .scanInto(doc, doc.size(), feeder("Grid").withDeviceOptions(Map.of("read-return-value", "SANE_STATUS_JAMMED")),
                        new Cancellation(), new PagesListener() {}));
        assertThat(e.pagesDelivered()).isZero();
        assertThat(doc.size()).isEqualTo(10);
    }

    @Test
    void moreThanAHundredPagesStreamToDiskIntoOnePdfA() throws Exception {
        // 11 feeder loads of the test backend (10 sheets each): 110 pages, one at a time in memory.
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults().withMaxPages(200).withMaxFileBytes(200L * 1024 * 1024));
        PaperScanner scanner = new PaperScanner(TestSaned.scanner(), writer);
        PaperDocument doc = new PaperDocument("ho-so-dai");
        for (int load = 0; load < 11; load++) {
            scanner.scanInto(doc, doc.size(), feeder("Grid"), new Cancellation(), new PagesListener() {});
        }
        assertThat(doc.size()).isEqualTo(110);
        PdfMaker.BuiltPdf pdf = new PdfMaker(writer).build(doc, session.resolve("long.pdf"));
        assertThat(pdf.pages()).isEqualTo(110);
        assertThat(PdfA.problems(pdf.file())).isEmpty();
    }
}
