// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import vn.motcua.kiosk.printing.JavaxPrinter;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;

/**
 * Receipt benchmark (scripts/bench-receipt.sh): warm median time to build a receipt PDF per layout
 * (target under 100 ms) and from "In" to the job accepted by CUPS (target under 500 ms); also
 * writes one PDF per layout for the screenshots. Arguments: printer name, output folder.
 */
public final class ReceiptBench {
    private static final int WARMUP = 30;
    private static final int RUNS = 50;
    private static final int PRINTS = 15;

    public static void main(String[] args) throws Exception {
        String printerName = args.length > 0 ? args[0] : "KioskPDF";
        Path outDir = Path.of(args.length > 1 ? args[1] : "target/bench-receipt");
        Files.createDirectories(outDir);
        ReceiptRenderer renderer = new ReceiptRenderer();
        Receipt receipt = sample();

        for (ReceiptLayout layout : ReceiptLayout.values()) {
            for (int i = 0; i < WARMUP; i++) {
                renderer.render(receipt, layout);
            }
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long t = System.nanoTime();
                renderer.render(receipt, layout);
                ms.add((System.nanoTime() - t) / 1e6);
            }
            report("render " + layout, ms, 100);
            Files.write(outDir.resolve("receipt-" + (layout == ReceiptLayout.A5 ? "a5" : "80mm") + ".pdf"),
                    renderer.render(receipt, layout));
        }

        Printer printer = new JavaxPrinter(printerName);
        byte[] a5 = renderer.render(receipt, ReceiptLayout.A5);
        byte[] roll = renderer.render(receipt, ReceiptLayout.ROLL_80MM);
        // First job warms the JDK's printing classes; it is not counted.
        printer.awaitDone(printer.print(a5, PaperSize.A5), Duration.ofSeconds(60));
        for (PaperSize paper : List.of(PaperSize.A5, PaperSize.ROLL_80MM)) {
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < PRINTS; i++) {
                long t = System.nanoTime();
                Printer.PrintJob job = printer.print(paper == PaperSize.A5 ? a5 : roll, paper);
                ms.add((System.nanoTime() - t) / 1e6);
                printer.awaitDone(job, Duration.ofSeconds(60)); // one job at a time, as at the kiosk
            }
            report("print " + paper + " → accepted by " + printerName, ms, 500);
        }
    }

    private static void report(String what, List<Double> ms, double targetMs) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p90 = sorted.get((int) (sorted.size() * 0.9) - 1);
        System.out.printf(Locale.ROOT, "%-42s median %7.1f ms  p90 %7.1f ms  min %7.1f ms  (n=%d, target < %.0f ms: %s)%n",
                what, median, p90, sorted.get(0), sorted.size(), targetMs, median < targetMs ? "met" : "MISSED");
    }

    /** A made-up training dossier (no real person), with three papers and a tracking link. */
    static Receipt sample() {
        String code = "000.00.14.H56-240715-0012";
        return new Receipt("Sở Tư pháp tỉnh Khánh Hòa", "Bộ phận Một cửa", "0012/TN-STP", code, null,
                new Receipt.Applicant("Nguyễn Thị Hồng Nhung", "056190001234",
                        "12 Trần Phú, phường Nha Trang, tỉnh Khánh Hòa", "0905123456", "nhung@example.vn"),
                "Cấp Phiếu lý lịch tư pháp số 1 cho công dân Việt Nam",
                List.of(new Receipt.ReceivedDocument("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", 1, 0),
                        new Receipt.ReceivedDocument("Bản chụp Căn cước công dân", 0, 1),
                        new Receipt.ReceivedDocument("Giấy tờ chứng minh nơi cư trú", 0, 1)),
                10, new Receipt.Fee(200_000, Receipt.FeeStatus.PAID_ONLINE),
                LocalDateTime.of(2024, 7, 15, 10, 5), LocalDateTime.of(2024, 7, 29, 16, 0),
                new Receipt.Delivery(Receipt.ResultChannel.COUNTER, null),
                "https://dichvucong.khanhhoa.gov.vn/tra-cuu?ma=" + code, "Kiosk TAP-HUAN-01", true);
    }
}
