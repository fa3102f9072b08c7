// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.smartcardio.TerminalFactory;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import net.sf.scuba.smartcards.CommandAPDU;
import net.sf.scuba.smartcards.ResponseAPDU;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.applicant.ApplicantView;
import vn.motcua.kiosk.ui.applicant.ApplicantViewModel;
import vn.motcua.kiosk.ui.applicant.ChipViewModel;

/**
 * Benchmark (scripts/bench-chip.sh): the chip of a synthetic CCCD on the virtual reader of the
 * private pcscd, read by the kiosk's own reader. Two figures:
 * <ul>
 *   <li>the read alone (open, BAC, COM, DG1, DG2, DG13, SOD, passive authentication), split into
 *   exchanges before secure messaging (select, BAC), exchanges under secure messaging (CLA 0C:
 *   each one wrapped, sent, answered and unwrapped), and the rest (parsing, hashes, signature);</li>
 *   <li>card on the reader to a filled applicant screen: the QR already read, the card laid down,
 *   until the chip's fields are on the screen (ApplicantView in a JavaFX window).</li>
 * </ul>
 * A bench main, not a test: it lives beside the test fixtures that build and insert the card.
 */
public final class ChipBench {
    private static final String QR =
            "001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021";

    /** Times each exchange; PassportService wraps and unwraps around it. */
    private static final class TimedService extends CardService {
        private final CardService inner;
        final AtomicLong plainNanos = new AtomicLong();
        final AtomicLong secureNanos = new AtomicLong();
        final AtomicLong secureCount = new AtomicLong();
        final AtomicLong plainCount = new AtomicLong();

        TimedService(CardService inner) {
            this.inner = inner;
        }

        @Override
        public void open() throws CardServiceException {
            inner.open();
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public ResponseAPDU transmit(CommandAPDU apdu) throws CardServiceException {
            long start = System.nanoTime();
            try {
                return inner.transmit(apdu);
            } finally {
                long took = System.nanoTime() - start;
                if ((apdu.getCLA() & 0x0C) == 0x0C) {
                    secureNanos.addAndGet(took);
                    secureCount.incrementAndGet();
                } else {
                    plainNanos.addAndGet(took);
                    plainCount.incrementAndGet();
                }
            }
        }

        @Override
        public byte[] getATR() throws CardServiceException {
            return inner.getATR();
        }

        @Override
        public void close() {
            inner.close();
        }

        @Override
        public boolean isConnectionLost(Exception e) {
            return inner.isConnectionLost(e);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        java.util.logging.Logger.getLogger("org.jmrtd").setLevel(java.util.logging.Level.SEVERE);
        Path dir = Files.createTempDirectory("chip-bench");
        String readerName = VirtualChipCard.requireChipReader();
        TestChip chip = ChipReadingTest.citizen().build();
        Path files = chip.writeTo(dir.resolve("card"));
        PassiveAuthentication auth = new PassiveAuthentication(List.of(chip.cscaCertificate()));
        List<double[]> reads = new ArrayList<>();
        List<Double> screens = new ArrayList<>();
        try (VirtualChipCard card = new VirtualChipCard(dir)) {
            List<TimedService> timed = new ArrayList<>();
            PcscChipReader reader = new PcscChipReader(() -> TerminalFactory.getInstance("PC/SC", null).terminals(),
                    List.of(readerName), auth, t -> {
                        TimedService s = new TimedService(CardService.getInstance(t));
                        timed.add(s);
                        return s;
                    });
            for (int i = 0; i <= rounds; i++) { // round 0 warms the JVM up and is not counted
                card.insert(files, 0);
                long start = System.nanoTime();
                reader.read(ChipReadingTest.KEY, ChipReader.Progress.NONE);
                long total = System.nanoTime() - start;
                TimedService s = timed.get(timed.size() - 1);
                if (i > 0) {
                    reads.add(new double[] {ms(total), ms(s.plainNanos.get()), ms(s.secureNanos.get()),
                        s.plainCount.get(), s.secureCount.get()});
                }
                card.remove();
            }
            screens.addAll(screenRounds(card, files, PcscChipReader.system(List.of(readerName), auth), rounds));
        }
        double total = median(reads, 0);
        double before = median(reads, 1);
        double wire = median(reads, 2);
        double checks = checkingTime(chip, auth, rounds);
        double wrapping = total - before - wire - checks;
        System.out.println("Chip read on the virtual reader (BAC, 3DES secure messaging), " + rounds + " rounds, median:");
        System.out.printf(Locale.ROOT, "  read total                                     %7.1f ms%n", total);
        System.out.printf(Locale.ROOT, "  exchanges before SM (select, BAC; %2.0f APDUs)    %7.1f ms%n", median(reads, 3), before);
        System.out.printf(Locale.ROOT, "  exchanges under SM, on the wire (%2.0f APDUs)     %7.1f ms%n", median(reads, 4), wire);
        System.out.printf(Locale.ROOT, "  SM wrapping/unwrapping and JMRTD's own work     %7.1f ms%n", wrapping);
        System.out.printf(Locale.ROOT, "  checks (SOD signature, hashes, DG13, DG2)       %7.1f ms%n", checks);
        System.out.printf(Locale.ROOT, "  share in secure messaging (wire + wrapping)     %7.0f %%%n", 100 * (wire + wrapping) / total);
        System.out.printf(Locale.ROOT, "Card on the reader to a filled applicant screen: median %.0f ms, max %.0f ms (target < 3000)%n",
                screens.stream().sorted().toList().get(screens.size() / 2), screens.stream().mapToDouble(d -> d).max().orElse(0));
        Platform.exit();
        System.exit(0);
    }

    /** What the reader does after the last exchange, timed on the same bytes without a card. */
    private static double checkingTime(TestChip chip, PassiveAuthentication auth, int rounds) throws Exception {
        java.util.Map<Integer, byte[]> groups = new java.util.LinkedHashMap<>();
        groups.put(1, chip.file(TestChip.EF_DG1));
        groups.put(2, chip.file(TestChip.EF_DG2));
        groups.put(13, chip.file(TestChip.EF_DG13));
        byte[] sod = chip.file(TestChip.EF_SOD);
        List<double[]> times = new ArrayList<>();
        for (int i = 0; i < rounds + 20; i++) {
            long start = System.nanoTime();
            auth.check(sod, groups);
            Dg13.parse(groups.get(13));
            new org.jmrtd.lds.icao.DG2File(new java.io.ByteArrayInputStream(groups.get(2))).getFaceInfos();
            if (i >= 20) { // the first ones warm the JIT up, as round 0 of the reads does
                times.add(new double[] {ms(System.nanoTime() - start)});
            }
        }
        return median(times, 0);
    }

    /** The QR read, then the card laid down: until the chip's values are on the screen. */
    private static List<Double> screenRounds(VirtualChipCard card, Path files, ChipReader reader, int rounds) throws Exception {
        Platform.startup(() -> { });
        ExecutorService worker = Executors.newSingleThreadExecutor();
        ApplicantViewModel[] vm = new ApplicantViewModel[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            vm[0] = new ApplicantViewModel(values -> { });
            vm[0].useChip(new ChipViewModel(() -> reader, worker));
            Stage stage = new Stage();
            stage.setScene(new Scene(new ApplicantView(vm[0], new I18n(Locale.forLanguageTag("vi"))), 1280, 800));
            stage.show();
            shown.countDown();
        });
        shown.await();
        List<Double> out = new ArrayList<>();
        for (int i = 0; i <= rounds; i++) {
            AtomicLong filled = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            Platform.runLater(() -> {
                vm[0].reset();
                vm[0].scanned(QR);
                vm[0].chip().stateProperty().addListener((obs, was, is) -> {
                    if (is == ChipViewModel.State.READ && filled.get() == 0) {
                        // The fields are laid out at the next pulse; count until it has run.
                        Platform.runLater(() -> {
                            filled.set(System.nanoTime());
                            done.countDown();
                        });
                    }
                });
            });
            card.insert(files, 0); // returns once PC/SC reports the card: "on the reader"
            long onReader = System.nanoTime();
            if (!done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the chip was not read: " + card.logText());
            }
            if (i > 0) {
                out.add(ms(filled.get() - onReader));
            }
            card.remove();
        }
        worker.shutdownNow();
        return out;
    }

    private static double median(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).sorted().toArray()[rows.size() / 2];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private ChipBench() {}

}
