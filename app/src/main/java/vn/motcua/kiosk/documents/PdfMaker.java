// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.scanning.ColourMode;

/**
 * One PDF/A-2b per paper. Each page is as large as the paper was (pixels / dpi: 100 % scale) and
 * carries its JPEG unchanged (DCTDecode) or its black-and-white image as CCITT G4, turned with
 * /Rotate. Over the size limit the pages are recompressed (lower JPEG quality, then down to the
 * portal's minimum resolution) before the document is refused.
 */
public final class PdfMaker {
    private static final Logger LOG = LoggerFactory.getLogger(PdfMaker.class);
    /** Recompression steps tried in order when the PDF is too large: JPEG quality, then dpi cap (0 = keep). */
    private static final float[] QUALITY_STEPS = {0.5f, 0.35f, 0.35f};
    /** Grey levels of text pages at each step: fewer levels, longer runs, smaller files. */
    private static final int[] TEXT_LEVELS = {8, 4, 4};
    private static final boolean[] DOWNSCALE_STEPS = {false, false, true};

    private final PageWriter writer;
    private final DocumentLimits limits;

    /** {@code writer} gives the session folder (temporary recompressed pages go there) and the limits. */
    public PdfMaker(PageWriter writer) {
        this.writer = writer;
        this.limits = writer.limits();
    }

    /** What was produced; {@code recompressionSteps} is 0 when the pages went in as scanned. */
    public record BuiltPdf(Path file, long bytes, int pages, int recompressionSteps) {}

    public BuiltPdf build(PaperDocument document, Path out) throws IOException, DocumentException {
        List<Page> pages = document.pages();
        if (pages.isEmpty()) {
            throw new EmptyDocumentException();
        }
        if (pages.size() > limits.maxPages()) {
            throw new TooManyPagesException(pages.size(), limits.maxPages());
        }
        write(pages, out);
        long size = Files.size(out);
        int step = 0;
        while (size > limits.maxFileBytes() && step < QUALITY_STEPS.length) {
            List<Page> smaller = recompress(pages, QUALITY_STEPS[step], TEXT_LEVELS[step], DOWNSCALE_STEPS[step]);
            try {
                write(smaller, out);
            } finally {
                for (Page p : smaller) {
                    if (!pages.contains(p)) {
                        Files.deleteIfExists(p.file());
                    }
                }
            }
            step++;
            size = Files.size(out);
            LOG.info("document over the size limit, recompression step {} gives {} bytes", step, size);
        }
        if (size > limits.maxFileBytes()) {
            Files.deleteIfExists(out);
            throw new DocumentTooLargeException(size, limits.maxFileBytes());
        }
        return new BuiltPdf(out, size, pages.size(), step);
    }

    private List<Page> recompress(List<Page> pages, float quality, int textLevels, boolean downscale) throws IOException {
        List<Page> out = new ArrayList<>();
        for (Page p : pages) {
            boolean tooFine = downscale && p.dpi() > limits.minDpi();
            if (p.mode() == ColourMode.BLACK_WHITE) {
                out.add(p); // CCITT G4 is already as small as black and white gets
                continue;
            }
            if (MixedLayers.isMixed(p.file())) {
                // The inks are already small and carry the text: only the background gives way.
                out.add(writer.storeMixed(MixedLayers.withBackground(MixedLayers.read(p.file()), quality, downscale ? 0.5 : 1),
                        p.dpi(), p.rotation(), p.blank(), p.backSide()));
                continue;
            }
            // Text pages are 4-bit PNGs: back to 8-bit grey, then fewer levels (JPEG would grow them).
            boolean text = isText(p);
            BufferedImage read = ImageIO.read(p.file().toFile());
            BufferedImage image = p.mode() == ColourMode.GREY ? PageWriter.toGrey(read) : PageWriter.toRgb(read);
            int dpi = p.dpi();
            if (tooFine) {
                image = PageWriter.scale(image, (double) limits.minDpi() / p.dpi());
                dpi = limits.minDpi();
            }
            if (text) {
                out.add(writer.storeText(image, dpi, p.rotation(), p.blank(), p.backSide(), textLevels));
            } else {
                out.add(writer.store(image, dpi, p.mode(), p.rotation(), p.blank(), p.backSide(), quality));
            }
        }
        return out;
    }

    private void write(List<Page> pages, Path out) throws IOException {
        // Streams spill to the session folder, never to the system's temp folder: they are scans.
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(16L * 1024 * 1024).setTempDir(writer.folder().toFile());
        try (PDDocument pdf = new PDDocument(memory.streamCache)) {
            for (Page p : pages) {
                float w = p.widthPoints();
                float h = p.heightPoints();
                PDPage page = new PDPage(new PDRectangle(w, h));
                page.setRotation(p.rotation());
                pdf.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    if (MixedLayers.isMixed(p.file())) {
                        MixedPdf.draw(pdf, content, MixedLayers.read(p.file()), w, h);
                        continue;
                    }
                    PDImageXObject image = p.mode() == ColourMode.BLACK_WHITE
                            ? CCITTFactory.createFromImage(pdf, ImageIO.read(p.file().toFile()))
                            : isText(p) ? textPage(pdf, p)
                            : JPEGFactory.createFromByteArray(pdf, Files.readAllBytes(p.file()));
                    content.drawImage(image, 0, 0, w, h);
                }
            }
            makePdfA(pdf);
            pdf.save(out.toFile());
        }
    }

    private static boolean isText(Page p) {
        return p.mode() == ColourMode.GREY && p.file().getFileName().toString().endsWith(".png");
    }

    /** A {@link GreyPng} page: its IDAT data is the Flate stream, the PNG row filters the PDF's predictor. */
    private static PDImageXObject textPage(PDDocument pdf, Page p) throws IOException {
        return greyPng(pdf, GreyPng.read(p.file()));
    }

    /** {@link GreyPng} data as a 4-bit DeviceGray image, embedded as it is. */
    static PDImageXObject greyPng(PDDocument pdf, GreyPng.Data data) throws IOException {
        PDImageXObject image = new PDImageXObject(pdf, new ByteArrayInputStream(data.zlib()), COSName.FLATE_DECODE,
                data.width(), data.height(), GreyPng.BITS, PDDeviceGray.INSTANCE);
        COSDictionary parms = new COSDictionary();
        parms.setInt(COSName.PREDICTOR, 15);
        parms.setInt(COSName.COLORS, 1);
        parms.setInt(COSName.BITS_PER_COMPONENT, GreyPng.BITS);
        parms.setInt(COSName.COLUMNS, data.width());
        image.getCOSObject().setItem(COSName.DECODE_PARMS, parms);
        return image;
    }

    /**
     * PDF/A-2b: XMP metadata naming the conformance, and an sRGB output intent (which also makes the
     * DeviceGray of grey and black-and-white pages acceptable). No title, author or dates: they
     * could carry personal data, and PDF/A would require them twice (Info and XMP) in step.
     */
    private static void makePdfA(PDDocument pdf) throws IOException {
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        PDMetadata metadata = new PDMetadata(pdf, new ByteArrayInputStream(xmp.getBytes(StandardCharsets.UTF_8)));
        catalog.setMetadata(metadata);
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        PDOutputIntent intent = new PDOutputIntent(pdf, new ByteArrayInputStream(icc));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    /** A document with no pages cannot be filed. */
    public static final class EmptyDocumentException extends DocumentException {
        EmptyDocumentException() {
            super("documents.empty", null, null);
        }
    }

    /** More pages than the portal takes in one document. */
    public static final class TooManyPagesException extends DocumentException {
        TooManyPagesException(int pages, int limit) {
            super("documents.tooManyPages", pages + " > " + limit, null, pages, limit);
        }
    }
}
