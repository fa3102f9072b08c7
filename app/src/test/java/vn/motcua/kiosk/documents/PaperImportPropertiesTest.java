// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import vn.motcua.kiosk.documents.ImportRefusedException.Reason;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.scanning.ColourMode;

/**
 * Issue 12, bad input: PDFs from a USB stick, valid ones built with PDFBox and then damaged
 * (cut short, bytes flipped, the cross-reference table broken, pieces cut out or repeated), and
 * hostile ones built by hand. The import adds the pages of a safe document or refuses it with a
 * reason the papers screen shows in both languages; nothing else escapes, the pages already
 * there stay, and a bomb is refused by the limits (the tests run in Surefire's 1 GB heap).
 */
class PaperImportPropertiesTest {
    private Path session;
    private Path usb;

    @BeforeTry
    void folders() throws IOException {
        session = Files.createTempDirectory("props-session");
        usb = Files.createTempDirectory("props-usb");
    }

    @AfterTry
    void clean() throws IOException {
        for (Path root : List.of(session, usb)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A valid PDF: a few small pages of text and lines. */
    static byte[] validPdf(int pages, int seed) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A6);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                    c.newLineAtOffset(20, 300);
                    c.showText("Trang " + (i + 1) + " / " + seed);
                    c.endText();
                    c.moveTo(10, 10);
                    c.lineTo(200, 10 + seed % 100);
                    c.stroke();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** How a valid file is damaged. */
    enum Damage { TRUNCATE, FLIP, BREAK_XREF, CUT_OUT, REPEAT, ZERO_RUN }

    /** A damaged file, and how (for the report of a failing try). */
    record Damaged(byte[] bytes, String how) {
        @Override
        public String toString() {
            return how + " (" + bytes.length + " bytes)";
        }
    }

    @Provide
    Arbitrary<Damaged> damagedPdfs() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(Damage.values()).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as((pages, damages, seed) -> {
                    try {
                        byte[] b = validPdf(pages, seed);
                        Random r = new Random(seed);
                        for (Damage d : damages) {
                            b = damage(b, d, r);
                        }
                        return new Damaged(b, pages + " pages, " + damages + ", seed " + seed);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    static byte[] damage(byte[] b, Damage d, Random r) {
        int n = b.length;
        switch (d) {
            case TRUNCATE -> {
                return Arrays.copyOf(b, 5 + r.nextInt(Math.max(1, n - 5)));
            }
            case FLIP -> {
                byte[] c = b.clone();
                for (int i = 0, k = 1 + r.nextInt(20); i < k; i++) {
                    c[5 + r.nextInt(n - 5)] ^= (byte) (1 << r.nextInt(8));
                }
                return c;
            }
            case BREAK_XREF -> {
                String s = new String(b, StandardCharsets.ISO_8859_1);
                int at = s.lastIndexOf("startxref");
                if (at < 0) {
                    return b;
                }
                String broken = switch (r.nextInt(4)) {
                    case 0 -> s.substring(0, at) + "startxref\n" + r.nextInt(n * 2) + "\n%%EOF\n";
                    case 1 -> s.replace("xref", "xerf");
                    case 2 -> s.replaceAll("(\\d{10}) 00000 n", r.nextBoolean() ? "0000000000 00000 n" : "9999999999 00000 n");
                    default -> s.replace("/Size ", "/Size -");
                };
                return broken.getBytes(StandardCharsets.ISO_8859_1);
            }
            case CUT_OUT -> {
                int from = 5 + r.nextInt(n - 5);
                int to = Math.min(n, from + 1 + r.nextInt(200));
                byte[] c = new byte[n - (to - from)];
                System.arraycopy(b, 0, c, 0, from);
                System.arraycopy(b, to, c, from, n - to);
                return c;
            }
            case REPEAT -> {
                int from = r.nextInt(n);
                int len = Math.min(n - from, 1 + r.nextInt(300));
                byte[] c = new byte[n + len];
                System.arraycopy(b, 0, c, 0, from + len);
                System.arraycopy(b, from, c, from + len, n - from);
                return c;
            }
            default -> {
                byte[] c = b.clone();
                int from = 5 + r.nextInt(n - 5);
                Arrays.fill(c, from, Math.min(n, from + 1 + r.nextInt(64)), (byte) 0);
                return c;
            }
        }
    }

    // ------------------------------------------------------------------ the property

    @Property(tries = 200)
    void aDamagedPdfIsImportedWholeOrRefusedWithAReason(@ForAll("damagedPdfs") Damaged file) throws Exception {
        ImportRefusedException e = assertAcceptedOrRefused(file.bytes());
        Statistics.label("outcome").collect(e == null ? "accepted" : e.reason().name());
    }

    /** A valid one-page PDF whose structure carries generated values: page count, boxes, rotation, an image's size. */
    record Odd(int count, float[] box, float userUnit, int rotate, int imageWidth, int imageHeight, int bits, boolean inline) {
        @Override
        public String toString() {
            return "Odd[count=" + count + ", box=" + Arrays.toString(box) + ", userUnit=" + userUnit + ", rotate=" + rotate + ", image="
                    + imageWidth + "x" + imageHeight + "x" + bits + (inline ? " inline" : "") + "]";
        }
    }

    @Provide
    Arbitrary<Odd> oddStructures() {
        Arbitrary<Float> coordinate = Arbitraries.oneOf(Arbitraries.floats().between(-20_000, 20_000),
                Arbitraries.of(0f, 1f, 14_400f, Float.NaN, Float.POSITIVE_INFINITY, -Float.MAX_VALUE, Float.MAX_VALUE));
        Arbitrary<Integer> side = Arbitraries.oneOf(Arbitraries.integers().between(-2, 64),
                Arbitraries.of(0, 1, 7_745, 7_746, 40_000, 65_536, Integer.MAX_VALUE, Integer.MIN_VALUE));
        return Combinators.combine(
                Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(1)), Tuple.of(1, Arbitraries.integers().between(-3, 3)),
                        Tuple.of(1, Arbitraries.of(101, 10_000, Integer.MAX_VALUE, Integer.MIN_VALUE))),
                coordinate.array(float[].class).ofSize(4),
                Arbitraries.of(1f, 0f, -1f, 2f, 75_000f, Float.NaN),
                Arbitraries.of(0, 90, 180, 270, 45, -90, 3600),
                side, side,
                Arbitraries.of(1, 8, 16, 0, 3, -8),
                Arbitraries.of(true, false)).as(Odd::new);
    }

    @Property(tries = 100)
    void aPdfWithOddStructureIsImportedOrRefusedWithAReason(@ForAll("oddStructures") Odd odd) throws Exception {
        PDDocument doc = onePage();
        PDPage page = doc.getPage(0);
        COSDictionary p = page.getCOSObject();
        COSArray box = new COSArray();
        for (float f : odd.box()) {
            box.add(new org.apache.pdfbox.cos.COSFloat(Float.isFinite(f) ? f : 0));
        }
        if (Float.isFinite(odd.box()[0])) {
            p.setItem(COSName.MEDIA_BOX, box);
        }
        if (Float.isFinite(odd.userUnit())) {
            p.setFloat(COSName.getPDFName("UserUnit"), odd.userUnit());
        }
        p.setInt(COSName.ROTATE, odd.rotate());
        String draw;
        if (odd.inline()) {
            draw = "q 100 0 0 100 0 0 cm BI /W " + odd.imageWidth() + " /H " + odd.imageHeight() + " /BPC " + odd.bits()
                    + " /CS /G ID\n0123456789abcdef\nEI Q\n";
        } else {
            COSStream image = doc.getDocument().createCOSStream();
            try (OutputStream raw = image.createRawOutputStream()) {
                raw.write(bomb(1));
            }
            image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            image.setItem(COSName.SUBTYPE, COSName.IMAGE);
            image.setInt(COSName.WIDTH, odd.imageWidth());
            image.setInt(COSName.HEIGHT, odd.imageHeight());
            image.setInt(COSName.BITS_PER_COMPONENT, odd.bits());
            image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
            COSDictionary xobjects = new COSDictionary();
            xobjects.setItem(COSName.getPDFName("Im0"), image);
            COSDictionary resources = new COSDictionary();
            resources.setItem(COSName.XOBJECT, xobjects);
            p.setItem(COSName.RESOURCES, resources);
            draw = "q 100 0 0 100 0 0 cm /Im0 Do Q\n";
        }
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
            c.appendRawCommands(draw);
        }
        doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES).setInt(COSName.COUNT, odd.count());
        ImportRefusedException e = assertAcceptedOrRefused(save(doc));
        Statistics.label("outcome").collect(e == null ? "accepted" : e.reason().name());
    }

    /** The outcome the property asks for; returns the refusal, or null when the file was accepted. */
    private ImportRefusedException assertAcceptedOrRefused(byte[] bytes) throws Exception {
        Path f = usb.resolve("giay-to.pdf");
        Files.write(f, bytes);
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperDocument doc = new PaperDocument("x");
        Page before = writer.write(new java.awt.image.BufferedImage(300, 400, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), 200, ColourMode.GREY, false);
        doc.add(before);
        int added;
        try {
            added = new PaperImport(writer).importInto(doc, f, ColourMode.GREY);
        } catch (ImportRefusedException e) {
            for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                assertThat(Messages.of(l).has(e.messageKey())).as(e.messageKey()).isTrue();
                assertThat(e.describe(Messages.of(l))).isNotBlank();
            }
            assertThat(doc.pages()).as("the pages already there stay").containsExactly(before);
            assertThat(Files.exists(before.file())).isTrue();
            return e;
        }
        assertThat(added).isPositive();
        assertThat(doc.size()).isEqualTo(1 + added);
        assertThat(doc.page(0)).isEqualTo(before);
        assertThat(doc.pages()).allMatch(p -> Files.exists(p.file()) && p.file().startsWith(session));
        return null;
    }

    private Reason refusal(byte[] bytes) throws Exception {
        ImportRefusedException e = assertAcceptedOrRefused(bytes);
        assertThat(e).as("refused").isNotNull();
        return e.reason();
    }

    private static byte[] save(PDDocument doc) throws IOException {
        try (doc; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static PDDocument onePage() throws IOException {
        PDDocument doc = new PDDocument();
        doc.addPage(new PDPage(PDRectangle.A6));
        return doc;
    }

    // ------------------------------------------------------------------ hostile files, built here

    @Example
    void theValidFilesTheDamageStartsFromAreAccepted() throws Exception {
        assertThat(assertAcceptedOrRefused(validPdf(3, 1))).isNull();
    }

    @Example
    void anEncryptedPdfIsRefusedAsEncrypted() throws Exception {
        PDDocument doc = onePage();
        doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
        assertThat(refusal(save(doc))).isEqualTo(Reason.ENCRYPTED);
    }

    @Example
    void javaScriptInAnOpenActionIsRefused() throws Exception {
        PDDocument doc = onePage();
        doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert(1)"));
        assertThat(refusal(save(doc))).isEqualTo(Reason.JAVASCRIPT);
    }

    @Example
    void tenThousandPagesAreRefusedByTheirCount() throws Exception {
        PDDocument doc = new PDDocument();
        for (int i = 0; i < 10_000; i++) {
            doc.addPage(new PDPage(PDRectangle.A6));
        }
        assertThat(refusal(save(doc))).isEqualTo(Reason.TOO_MANY_PAGES);
    }

    @Example
    void aPageTreeCountingMinusOneIsBrokenNotAnEmptySuccess() throws Exception {
        PDDocument doc = onePage();
        doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES).setInt(COSName.COUNT, -1);
        assertThat(refusal(save(doc))).isEqualTo(Reason.BROKEN);
    }

    /** A page whose content stream is a deflate bomb: about 1 MB that unpacks to 1.1 GB. */
    @Example
    void aDeflateBombIsRefusedByTheDecodedSizeLimit() throws Exception {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A6);
        doc.addPage(page);
        COSStream content = doc.getDocument().createCOSStream();
        try (OutputStream raw = content.createRawOutputStream()) {
            raw.write(bomb(1100));
        }
        content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        page.getCOSObject().setItem(COSName.CONTENTS, content);
        byte[] file = save(doc);
        assertThat(file.length).isLessThan(4 * 1024 * 1024);
        assertThat(refusal(file)).isEqualTo(Reason.TOO_COMPLEX);
    }

    /** {@code megabytes} MB of "q Q " (save and restore, harmless but each parsed), deflated. */
    private static byte[] bomb(int megabytes) throws IOException {
        byte[] mb = "q Q ".repeat(256 * 1024).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION), 1 << 16)) {
            for (int i = 0; i < megabytes; i++) {
                z.write(mb);
            }
        }
        return out.toByteArray();
    }

    @Example
    void aGiantPageIsRefusedNotRenderedIntoMemory() throws Exception {
        PDDocument doc = new PDDocument();
        doc.addPage(new PDPage(new PDRectangle(14_400, 14_400)));
        assertThat(refusal(save(doc))).isEqualTo(Reason.TOO_COMPLEX);
        PDDocument scaled = onePage();
        scaled.getPage(0).getCOSObject().setFloat(COSName.getPDFName("UserUnit"), 75_000);
        assertThat(refusal(save(scaled))).isEqualTo(Reason.TOO_COMPLEX);
    }

    @Example
    void aGiantImageIsRefusedByItsDimensions() throws Exception {
        PDDocument doc = new PDDocument();
        PDPage page = new PDPage(PDRectangle.A6);
        doc.addPage(page);
        COSStream image = doc.getDocument().createCOSStream();
        try (OutputStream raw = image.createRawOutputStream()) {
            raw.write(bomb(1)); // far less than the picture claims
        }
        image.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        image.setItem(COSName.TYPE, COSName.XOBJECT);
        image.setItem(COSName.SUBTYPE, COSName.IMAGE);
        image.setInt(COSName.WIDTH, 100_000);
        image.setInt(COSName.HEIGHT, 100_000);
        image.setInt(COSName.BITS_PER_COMPONENT, 8);
        image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
        COSDictionary xobjects = new COSDictionary();
        xobjects.setItem(COSName.getPDFName("Im0"), image);
        COSDictionary resources = new COSDictionary();
        resources.setItem(COSName.XOBJECT, xobjects);
        page.getCOSObject().setItem(COSName.RESOURCES, resources);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
            c.saveGraphicsState();
            c.transform(new org.apache.pdfbox.util.Matrix(200, 0, 0, 200, 0, 0));
            c.appendRawCommands("/Im0 Do\n");
            c.restoreGraphicsState();
        }
        assertThat(refusal(save(doc))).isEqualTo(Reason.TOO_COMPLEX);
    }

    @Example
    void aGiantInlineImageIsRefusedByItsDimensions() throws Exception {
        PDDocument doc = onePage();
        PDPage page = doc.getPage(0);
        try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
            c.appendRawCommands("q 200 0 0 200 0 0 cm BI /W 40000 /H 40000 /BPC 8 /CS /G ID\n");
            c.appendRawCommands("0123456789\nEI Q\n");
        }
        assertThat(refusal(save(doc))).isEqualTo(Reason.TOO_COMPLEX);
    }

    /** Found by the odd-structure property: a page of no height and 2^31 pixels' width passed a width × height check. */
    @Example
    void aPageOfNoHeightAndEndlessWidthIsRefused() throws Exception {
        PDDocument doc = onePage();
        COSArray box = new COSArray();
        for (float f : new float[] {1786.46f, 0, -3.4028235E38f, 0}) {
            box.add(new org.apache.pdfbox.cos.COSFloat(f));
        }
        doc.getPage(0).getCOSObject().setItem(COSName.MEDIA_BOX, box);
        assertThat(refusal(save(doc))).isEqualTo(Reason.TOO_COMPLEX);
    }

    @Example
    void aPageTreeThatLiesAboutItsKidsIsNotACrash() throws Exception {
        PDDocument doc = onePage();
        COSDictionary pages = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        pages.setInt(COSName.COUNT, 3);
        assertAcceptedOrRefused(save(doc));
        PDDocument empty = onePage();
        empty.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES).setItem(COSName.KIDS, new COSArray());
        assertAcceptedOrRefused(save(empty));
    }

    @Example
    void everyRefusalReasonHasWordsInBothLanguages() {
        for (Reason r : Reason.values()) {
            for (Locale l : List.of(Locale.forLanguageTag("vi"), Locale.ENGLISH)) {
                assertThat(Messages.of(l).has(r.messageKey())).as(r + " " + l).isTrue();
            }
        }
    }

    @Example
    void aRefusalLeavesNoPageFilesBehind() throws Exception {
        ImportRefusedException e = catchThrowableOfType(ImportRefusedException.class, () -> {
            Path f = usb.resolve("bomb.pdf");
            PDDocument doc = new PDDocument();
            doc.addPage(new PDPage(PDRectangle.A6));
            doc.addPage(new PDPage(new PDRectangle(14_400, 14_400)));
            Files.write(f, save(doc));
            new PaperImport(new PageWriter(session, DocumentLimits.defaults())).importInto(new PaperDocument("x"), f, ColourMode.GREY);
        });
        assertThat(e.reason()).isEqualTo(Reason.TOO_COMPLEX);
        try (Stream<Path> left = Files.walk(session)) {
            assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }
}
