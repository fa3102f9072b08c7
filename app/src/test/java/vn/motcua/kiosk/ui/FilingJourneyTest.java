// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Label;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.places.Province;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.scanning.TestSaned;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.testing.Dossiers;
import vn.motcua.portal.training.TrainingPortal;

/**
 * The end of the citizen's path through the real shell, with the real parts: papers scanned from
 * SANE's test backend (private saned) and imported from a "USB stick" folder, "Nộp hồ sơ" through
 * the outbox to the training portal over HTTP, the fee paid by VietQR (the trainer records the
 * payment), and the receipt printed on the private CUPS (cups-pdf) with the portal's code on it.
 */
class FilingJourneyTest extends PortalShellFixture {
    private Path usb;
    private Path out;

    @BeforeEach
    void devices() throws Exception {
        out = ExternalTools.requireCups();
        services.useScanner(() -> TestSaned.scanner(TestSaned.address(), "test:1"));
        usb = Files.createDirectories(dataDir.resolve("usb-stick"));
        services.useRemovableMedia(List.of(usb));
        online();
    }

    /**
     * From Welcome to the papers of a birth-record extract: consent, the procedure found by search,
     * the form's answers as the form step leaves them (two copies).
     */
    static void startExtractRequest(FxRobot robot, ShellFixture shell) {
        robot.clickOn("#file").clickOn("#consent-agree").clickOn("#consent-continue");
        robot.clickOn("#procedure-search").write("trich luc");
        robot.clickOn("#key-hide");
        robot.clickOn("#procedure-trich-luc-ho-tich");
        Province khanhHoa = shell.services.catalogue().places().province("56").orElseThrow();
        robot.interact(() -> {
            shell.services.sessions().answerAll(Dossiers.extractRequest(khanhHoa, 2));
            shell.vm.goTo(Step.PAPERS);
        });
    }

    private String text(FxRobot robot, String id) {
        return ((Label) find(robot, id)).getText();
    }

    private static void onePagePdf(Path file) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(file.toFile());
        }
    }

    private Set<Path> printed() {
        return ExternalTools.printed(out);
    }

    @Test
    void aCitizenScansFilesPaysAndLeavesWithAPrintedReceiptCarryingThePortalsCode(FxRobot robot) throws Exception {
        onePagePdf(usb.resolve("cccd.pdf"));
        Files.write(usb.resolve("hong.pdf"), "%PDF-1.7 this is not a PDF".getBytes());
        Files.writeString(usb.resolve("ghi-chu.txt"), "not offered");

        startExtractRequest(robot, this);

        // The declaration is made from the answers; the ID card is required and missing.
        await(() -> text(robot, "paper-state-declaration").startsWith("Kiosk đã tạo từ tờ khai: 1 trang"));
        assertThat(text(robot, "paper-state-idCard")).isEqualTo("Chưa có — bắt buộc");
        assertThat(showing(robot, "paper-scan-declaration")).isFalse();
        press(robot, "papers-next");
        assertThat(text(robot, "papers-missing")).isEqualTo(
                "Còn thiếu: Thẻ căn cước / CCCD của người yêu cầu. Xin quét hoặc lấy tệp từ USB cho các giấy tờ này.");
        assertThat(vm.stepProperty().get()).isEqualTo(Step.PAPERS);

        // Scanned from the glass (SANE test backend through saned), then removed again.
        press(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 1 trang"));
        DossierDocument scanned = services.sessions().current().orElseThrow().documents().get(1);
        assertThat(scanned.type()).isEqualTo("idCard");
        assertThat(Files.exists(scanned.file())).isTrue();
        press(robot, "paper-remove-idCard");
        await(() -> text(robot, "paper-state-idCard").equals("Chưa có — bắt buộc"));
        assertThat(Files.exists(scanned.file())).isFalse();

        // From the "USB stick": only PDF, JPEG and PNG are offered; a broken PDF is refused in words.
        press(robot, "paper-usb-feeProof");
        await(() -> showing(robot, "usb-file-hong_pdf"));
        assertThat(showing(robot, "usb-file-ghi_chu_txt")).isFalse();
        press(robot, "usb-file-hong_pdf");
        await(() -> text(robot, "paper-state-feeProof").startsWith("Tệp bị hỏng"));
        press(robot, "paper-usb-idCard");
        await(() -> showing(robot, "usb-file-cccd_pdf"));
        press(robot, "usb-file-cccd_pdf");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: 1 trang"));
        press(robot, "papers-next");

        // Signing is optional for this procedure: on without a token.
        await(() -> showing(robot, "review"));
        press(robot, "review-continue");

        await(() -> showing(robot, "submit-go"));
        press(robot, "submit-go");
        await(() -> text(robot, "submit-state").startsWith("Đã nộp. Mã hồ sơ: "));
        String code = text(robot, "submit-state").substring("Đã nộp. Mã hồ sơ: ".length());
        // The portal's agency list says who receives extracts (not the kiosk's own agency).
        assertThat(code).matches("000\\.25\\.14\\.H56-\\d{6}-\\d{4}");
        List<DossierDocument> papers = services.sessions().current().orElseThrow().documents();
        TrainingPortal.Filed onPortal = portal.portal.filed().stream().filter(f -> code.equals(f.code())).findFirst()
                .orElseThrow();
        assertThat(onPortal.documents()).extracting(TrainingPortal.FiledDocument::type).containsExactly("declaration", "idCard");
        for (int i = 0; i < papers.size(); i++) {
            assertThat(portal.portal.uploadedBytes(onPortal.documents().get(i).uploadId()))
                    .isEqualTo(Files.readAllBytes(papers.get(i).file()));
        }
        assertThat(services.sessions().current().orElseThrow().filedAs()).isEqualTo(onPortal.localReference());

        // Two copies at 8.000 đ: the fee screen, paid by the trainer, turns green.
        press(robot, "submit-next");
        await(() -> showing(robot, "fee-qr"));
        assertThat(text(robot, "fee-amount")).isEqualTo("16.000 đ");
        trainerPays(code);
        await(() -> showing(robot, "fee-next"));
        press(robot, "fee-next");

        // The receipt: the portal's code, then printed.
        await(() -> showing(robot, "outcome-print") && !((javafx.scene.control.Button) find(robot, "outcome-print")).isDisabled());
        assertThat(text(robot, "outcome-title")).isEqualTo("Đã nộp hồ sơ");
        assertThat(text(robot, "outcome-code")).isEqualTo(code);
        Set<Path> before = printed();
        press(robot, "outcome-print");
        await(() -> text(robot, "outcome-status").startsWith("Đã in xong") || showing(robot, "outcome-retry"));
        assertThat(text(robot, "outcome-status")).as(() -> text(robot, "outcome-trouble")).startsWith("Đã in xong");
        await(() -> printed().size() > before.size());
        Set<Path> after = printed();
        after.removeAll(before);
        // cups-pdf re-encodes text, so the paper is read as a citizen's phone would: its QR code.
        assertThat(ExternalTools.qrCodes(ExternalTools.rasterise(after.iterator().next(), 150))).containsExactly(code);

        // The way home erases the session, its papers with it.
        Path folder = services.sessions().current().orElseThrow().workFolder();
        press(robot, "outcome-end");
        assertThat(services.sessions().current()).isEmpty();
        services.sessions().flush();
        assertThat(Files.exists(folder)).isFalse();
    }
}
