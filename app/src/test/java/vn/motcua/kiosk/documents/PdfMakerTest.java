// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.scanning.ColourMode;

class PdfMakerTest {
    @TempDir
    Path session;

    private PaperDocument threePages(PageWriter writer, ColourMode mode) throws Exception {
        PaperDocument doc = new PaperDocument("cccd");
        int type = mode == ColourMode.COLOUR ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY;
        for (int i = 0; i < 3; i++) {
            doc.add(writer.write(TestPages.text(type), 200, mode, false));
        }
        return doc;
    }

    @Test
    void onePdfAtFullScaleWithTurnedPages() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperDocument doc = threePages(writer, ColourMode.GREY);
        doc.rotate(1, 90);
        PdfMaker.BuiltPdf built = new PdfMaker(writer).build(doc, session.resolve("cccd.pdf"));
        assertThat(built.pages()).isEqualTo(3);
        assertThat(built.recompressionSteps()).isZero();
        // Regression guard only: this sharp synthetic page costs ~330 KB at quality 0.70, over the
        // issue's 150 KB target (docs/bench-scanning.md says why and what would meet it).
        assertThat(built.bytes()).isLessThan(3 * 400 * 1024);
        try (PDDocument pdf = Loader.loadPDF(built.file().toFile())) {
            PDPage first = pdf.getPage(0);
            // 1654 px at 200 dpi = 8.27 in = 595.4 pt: A4, 100 % scale.
            assertThat(first.getMediaBox().getWidth()).isCloseTo(595.4f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(first.getMediaBox().getHeight()).isCloseTo(842.0f, org.assertj.core.data.Offset.offset(0.5f));
            assertThat(pdf.getPage(1).getRotation()).isEqualTo(90);
            assertThat(pdf.getPage(2).getRotation()).isZero();
        }
    }

    @Test
    void greyColourAndBlackAndWhiteDocumentsArePdfA2b() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        for (ColourMode mode : ColourMode.values()) {
            PaperDocument doc = threePages(writer, mode);
            Path out = session.resolve(mode + ".pdf");
            new PdfMaker(writer).build(doc, out);
            assertThat(PdfA.problems(out)).as(mode + " against PDF/A-2b").isEmpty();
        }
    }

    @Test
    void overTheSizeLimitItIsRecompressedBeforeBeingRefused() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperDocument doc = threePages(writer, ColourMode.GREY);
        long asScanned = new PdfMaker(writer).build(doc, session.resolve("a.pdf")).bytes();

        PageWriter tight = new PageWriter(session, DocumentLimits.defaults().withMaxFileBytes(asScanned * 3 / 4));
        PdfMaker.BuiltPdf built = new PdfMaker(tight).build(doc, session.resolve("b.pdf"));
        assertThat(built.recompressionSteps()).isPositive();
        assertThat(built.bytes()).isLessThanOrEqualTo(asScanned * 3 / 4);
        assertThat(PdfA.problems(built.file())).isEmpty();

        PageWriter impossible = new PageWriter(session, DocumentLimits.defaults().withMaxFileBytes(20 * 1024));
        DocumentTooLargeException e = catchThrowableOfType(DocumentTooLargeException.class,
                () -> new PdfMaker(impossible).build(doc, session.resolve("c.pdf")));
        assertThat(e.limit()).isEqualTo(20 * 1024);
        assertThat(session.resolve("c.pdf")).doesNotExist();
        // Temporary recompressed pages are gone; only the document's own pages remain.
        try (var files = Files.list(session.resolve("pages"))) {
            assertThat(files.filter(f -> !f.toString().endsWith(".pdf")).toList())
                    .containsExactlyInAnyOrderElementsOf(doc.pages().stream().map(Page::file).toList());
        }
    }

    @Test
    void emptyAndOverlongDocumentsAreRefused() throws Exception {
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults().withMaxPages(2));
        assertThat(catchThrowableOfType(PdfMaker.EmptyDocumentException.class,
                () -> new PdfMaker(writer).build(new PaperDocument("x"), session.resolve("e.pdf")))).isNotNull();
        PaperDocument doc = threePages(writer, ColourMode.GREY);
        assertThat(catchThrowableOfType(PdfMaker.TooManyPagesException.class,
                () -> new PdfMaker(writer).build(doc, session.resolve("f.pdf"))).messageKey()).isEqualTo("documents.tooManyPages");
    }
}
