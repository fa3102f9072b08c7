// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.motcua.kiosk.documents.ImportRefusedException.Reason;
import vn.motcua.kiosk.scanning.ColourMode;

/**
 * Files from a USB stick: checked, then turned into ordinary pages of a {@link PaperDocument}.
 * PDFs are refused when encrypted, broken, carrying JavaScript or attached files, over the page
 * limit, or more than the kiosk can open safely ({@link PdfBudget}); accepted ones are re-drawn page by page at the portal's resolution, so nothing but the
 * pictures of the pages reaches the dossier (and the result is PDF/A like a scan). JPEG and PNG
 * are accepted when large enough to read on A4 at the minimum resolution.
 */
public final class PaperImport {
    /** Larger images are refused before decoding: a 60-megapixel picture already needs 180 MB. */
    static final long MAX_PIXELS = 60_000_000L;
    private static final double A4_SHORT_INCHES = 210 / 25.4;

    private final PageWriter writer;
    private final DocumentLimits limits;

    public PaperImport(PageWriter writer) {
        this.writer = writer;
        this.limits = writer.limits();
    }

    /** Checks {@code file} and appends its pages to {@code document}; returns how many were added. */
    public int importInto(PaperDocument document, Path file, ColourMode mode) throws IOException, ImportRefusedException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        List<Page> pages;
        if (n >= 5 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F' && head[4] == '-') {
            pages = pdf(file, mode);
        } else if (n >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF
                || n >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            pages = List.of(image(file, mode));
        } else {
            throw new ImportRefusedException(Reason.UNSUPPORTED, "neither PDF, JPEG nor PNG", null, 0);
        }
        if (document.size() + pages.size() > limits.maxPages()) {
            for (Page p : pages) {
                Files.deleteIfExists(p.file());
            }
            throw new ImportRefusedException(Reason.TOO_MANY_PAGES, "document would exceed the page limit", null, limits.maxPages());
        }
        pages.forEach(document::add);
        return pages.size();
    }

    private List<Page> pdf(Path file, ColourMode mode) throws IOException, ImportRefusedException {
        if (Files.size(file) > limits.maxFileBytes()) {
            throw new ImportRefusedException(Reason.TOO_LARGE, Files.size(file) + " bytes", null, limits.maxFileBytes() / 1048576);
        }
        MemoryUsageSetting memory = MemoryUsageSetting.setupMixed(16L * 1024 * 1024).setTempDir(writer.folder().toFile());
        PDDocument pdf;
        try {
            pdf = Loader.loadPDF(file.toFile(), "", memory.streamCache);
        } catch (InvalidPasswordException e) {
            throw new ImportRefusedException(Reason.ENCRYPTED, "needs a password", e, 0);
        } catch (IOException e) {
            throw new ImportRefusedException(Reason.BROKEN, "does not parse", e, 0);
        }
        List<Page> pages = new ArrayList<>();
        try (pdf) {
            if (pdf.isEncrypted()) {
                throw new ImportRefusedException(Reason.ENCRYPTED, "encrypted with an empty user password", null, 0);
            }
            int count = pdf.getNumberOfPages();
            if (count < 1) {
                // The page tree's /Count, as the file states it: 0, or a negative number from a damaged file.
                throw new ImportRefusedException(Reason.BROKEN, "no pages", null, 0);
            }
            if (count > limits.maxPages()) {
                throw new ImportRefusedException(Reason.TOO_MANY_PAGES, count + " pages", null, limits.maxPages());
            }
            Reason active = activeContent(pdf.getDocument().getTrailer());
            if (active != null) {
                throw new ImportRefusedException(active, null, null, 0);
            }
            int dpi = limits.minDpi();
            String over;
            try {
                over = PdfBudget.overLimit(pdf, dpi);
            } catch (IOException | RuntimeException e) {
                throw new ImportRefusedException(Reason.BROKEN, "does not measure: " + e.getClass().getSimpleName(), e, 0);
            }
            if (over != null) {
                throw new ImportRefusedException(Reason.TOO_COMPLEX, over, null, 0);
            }
            PDFRenderer renderer = new PDFRenderer(pdf);
            try {
                for (int i = 0; i < count; i++) {
                    BufferedImage image = renderer.renderImageWithDPI(i, dpi, mode == ColourMode.COLOUR ? ImageType.RGB : ImageType.GRAY);
                    pages.add(writer.write(image, dpi, mode, false));
                }
            } catch (IOException | RuntimeException e) {
                for (Page p : pages) {
                    Files.deleteIfExists(p.file());
                }
                throw new ImportRefusedException(Reason.BROKEN, "a page does not render: " + e.getClass().getSimpleName(), e, 0);
            }
        }
        return pages;
    }

    /**
     * Walks every object reachable from the trailer: JavaScript hides in many places (open
     * action, page and field actions, annotations, the name tree), attachments too (name tree,
     * file attachment annotations, file specifications with /EF).
     */
    static Reason activeContent(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<COSBase> todo = new ArrayList<>();
        todo.add(trailer);
        boolean embedded = false;
        while (!todo.isEmpty()) {
            COSBase b = todo.remove(todo.size() - 1);
            if (b instanceof COSObject o) {
                b = o.getObject();
            }
            if (b == null || !seen.add(b)) {
                continue;
            }
            if (b instanceof COSDictionary d) {
                if (d.containsKey(COSName.JS) || d.containsKey(COSName.JAVA_SCRIPT)
                        || COSName.JAVA_SCRIPT.equals(d.getCOSName(COSName.S))) {
                    return Reason.JAVASCRIPT;
                }
                if (d.containsKey(COSName.EMBEDDED_FILES) || d.containsKey(COSName.EF)
                        || COSName.getPDFName("FileAttachment").equals(d.getCOSName(COSName.SUBTYPE))) {
                    embedded = true;
                }
                for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
                    todo.add(e.getValue());
                }
            } else if (b instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.add(a.get(i));
                }
            }
        }
        return embedded ? Reason.EMBEDDED_FILES : null;
    }

    private Page image(Path file, ColourMode mode) throws IOException, ImportRefusedException {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImportRefusedException(Reason.BROKEN, "no image reader", null, 0);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new ImportRefusedException(Reason.TOO_LARGE, pixels + " pixels", null, limits.maxFileBytes() / 1048576);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new ImportRefusedException(Reason.BROKEN, "does not decode: " + e.getClass().getSimpleName(), e, 0);
        }
        // A photo or a scan without trustworthy density: taken as an A4 page across its short edge.
        int shortEdge = Math.min(image.getWidth(), image.getHeight());
        double dpi = shortEdge / A4_SHORT_INCHES;
        if (dpi < limits.minDpi() - 0.5) {
            throw new ImportRefusedException(Reason.LOW_RESOLUTION, Math.round(dpi) + " dpi on A4", null, limits.minDpi());
        }
        int target = limits.minDpi();
        if (dpi > target * 1.5) {
            // Far finer than the portal needs: brought down so the document stays small.
            image = PageWriter.scale(image, target / dpi);
            dpi = target;
        }
        return writer.write(image, (int) Math.round(dpi), mode, false);
    }
}
