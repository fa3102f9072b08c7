// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.scanning.ColourMode;
import vn.motcua.kiosk.scanning.PaperJamException;
import vn.motcua.kiosk.scanning.PaperSource;
import vn.motcua.kiosk.scanning.ScanListener;
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.ScannedImage;
import vn.motcua.kiosk.scanning.Scanner;
import vn.motcua.kiosk.scanning.ScannerCapabilities;
import vn.motcua.kiosk.scanning.ScannerInfo;

/**
 * Duplex rules of the document, with a scanner double (the real duplex path is tested against
 * an eSCL scanner through sane-airscan): a sheet that jams half-way loses its lone front, since
 * it goes through the feeder again; the restart sheet counts sheets, not pages.
 */
class PaperScannerDuplexTest {
    @TempDir
    Path session;

    /** Delivers {@code pages} sides (fronts printed, backs blank), then jams. */
    private record JammingDuplex(int pages) implements Scanner {
        @Override
        public List<ScannerInfo> scanners() {
            return List.of();
        }

        @Override
        public ScannerCapabilities capabilities() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int scan(ScanSettings settings, ScanListener listener, Cancellation cancellation) throws PaperJamException {
            for (int n = 1; n <= pages; n++) {
                boolean back = n % 2 == 0;
                try {
                    listener.pageScanned(new ScannedImage(n, side(!back), 100, settings.mode(), back));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            throw new PaperJamException("double", pages, "after " + pages, null);
        }

        private static BufferedImage side(boolean printed) {
            BufferedImage i = new BufferedImage(400, 560, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D g = i.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 400, 560);
            if (printed) {
                g.setColor(Color.BLACK);
                for (int y = 40; y < 520; y += 24) {
                    g.fillRect(30, y, 340, 8);
                }
            }
            g.dispose();
            return i;
        }
    }

    private static ScanSettings duplex() {
        return ScanSettings.defaults().withMode(ColourMode.GREY).withSource(PaperSource.FEEDER_DUPLEX);
    }

    @Test
    void aSheetJammedHalfWayLosesItsLoneFrontAndTheRestartCountsSheets() throws Exception {
        PaperDocument doc = new PaperDocument("birth");
        PaperScanner scanner = new PaperScanner(new JammingDuplex(5), new PageWriter(session, DocumentLimits.defaults()));
        PaperJamException jam = catchThrowableOfType(
                () -> scanner.scanInto(doc, 0, duplex(), new Cancellation(), new PagesListener() { }), PaperJamException.class);

        assertThat(jam.pagesDelivered()).isEqualTo(5);
        assertThat(doc.size()).as("two whole sheets kept; the third sheet's front goes again").isEqualTo(4);
        assertThat(doc.pages()).extracting(Page::backSide).containsExactly(false, true, false, true);
        assertThat(doc.pages()).extracting(Page::blank).containsExactly(false, true, false, true);
        try (var files = Files.list(session.resolve("pages"))) {
            assertThat(files.count()).as("the lone front's file is erased").isEqualTo(4);
        }
        assertThat(PaperScanner.restartSheet(doc.size(), PaperSource.FEEDER_DUPLEX)).isEqualTo(3);
    }

    @Test
    void aWholeSheetBeforeTheJamStaysWhole() throws Exception {
        PaperDocument doc = new PaperDocument("birth");
        PaperScanner scanner = new PaperScanner(new JammingDuplex(4), new PageWriter(session, DocumentLimits.defaults()));
        catchThrowableOfType(() -> scanner.scanInto(doc, 0, duplex(), new Cancellation(), new PagesListener() { }),
                PaperJamException.class);
        assertThat(doc.size()).isEqualTo(4);
        assertThat(PaperScanner.restartSheet(4, PaperSource.FEEDER_DUPLEX)).isEqualTo(3);
        assertThat(PaperScanner.restartSheet(4, PaperSource.FEEDER)).isEqualTo(5);
    }
}
