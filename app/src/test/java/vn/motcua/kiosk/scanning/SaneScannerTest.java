// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.motcua.kiosk.i18n.Messages;

/** The SANE adapter against the real thing: SANE's test backend through saned on loopback. */
class SaneScannerTest {
    @org.junit.jupiter.api.BeforeAll
    static void sanedIsThere() {
        TestSaned.address(); // skips (locally) or fails (CI) before any lambda could swallow the abort
    }

    private static final ScanSettings FEEDER = ScanSettings.defaults().withSource(PaperSource.FEEDER);

    /** Keeps the pages' sizes only; the images are dropped as a real listener would after writing them. */
    static class Collect implements ScanListener {
        final List<ScannedImage> pages = new ArrayList<>();
        final List<Integer> started = new ArrayList<>();
        long lastProgress = -1;

        @Override
        public void pageStarted(int number) {
            started.add(number);
        }

        @Override
        public void progress(int number, long received, long expected) {
            lastProgress = received;
        }

        @Override
        public void pageScanned(ScannedImage page) {
            colourComponents = page.image().getColorModel().getNumColorComponents();
            pages.add(new ScannedImage(page.number(), new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY), page.dpi(),
                    page.mode(), page.backSide()));
            widths.add(page.image().getWidth());
        }

        final List<Integer> widths = new ArrayList<>();
        int colourComponents;
    }

    @Test
    void discoveryListsTheTestScannersAndWhatTheyOffer() throws Exception {
        SaneScanner scanner = TestSaned.scanner();
        assertThat(scanner.scanners()).extracting(ScannerInfo::name).contains("test:0", "test:1");
        ScannerCapabilities caps = scanner.capabilities();
        assertThat(caps.sources()).containsExactlyInAnyOrder(PaperSource.FLATBED, PaperSource.FEEDER);
        assertThat(caps.modes()).containsExactlyInAnyOrder(ColourMode.GREY, ColourMode.COLOUR, ColourMode.BLACK_WHITE);
        assertThat(caps.minDpi()).isEqualTo(1);
        assertThat(caps.maxDpi()).isEqualTo(1200);
    }

    @Test
    void aConfiguredNameIsListedOnceAndOnlyWhenItOpens() throws Exception {
        // Listed by saned: not added again.
        assertThat(TestSaned.scanner().scanners()).extracting(ScannerInfo::name).containsExactly("test:0", "test:1");
        // Not listed and not there: not made up (EsclScannerTest has one that is not listed but opens).
        assertThat(TestSaned.scanner(TestSaned.address(), "test:9").scanners()).extracting(ScannerInfo::name)
                .containsExactly("test:0", "test:1");
        assertThat(new ScannerInfo("airscan:e0:Office", "", "", "").label()).isEqualTo("airscan:e0:Office");
        assertThat(new ScannerInfo("test:0", "Noname", "frontend-tester", "").label()).isEqualTo("Noname frontend-tester (test:0)");
    }

    @Test
    void autoPicksTheFirstScanner() throws Exception {
        SaneScanner scanner = TestSaned.scanner(TestSaned.address(), "auto");
        assertThat(scanner.capabilities().scanner().name()).startsWith("test:");
    }

    @Test
    void aSinglePageFromTheGlassAt200DpiGrey() throws Exception {
        Collect c = new Collect();
        // The test backend's resolution is a FIXED option: 200 goes over the wire as 200.0.
        int n = TestSaned.scanner().scan(ScanSettings.defaults(), c, new Cancellation());
        assertThat(n).isEqualTo(1);
        assertThat(c.started).containsExactly(1);
        assertThat(c.lastProgress).isPositive();
        ScannedImage page = c.pages.get(0);
        assertThat(page.dpi()).isEqualTo(200);
        assertThat(c.colourComponents).isEqualTo(1);
        // The whole 200 mm glass was asked for, not the backend's default 80 mm.
        assertThat(c.widths.get(0)).isBetween(1570, 1580);
    }

    @Test
    void colourOnDemand() throws Exception {
        Collect c = new Collect();
        TestSaned.scanner().scan(ScanSettings.defaults().withMode(ColourMode.COLOUR).withDpi(100), c, new Cancellation());
        assertThat(c.colourComponents).isEqualTo(3);
        assertThat(c.pages.get(0).dpi()).isEqualTo(100);
    }

    @Test
    void aFeederBatchEndsNormallyWhenTheFeederRunsOut() throws Exception {
        Collect c = new Collect();
        // The test backend's feeder holds 10 sheets; the 11th start says NO_DOCS: the normal end.
        int n = TestSaned.scanner().scan(FEEDER, c, new Cancellation());
        assertThat(n).isEqualTo(10);
        assertThat(c.pages).extracting(ScannedImage::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(c.pages).noneMatch(ScannedImage::backSide);
    }

    @Test
    void duplexIsRefusedWhereTheDeviceHasNone() {
        ScannerFailedException e = catchThrowableOfType(ScannerFailedException.class,
                () -> TestSaned.scanner().scan(FEEDER.withSource(PaperSource.FEEDER_DUPLEX), new Collect(), new Cancellation()));
        assertThat(e.messageKey()).isEqualTo("scanning.error.sourceMissing");
    }

    @ParameterizedTest
    @CsvSource({
        "SANE_STATUS_JAMMED, vn.motcua.kiosk.scanning.PaperJamException",
        "SANE_STATUS_COVER_OPEN, vn.motcua.kiosk.scanning.CoverOpenException",
        "SANE_STATUS_DEVICE_BUSY, vn.motcua.kiosk.scanning.ScannerBusyException",
        "SANE_STATUS_NO_DOCS, vn.motcua.kiosk.scanning.FeederEmptyException",
        "SANE_STATUS_CANCELLED, vn.motcua.kiosk.scanning.ScanCancelledException",
        "SANE_STATUS_IO_ERROR, vn.motcua.kiosk.scanning.ScannerFailedException",
    })
    void deviceFailuresBecomeTypedExceptions(String status, Class<? extends ScanningException> expected) throws Exception {
        // The test backend's read-return-value makes sane_read answer this status.
        ScanSettings s = FEEDER.withDeviceOptions(Map.of("read-return-value", status));
        ScanningException e = catchThrowableOfType(ScanningException.class,
                () -> TestSaned.scanner().scan(s, new Collect(), new Cancellation()));
        assertThat(e).isExactlyInstanceOf(expected);
        assertThat(e.pagesDelivered()).isZero();
        assertThat(e.device()).isEqualTo("test:0");
        // The device is usable again at once: every batch ends with sane_cancel.
        assertThat(TestSaned.scanner().scan(ScanSettings.defaults(), new Collect(), new Cancellation())).isEqualTo(1);
    }

    @Test
    void everyFailureHasAVietnameseAndAnEnglishSentence() {
        List<ScanningException> all = List.of(new NoScannerException("x", 0, null, null), new ScannerBusyException("x", 0, null, null),
                new CoverOpenException("x", 1, null, null), new PaperJamException("x", 2, null, null),
                new FeederEmptyException("x", 0, null, null), new ScanCancelledException("x", 3, null, null),
                new ConnectionLostException("x", 4, null, null),
                new ScannerFailedException("scanning.error.failed", "x", 0, null, null),
                new ScannerFailedException("scanning.error.sourceMissing", "x", 0, null, null),
                new ScannerFailedException("scanning.error.storage", "x", 0, null, null));
        for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
            Messages m = Messages.of(l);
            for (ScanningException e : all) {
                assertThat(m.has(e.messageKey())).as(e.messageKey()).isTrue();
                assertThat(e.describe(m)).doesNotContain("{");
            }
        }
        assertThat(new PaperJamException("x", 2, null, null).describe(Messages.of(Locale.ENGLISH))).contains("The 2 page(s)");
    }

    @Test
    void cancelBetweenPagesKeepsThePagesDelivered() throws Exception {
        Cancellation cancel = new Cancellation();
        Collect c = new Collect() {
            @Override
            public void pageScanned(ScannedImage page) {
                super.pageScanned(page);
                if (page.number() == 2) {
                    cancel.cancel(); // as if "Dừng" was pressed while page 2 was being stored
                }
            }
        };
        ScanCancelledException e = catchThrowableOfType(ScanCancelledException.class,
                () -> TestSaned.scanner().scan(FEEDER, c, cancel));
        assertThat(e.pagesDelivered()).isEqualTo(2);
        assertThat(c.pages).hasSize(2);
        assertThat(TestSaned.scanner().scan(ScanSettings.defaults(), new Collect(), new Cancellation())).isEqualTo(1);
    }

    @Test
    void cancelInTheMiddleOfAPageStopsTheTransfer() throws Exception {
        Cancellation cancel = new Cancellation();
        List<Long> progress = new CopyOnWriteArrayList<>();
        Collect c = new Collect() {
            @Override
            public void progress(int number, long received, long expected) {
                progress.add(received);
                assertThat(received).isLessThan(expected);
                cancel.cancel();
            }
        };
        // Small reads so that the page is many records long and the cancel lands mid-page.
        java.util.LinkedHashMap<String, String> small = new java.util.LinkedHashMap<>();
        small.put("read-limit", "true"); // makes read-limit-size active, so it goes first
        small.put("read-limit-size", "4096");
        ScanSettings s = ScanSettings.defaults().withDeviceOptions(small);
        ScanCancelledException e = catchThrowableOfType(ScanCancelledException.class, () -> TestSaned.scanner().scan(s, c, cancel));
        assertThat(e.pagesDelivered()).isZero();
        assertThat(c.pages).isEmpty();
        assertThat(progress).hasSize(1);
        assertThat(TestSaned.scanner().scan(ScanSettings.defaults(), new Collect(), new Cancellation())).isEqualTo(1);
    }

    @Test
    void noSanedMeansNoScanner() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SaneScanner nowhere = TestSaned.scanner(new InetSocketAddress("127.0.0.1", port), "test:0");
        assertThatThrownBy(() -> nowhere.scan(ScanSettings.defaults(), new Collect(), new Cancellation()))
                .isInstanceOf(NoScannerException.class);
    }

    @Test
    void anUnknownDeviceNameMeansNoScanner() {
        SaneScanner unknown = TestSaned.scanner(TestSaned.address(), "test:9");
        assertThatThrownBy(() -> unknown.scan(ScanSettings.defaults(), new Collect(), new Cancellation()))
                .isInstanceOf(NoScannerException.class);
    }

    @Test
    void aBrokenLinkMidBatchIsConnectionLost() throws Exception {
        try (Relay relay = new Relay(TestSaned.address())) {
            Collect c = new Collect() {
                @Override
                public void pageScanned(ScannedImage page) {
                    super.pageScanned(page);
                    relay.close(); // the cable is pulled after the first sheet
                }
            };
            ConnectionLostException e = catchThrowableOfType(ConnectionLostException.class,
                    () -> TestSaned.scanner(relay.address(), "test:0").scan(FEEDER, c, new Cancellation()));
            assertThat(e.pagesDelivered()).isEqualTo(1);
        }
        assertThat(TestSaned.scanner().scan(ScanSettings.defaults(), new Collect(), new Cancellation())).isEqualTo(1);
    }

    @Test
    void doctorListsScannersAndScansATestPage() {
        Messages m = Messages.of(Locale.ENGLISH);
        List<ScannerChecks.Line> lines = new ScannerChecks(TestSaned.scanner()).run(m, true);
        assertThat(lines).allMatch(ScannerChecks.Line::ok);
        assertThat(lines.get(0).detail()).contains("test:0");
        assertThat(lines.get(1).detail()).contains("feeder: yes");
        assertThat(lines.get(2).detail()).contains("at 200 dpi");
        assertThat(new ScannerChecks(TestSaned.scanner()).run(m, false).get(2).detail()).contains("skipped");
    }

    @Test
    void doctorSaysWhenTheScannerIsMissing() {
        List<ScannerChecks.Line> lines = new ScannerChecks(TestSaned.scanner(TestSaned.address(), "test:9"))
                .run(Messages.of(Locale.ENGLISH), true);
        assertThat(lines.get(0).ok()).isTrue();
        assertThat(lines.get(1).ok()).isFalse();
        assertThat(lines.get(1).detail()).startsWith("No scanner found");
        assertThat(lines).hasSize(2);
    }

    /** A TCP relay in front of saned's control port, closed to simulate a broken link. */
    static final class Relay implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        Relay(InetSocketAddress target) throws IOException {
            server = new ServerSocket(0, 5, java.net.InetAddress.getByName("127.0.0.1"));
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Socket in = server.accept();
                        Socket out = new Socket(target.getAddress(), target.getPort());
                        sockets.add(in);
                        sockets.add(out);
                        pump(in, out);
                        pump(out, in);
                    }
                } catch (IOException closed) {
                    // relay closed
                }
            }, "saned-relay");
            t.setDaemon(true);
            t.start();
        }

        private static void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                try (InputStream i = from.getInputStream(); OutputStream o = to.getOutputStream()) {
                    i.transferTo(o);
                } catch (IOException closed) {
                    // either side closed
                }
            }, "saned-relay-pump");
            t.setDaemon(true);
            t.start();
        }

        InetSocketAddress address() {
            return new InetSocketAddress("127.0.0.1", server.getLocalPort());
        }

        @Override
        public void close() {
            try {
                server.close();
                for (Socket s : sockets) {
                    s.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
