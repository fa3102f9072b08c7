// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrinterChecks;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.printing.TestPage;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.Scanner;
import vn.motcua.kiosk.scanning.ScannerChecks;
import vn.motcua.kiosk.scanning.ScanningException;
import vn.motcua.kiosk.signing.TokenInfo;

/**
 * The counter's devices as staff see them: the receipt printer (its IPP state and reasons), the
 * scanner, signing tokens, the ID-card reader, the portal link, disk space, and when a print and
 * a scan last worked. A test print and a test scan from the screen. Each check says in words what
 * is wrong and what to do; blocking (devices, the network): call it off the UI thread.
 */
public final class DeviceHealth {
    /** Below this the kiosk warns: scans and the outbox need room, and SQLite fails badly when full. */
    public static final long LOW_DISK_BYTES = 1L << 30;
    private static final Duration PRINT_LIMIT = Duration.ofSeconds(60);

    public enum Device { PRINTER, SCANNER, TOKENS, ID_CARD_READER, PORTAL, DISK }

    /** One device: whether it is well, and what it says (or what to do). */
    public record Item(Device device, boolean ok, String detail) {}

    /** @param lastPrint when a print last came out (any: receipt, reprint, result, test page), or null */
    public record Report(List<Item> items, Instant lastPrint, Instant lastScan) {
        public List<Item> problems() {
            return items.stream().filter(i -> !i.ok()).toList();
        }
    }

    /** How the ID-card QR reaches the kiosk: a keyboard-like reader (nothing to check) or a serial port. */
    public record IdCardReader(boolean serial, String port) {}

    private final Supplier<Printer> printer;
    private final PaperSize paper;
    private final Supplier<Scanner> scanner;
    private final Supplier<List<TokenInfo>> tokens;
    private final IdCardReader reader;
    private final Supplier<Connectivity.State> portal;
    private final Path dataDir;
    private final Clock clock;
    private volatile Instant lastPrint;
    private volatile Instant lastScan;

    public DeviceHealth(Supplier<Printer> printer, PaperSize paper, Supplier<Scanner> scanner, Supplier<List<TokenInfo>> tokens,
            IdCardReader reader, Supplier<Connectivity.State> portal, Path dataDir, Clock clock) {
        this.printer = printer;
        this.paper = paper;
        this.scanner = scanner;
        this.tokens = tokens;
        this.reader = reader;
        this.portal = portal;
        this.dataDir = dataDir;
        this.clock = clock;
    }

    /** Every device once; {@code m} words the details. */
    public Report check(Messages m) {
        List<Item> items = new ArrayList<>();
        items.add(printerItem(m));
        items.add(scannerItem(m));
        items.add(tokensItem(m));
        items.add(readerItem(m));
        items.add(portalItem(m));
        items.add(diskItem(m));
        return new Report(List.copyOf(items), lastPrint, lastScan);
    }

    /** "In trang thử": a test page on the receipt printer, waited for until it is out. */
    public void printTestPage(Messages m) throws PrintingException {
        Printer p = printer.get();
        Printer.PrintJob job = p.print(TestPage.pdf(m, p.status().name(), paper), paper);
        p.awaitDone(job, PRINT_LIMIT);
        printed();
    }

    /** "Quét thử": one page from the scanner with the kiosk's settings; returns its pixel size. */
    public String testScan() throws ScanningException {
        int[] size = new int[3];
        scanner.get().scan(ScanSettings.defaults(), page -> {
            size[0] = page.image().getWidth();
            size[1] = page.image().getHeight();
            size[2] = page.dpi();
        }, Cancellation.none());
        scanned();
        return size[0] + "×" + size[1] + " @ " + size[2] + " dpi";
    }

    /** A print came out (any screen's). */
    public void printed() {
        lastPrint = clock.instant();
    }

    /** A scan worked (the papers screen's). */
    public void scanned() {
        lastScan = clock.instant();
    }

    /** The printer as the kiosk uses it, telling this class when a job came out. */
    public Printer watch(Printer p) {
        return new WatchedPrinter(p, this);
    }

    /** The scanner as the kiosk uses it, telling this class when a scan worked. */
    public Scanner watch(Scanner s) {
        return new WatchedScanner(s, this);
    }

    private Item printerItem(Messages m) {
        // The checks doctor runs, without its test page: the queue's state, reasons and message.
        List<PrinterChecks.Line> lines = new PrinterChecks(printer.get(), paper, PRINT_LIMIT).run(m, false);
        return lines.stream().filter(l -> !l.ok()).findFirst()
                .map(l -> new Item(Device.PRINTER, false, l.detail()))
                .orElseGet(() -> new Item(Device.PRINTER, true, lines.size() > 1 ? lines.get(1).detail() : lines.get(0).detail()));
    }

    private Item scannerItem(Messages m) {
        List<ScannerChecks.Line> lines = new ScannerChecks(scanner.get()).run(m, false);
        return lines.stream().filter(l -> !l.ok()).findFirst()
                .map(l -> new Item(Device.SCANNER, false, l.detail()))
                .orElseGet(() -> new Item(Device.SCANNER, true, lines.size() > 1 ? lines.get(1).detail() : lines.get(0).detail()));
    }

    /** Tokens are needed only to sign: none plugged in is said, not flagged. */
    private Item tokensItem(Messages m) {
        try {
            List<TokenInfo> found = tokens.get();
            return new Item(Device.TOKENS, true, found.isEmpty() ? m.get("health.tokens.none")
                    : m.get("health.tokens.some", found.size(), String.join(", ", found.stream().map(t -> t.label() == null || t.label().isBlank() ? t.model() : t.label().strip()).toList())));
        } catch (RuntimeException e) {
            return new Item(Device.TOKENS, false, m.get("health.tokens.failed"));
        }
    }

    private Item readerItem(Messages m) {
        if (!reader.serial()) {
            return new Item(Device.ID_CARD_READER, true, m.get("doctor.idReader.keyboard"));
        }
        // The kiosk holds the port open itself: its presence is what can be checked here.
        boolean present = reader.port() != null && Files.exists(Path.of(reader.port()));
        return new Item(Device.ID_CARD_READER, present, m.get(present ? "doctor.idReader.serial" : "doctor.idReader.problem",
                reader.port()));
    }

    private Item portalItem(Messages m) {
        Connectivity.State state = portal.get();
        return new Item(Device.PORTAL, state != Connectivity.State.OFFLINE, m.get("health.portal." + state.name()));
    }

    private Item diskItem(Messages m) {
        try {
            long free = Files.getFileStore(dataDir).getUsableSpace();
            String mb = String.valueOf(free / (1L << 20));
            return new Item(Device.DISK, free >= LOW_DISK_BYTES, m.get(free >= LOW_DISK_BYTES ? "health.disk.ok" : "health.disk.low", mb));
        } catch (IOException e) {
            return new Item(Device.DISK, false, m.get("health.disk.failed", dataDir));
        }
    }
}
