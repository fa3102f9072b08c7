// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.scanning.TestSaned;

/**
 * The papers screen with SANE's test scanner (private saned): three pages scanned, one turned,
 * moved with the preview's arrows and by dragging, one deleted, one scanned again, a PDF from the
 * "USB stick" added and a broken one refused — each change checked in the paper's PDF itself.
 */
class PapersScreenTest extends PapersScreenFixture {
    private Path usb;

    @BeforeEach
    void devices() throws Exception {
        services.useScanner(() -> TestSaned.scanner(TestSaned.address(), "test:1"));
        usb = Files.createDirectories(dataDir.resolve("usb-stick"));
        services.useRemovableMedia(List.of(usb));
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.save(usb.resolve("them-trang.pdf").toFile());
        }
        Files.write(usb.resolve("hong.pdf"), "%PDF-1.7 not really".getBytes());
    }

    /** The quarter turns of the idCard PDF's pages, in order, read from the file (empty while it is being rewritten). */
    private List<Integer> rotations() {
        DossierDocument d = document("idCard");
        List<Integer> out = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(d.file().toFile())) {
            pdf.getPages().forEach(p -> out.add(p.getRotation()));
        } catch (java.io.IOException e) {
            return List.of();
        }
        return out;
    }

    private void scanOnce(FxRobot robot, int expectedPages) {
        press(robot, "paper-scan-idCard");
        await(() -> text(robot, "paper-state-idCard").startsWith("Đã có: " + expectedPages + " trang")
                && thumbs(robot) == expectedPages);
    }

    @Test
    void theCitizenScansTurnsMovesDeletesRescansAndAddsPages(FxRobot robot) throws Exception {
        openPapers(robot);
        await(() -> showing(robot, "paper-scan-idCard"));

        scanOnce(robot, 1);
        scanOnce(robot, 2);
        scanOnce(robot, 3);
        assertThat(rotations()).containsExactly(0, 0, 0);

        // Tap the first page: large, turned a quarter, then one place later with the arrow.
        robot.clickOn("#thumb-idCard-0");
        await(() -> showing(robot, "page-preview") && text(robot, "preview-which").equals("Trang 1 / 3"));
        press(robot, "preview-rotate");
        await(() -> rotations().equals(List.of(90, 0, 0)));
        press(robot, "preview-later");
        await(() -> rotations().equals(List.of(0, 90, 0)) && text(robot, "preview-which").equals("Trang 2 / 3"));
        press(robot, "preview-close");

        // Drag the turned page to the front.
        robot.drag("#thumb-idCard-1").dropTo("#thumb-idCard-0");
        await(() -> rotations().equals(List.of(90, 0, 0)));

        // Delete the last page, scan the first again (it comes back upright, in its place).
        robot.clickOn("#thumb-idCard-2");
        await(() -> showing(robot, "page-preview") && text(robot, "preview-which").equals("Trang 3 / 3"));
        press(robot, "preview-delete");
        await(() -> thumbs(robot) == 2 && text(robot, "paper-state-idCard").startsWith("Đã có: 2 trang"));
        robot.clickOn("#thumb-idCard-0");
        await(() -> showing(robot, "page-preview") && text(robot, "preview-which").equals("Trang 1 / 2"));
        press(robot, "preview-rescan");
        await(() -> !showing(robot, "page-preview") && rotations().equals(List.of(0, 0)));

        // A page from the USB stick joins the paper; a broken PDF is refused and nothing is lost.
        press(robot, "paper-usb-idCard");
        await(() -> showing(robot, "usb-file-them_trang_pdf"));
        press(robot, "usb-file-them_trang_pdf");
        await(() -> thumbs(robot) == 3 && text(robot, "paper-state-idCard").startsWith("Đã có: 3 trang"));
        press(robot, "paper-usb-idCard");
        await(() -> showing(robot, "usb-file-hong_pdf"));
        press(robot, "usb-file-hong_pdf");
        await(() -> text(robot, "paper-state-idCard").startsWith("Tệp bị hỏng"));
        assertThat(thumbs(robot)).isEqualTo(3);
        assertThat(rotations()).hasSize(3);

        // Colour on demand (a red stamp): the next scan's page is colour in the PDF.
        robot.clickOn("#papers-colour");
        press(robot, "paper-scan-feeProof");
        await(() -> text(robot, "paper-state-feeProof").startsWith("Đã có: 1 trang"));
        DossierDocument proof = document("feeProof");
        try (PDDocument pdf = Loader.loadPDF(proof.file().toFile())) {
            var resources = pdf.getPage(0).getResources();
            var image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) resources.getXObject(
                    resources.getXObjectNames().iterator().next());
            assertThat(image.getColorSpace().getNumberOfComponents()).isEqualTo(3);
        }
    }
}
