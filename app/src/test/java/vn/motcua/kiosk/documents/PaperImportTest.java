// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.motcua.kiosk.documents.ImportRefusedException.Reason;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.scanning.ColourMode;

class PaperImportTest {
    @TempDir
    Path session;
    @TempDir
    Path usb;

    private PaperImport importer(DocumentLimits limits) {
        return new PaperImport(new PageWriter(session, limits));
    }

    private static PDDocument pdf(int pages) throws Exception {
        PDDocument doc = new PDDocument();
        for (int i = 0; i < pages; i++) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.beginText();
                c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                c.newLineAtOffset(72, 700);
                c.showText("Page " + (i + 1));
                c.endText();
            }
        }
        return doc;
    }

    private Path save(PDDocument doc, String name) throws Exception {
        Path f = usb.resolve(name);
        try (doc) {
            doc.save(f.toFile());
        }
        return f;
    }

    @Test
    void aGoodPdfBecomesPagesAndThenAPdfA() throws Exception {
        PaperDocument doc = new PaperDocument("x");
        PaperImport importer = importer(DocumentLimits.defaults());
        assertThat(importer.importInto(doc, save(pdf(2), "good.pdf"), ColourMode.GREY)).isEqualTo(2);
        assertThat(doc.page(0).dpi()).isEqualTo(200);
        assertThat(doc.page(0).file()).startsWith(session);
        Path out = session.resolve("out.pdf");
        new PdfMaker(new PageWriter(session, DocumentLimits.defaults())).build(doc, out);
        assertThat(PdfA.problems(out)).isEmpty();
    }

    @Test
    void jpegAndPngAreAcceptedAndConverted() throws Exception {
        Path jpg = usb.resolve("photo.jpg");
        ImageIO.write(TestPages.text(BufferedImage.TYPE_3BYTE_BGR), "jpeg", jpg.toFile());
        Path png = usb.resolve("scan.png");
        ImageIO.write(TestPages.text(BufferedImage.TYPE_BYTE_GRAY), "png", png.toFile());
        PaperDocument doc = new PaperDocument("x");
        importer(DocumentLimits.defaults()).importInto(doc, jpg, ColourMode.COLOUR);
        importer(DocumentLimits.defaults()).importInto(doc, png, ColourMode.GREY);
        assertThat(doc.pages()).extracting(Page::mode).containsExactly(ColourMode.COLOUR, ColourMode.GREY);
        assertThat(doc.pages()).allMatch(p -> p.dpi() == 200 && p.file().startsWith(session));
    }

    @Test
    void brokenEncryptedActiveAndOverlongPdfsAreRefusedWithTheirReason() throws Exception {
        Path broken = usb.resolve("broken.pdf");
        Files.writeString(broken, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage without end", StandardCharsets.ISO_8859_1);

        PDDocument locked = pdf(1);
        StandardProtectionPolicy withPassword = new StandardProtectionPolicy("owner", "user", new AccessPermission());
        locked.protect(withPassword);
        PDDocument ownerOnly = pdf(1);
        ownerOnly.protect(new StandardProtectionPolicy("owner", "", new AccessPermission()));

        PDDocument js = pdf(1);
        js.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi');"));

        PDDocument attached = pdf(1);
        PDEmbeddedFile ef = new PDEmbeddedFile(attached, new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8)));
        PDComplexFileSpecification spec = new PDComplexFileSpecification();
        spec.setFile("hello.txt");
        spec.setEmbeddedFile(ef);
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(Map.of("hello.txt", spec));
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(attached.getDocumentCatalog());
        names.setEmbeddedFiles(tree);
        attached.getDocumentCatalog().setNames(names);

        Path text = usb.resolve("notes.pdf");
        Files.writeString(text, "just text, whatever the name says");

        Map<Path, Reason> cases = Map.of(
                broken, Reason.BROKEN,
                save(locked, "locked.pdf"), Reason.ENCRYPTED,
                save(ownerOnly, "owner.pdf"), Reason.ENCRYPTED,
                save(js, "js.pdf"), Reason.JAVASCRIPT,
                save(attached, "attached.pdf"), Reason.EMBEDDED_FILES,
                save(pdf(4), "long.pdf"), Reason.TOO_MANY_PAGES,
                text, Reason.UNSUPPORTED);
        PaperImport importer = importer(DocumentLimits.defaults().withMaxPages(3));
        for (Map.Entry<Path, Reason> c : cases.entrySet()) {
            PaperDocument doc = new PaperDocument("x");
            ImportRefusedException e = catchThrowableOfType(ImportRefusedException.class,
                    () -> importer.importInto(doc, c.getKey(), ColourMode.GREY));
            assertThat(e).as(c.getKey().getFileName().toString()).isNotNull();
            assertThat(e.reason()).as(c.getKey().getFileName().toString()).isEqualTo(c.getValue());
            assertThat(doc.isEmpty()).isTrue();
            for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                assertThat(Messages.of(l).has(e.messageKey())).isTrue();
            }
        }
    }

    @Test
    void aTinyPictureIsRefusedAsUnreadable() throws Exception {
        Path small = usb.resolve("small.png");
        ImageIO.write(new BufferedImage(800, 600, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
        ImportRefusedException e = catchThrowableOfType(ImportRefusedException.class,
                () -> importer(DocumentLimits.defaults()).importInto(new PaperDocument("x"), small, ColourMode.GREY));
        assertThat(e.reason()).isEqualTo(Reason.LOW_RESOLUTION);
        assertThat(e.describe(Messages.of(Locale.ENGLISH))).contains("200 dpi");
    }
}
