// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.kiosk.receipt.ExternalTools.requireCups;
import static vn.motcua.kiosk.testing.Bytes.indexOf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;
import vn.motcua.kiosk.receipt.Receipts;

/**
 * The private CUPS is set up as the installers set the kiosk's (installers/linux/cups/cupsd-kiosk.conf):
 * once a receipt has printed, its spool keeps neither the job's data file (d…) nor its history
 * file (c…), CUPS lists no finished job, and no file there holds the citizen's name — while the
 * kiosk still learns how the job ended (JavaxPrinter asks an IPP subscription, not the history).
 */
class CupsSpoolTest {
    private static final String NAME = "Khổng Thị Ỷ Lan Quyên";
    private static final String ID_NUMBER = "079197004321";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void aPrintedReceiptLeavesNothingInTheSpool() throws Exception {
        Path out = requireCups();
        String spoolVariable = System.getenv("KIOSK_TEST_CUPS_SPOOL");
        assertThat(spoolVariable).as("KIOSK_TEST_CUPS_SPOOL (exported by scripts/services/cups.sh)").isNotNull();
        Path spool = Path.of(spoolVariable);
        Receipt r = Receipts.filed(true);
        Receipt citizen = new Receipt(r.issuingAgency(), r.receivingUnit(), r.receiptNumber(), r.dossierCode(), r.localReference(),
                new Receipt.Applicant(NAME, ID_NUMBER, "7 Lê Lợi, phường Nha Trang, tỉnh Khánh Hòa", "0905987654", null),
                r.procedure(), r.documents(), r.handlingDays(), r.fee(), r.receivedAt(), r.dueAt(), r.delivery(), r.trackingUrl(),
                r.receivingOfficer(), r.training());
        JavaxPrinter printer = new JavaxPrinter("KioskPDF");

        Printer.PrintJob job = printer.print(new ReceiptRenderer().render(citizen, ReceiptLayout.A5), PaperSize.A5);
        printer.awaitDone(job, LIMIT);

        assertThat(out.resolve("job-" + job.jobId() + ".pdf")).as("it printed").exists();
        String control = String.format("c%05d", job.jobId());
        String data = String.format("d%05d-", job.jobId());
        // CUPS removes a finished job's files as it finishes it: wait for that, not for a fixed time.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!jobFiles(spool, control, data).isEmpty() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // then look again
        }
        assertThat(jobFiles(spool, control, data)).as("the job's files in " + spool).isEmpty();
        // No history either: CUPS no longer lists the job, not even among the finished ones.
        assertThat(CupsIpp.fromEnvironment(System::getenv).jobs("KioskPDF"))
                .noneMatch(j -> j.getOrDefault("job-id", List.of()).contains(job.jobId()));
        assertThat(filesHolding(spool, NAME)).isEmpty();
        assertThat(filesHolding(spool, ID_NUMBER)).isEmpty();
    }

    private static List<Path> jobFiles(Path spool, String control, String data) throws Exception {
        try (Stream<Path> all = Files.walk(spool)) {
            return all.filter(Files::isRegularFile).filter(p -> {
                String f = p.getFileName().toString();
                return f.equals(control) || f.startsWith(data);
            }).toList();
        }
    }

    /** Files of the spool holding {@code text} in UTF-8 (NFC or NFD) or UTF-16 (LE or BE). */
    private static List<Path> filesHolding(Path spool, String text) throws Exception {
        List<byte[]> needles = new ArrayList<>();
        for (String form : List.of(Normalizer.normalize(text, Normalizer.Form.NFC), Normalizer.normalize(text, Normalizer.Form.NFD))) {
            needles.add(form.getBytes(StandardCharsets.UTF_8));
            needles.add(form.getBytes(StandardCharsets.UTF_16LE));
            needles.add(form.getBytes(StandardCharsets.UTF_16BE));
        }
        List<Path> hits = new ArrayList<>();
        try (Stream<Path> all = Files.walk(spool)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                byte[] hay = Files.readAllBytes(p);
                if (needles.stream().anyMatch(n -> indexOf(hay, n) >= 0)) {
                    hits.add(p);
                }
            }
        }
        return hits;
    }
}
