// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A network (eSCL/AirScan) scanner used like a USB one, the whole way: SaneScanner → saned →
 * sane-airscan → HTTP → {@link EsclTestScanner} on loopback, at the address saned.sh wrote into
 * sane-airscan's configuration (no mDNS).
 */
class EsclScannerTest {
    private static EsclTestScanner escl;
    private static String device;

    @BeforeAll
    static void start() throws Exception {
        escl = EsclTestScanner.fromEnvironment();
        device = EsclTestScanner.device();
    }

    @AfterAll
    static void stop() {
        if (escl != null) {
            escl.close();
        }
    }

    @BeforeEach
    void emptyFeeder() {
        escl.loadFeeder(0);
    }

    private static SaneScanner scanner() {
        return TestSaned.scanner(TestSaned.address(), device);
    }

    private static final ScanSettings FEEDER = ScanSettings.defaults().withSource(PaperSource.FEEDER);

    /** What a test needs of each page, read from the image at once; the image itself is dropped. */
    record Page(int number, boolean backSide, int dpi, int width, int height, int components, int printedNumber,
            boolean backMark, Color stamp) {}

    static final class Collect implements ScanListener {
        final List<Page> pages = new ArrayList<>();

        @Override
        public void pageScanned(ScannedImage p) {
            pages.add(new Page(p.number(), p.backSide(), p.dpi(), p.image().getWidth(), p.image().getHeight(),
                    p.image().getColorModel().getNumColorComponents(), EsclTestScanner.pageNumber(p.image(), p.dpi()),
                    EsclTestScanner.backMark(p.image(), p.dpi()), EsclTestScanner.stamp(p.image(), p.dpi())));
        }
    }

    @Test
    void listedAndOffersFlatbedFeederDuplexAndColour() throws Exception {
        // saned lists no sane-airscan device (all "remote"; Debian 12 has no pretend-local): the
        // configured one is listed because it opens, which asks the scanner for its capabilities.
        assertThat(scanner().scanners()).extracting(ScannerInfo::name).contains(device, "test:0");
        assertThat(escl.requests()).contains("GET /eSCL/ScannerCapabilities");
        assertThat(TestSaned.scanner(TestSaned.address(), "auto").scanners()).extracting(ScannerInfo::name)
                .containsExactlyInAnyOrder("test:0", "test:1");

        ScannerCapabilities caps = scanner().capabilities();
        assertThat(caps.scanner().name()).isEqualTo(device);
        assertThat(caps.sources()).containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.FEEDER, PaperSource.FEEDER_DUPLEX);
        assertThat(caps.modes()).contains(ColourMode.COLOUR, ColourMode.GREY);
        assertThat(caps.minDpi()).isEqualTo(200);
        assertThat(caps.maxDpi()).isEqualTo(300);
        assertThat(escl.requests()).contains("GET /eSCL/ScannerCapabilities");
    }

    @Test
    void aFlatbedPageArrivesAtA4And200DpiGrey() throws Exception {
        Collect c = new Collect();
        assertThat(scanner().scan(ScanSettings.defaults(), c, new Cancellation())).isEqualTo(1);
        Page p = c.pages.get(0);
        assertThat(p.dpi()).isEqualTo(200);
        assertThat(p.components()).isEqualTo(1);
        // A4 (210 × 297 mm) at 200 dpi: the whole glass was asked for.
        assertThat(p.width()).isBetween(1650, 1656);
        assertThat(p.height()).isBetween(2336, 2342);
        assertThat(p.printedNumber()).isEqualTo(1);
        assertThat(p.backSide()).isFalse();

        EsclTestScanner.Job job = single(escl.jobs());
        assertThat(job.inputSource()).isEqualTo("Platen");
        assertThat(job.colorMode()).isEqualTo("Grayscale8");
        assertThat(job.xResolution()).isEqualTo(200);
        assertThat(job.yResolution()).isEqualTo(200);
        assertThat(job.width300ths()).isBetween(EsclTestScanner.A4_WIDTH_300THS - 2, EsclTestScanner.A4_WIDTH_300THS);
        assertThat(job.height300ths()).isBetween(EsclTestScanner.A4_HEIGHT_300THS - 2, EsclTestScanner.A4_HEIGHT_300THS);
    }

    @Test
    void colourAt300DpiIsAskedForAndArrivesInColour() throws Exception {
        Collect c = new Collect();
        scanner().scan(ScanSettings.defaults().withMode(ColourMode.COLOUR).withDpi(300), c, new Cancellation());
        Page p = c.pages.get(0);
        assertThat(p.dpi()).isEqualTo(300);
        assertThat(p.components()).isEqualTo(3);
        assertThat(p.width()).isBetween(2477, 2481);
        // The red stamp stays red (a grey page would have it mid-grey).
        assertThat(p.stamp().getRed()).isGreaterThan(180);
        assertThat(p.stamp().getGreen()).isLessThan(80);
        EsclTestScanner.Job job = single(escl.jobs());
        assertThat(job.colorMode()).isEqualTo("RGB24");
        assertThat(job.xResolution()).isEqualTo(300);
    }

    @Test
    void aFeederBatchEndsNormallyWhenTheFeederIsEmpty() throws Exception {
        escl.loadFeeder(5);
        Collect c = new Collect();
        // Past the 5th sheet NextDocument answers 404 and ScannerStatus says ScannerAdfEmpty:
        // sane-airscan makes that NO_DOCS, the normal end of a batch.
        assertThat(scanner().scan(FEEDER, c, new Cancellation())).isEqualTo(5);
        assertThat(c.pages).extracting(Page::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(c.pages).extracting(Page::printedNumber).containsExactly(1, 2, 3, 4, 5);
        assertThat(c.pages).noneMatch(Page::backSide);
        assertThat(c.pages).allMatch(p -> p.components() == 1 && p.dpi() == 200);

        EsclTestScanner.Job job = single(escl.jobs()); // one eSCL job for the whole batch
        assertThat(job.inputSource()).isEqualTo("Feeder");
        assertThat(job.duplex()).isFalse();
        assertThat(job.colorMode()).isEqualTo("Grayscale8");
        assertThat(job.xResolution()).isEqualTo(200);
    }

    @Test
    void duplexGivesFrontsAndBacksInOrder() throws Exception {
        escl.loadFeeder(3);
        Collect c = new Collect();
        assertThat(scanner().scan(FEEDER.withSource(PaperSource.FEEDER_DUPLEX).withMode(ColourMode.COLOUR), c,
                new Cancellation())).isEqualTo(6);
        assertThat(c.pages).extracting(Page::printedNumber).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(c.pages).extracting(Page::backSide).containsExactly(false, true, false, true, false, true);
        // The kiosk's idea of a back is the scanner's: the page itself says "back".
        assertThat(c.pages).allMatch(p -> p.backSide() == p.backMark());
        assertThat(c.pages).allMatch(p -> p.components() == 3);

        EsclTestScanner.Job job = single(escl.jobs());
        assertThat(job.inputSource()).isEqualTo("Feeder");
        assertThat(job.duplex()).isTrue();
        assertThat(job.colorMode()).isEqualTo("RGB24");
    }

    @Test
    void aJamMidBatchKeepsThePagesBeforeIt() throws Exception {
        escl.loadFeeder(5);
        escl.jamBeforePage(3);
        Collect c = new Collect();
        // NextDocument fails, ScannerStatus says ScannerAdfJam: sane-airscan answers JAMMED.
        PaperJamException e = catchThrowableOfType(PaperJamException.class,
                () -> scanner().scan(FEEDER, c, new Cancellation()));
        assertThat(e.pagesDelivered()).isEqualTo(2);
        assertThat(e.device()).isEqualTo(device);
        assertThat(c.pages).extracting(Page::printedNumber).containsExactly(1, 2);
        // The job is ended at the scanner, and after the paper is cleared the next batch works.
        assertThat(escl.deletedJobs()).contains(single(escl.jobs()).id());
        escl.loadFeeder(1);
        assertThat(scanner().scan(FEEDER, new Collect(), new Cancellation())).isEqualTo(1);
    }

    @Test
    void anEmptyFeederAtTheStartIsSaid() {
        FeederEmptyException e = catchThrowableOfType(FeederEmptyException.class,
                () -> scanner().scan(FEEDER, new Collect(), new Cancellation()));
        assertThat(e.pagesDelivered()).isZero();
    }

    private static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
