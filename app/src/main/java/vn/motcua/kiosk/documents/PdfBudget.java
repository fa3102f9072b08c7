// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * What rendering an imported PDF would cost, measured before it is rendered: PDFBox decodes a
 * stream whole into memory and sizes a picture by what the file claims, so a small file can ask
 * for gigabytes (a deflate bomb, a 100 000 × 100 000 image, inline or not, a page the size of
 * a field). Streams
 * are decoded here into a counter that stops at the limit, so the check itself stays small.
 */
final class PdfBudget {
    /** Most decoded bytes of one stream that is not a picture (content, fonts, forms). */
    static final long MAX_STREAM_BYTES = 32L * 1024 * 1024;
    /** Most decoded bytes of one picture: 60 megapixels of 8-bit RGB and a little more. */
    static final long MAX_IMAGE_BYTES = 192L * 1024 * 1024;
    /** Most decoded bytes of the whole file, so that many middling streams cannot add up to hours. */
    static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;
    /** Most bytes kept between two filters of one stream. */
    private static final long MAX_INTERMEDIATE_BYTES = 32L * 1024 * 1024;

    private PdfBudget() {}

    /** Null when {@code pdf} can be rendered at {@code dpi} within the limits; otherwise what is over. */
    static String overLimit(PDDocument pdf, int dpi) throws IOException {
        for (PDPage page : pdf.getPages()) {
            PDRectangle box = page.getCropBox();
            double userUnit = Math.max(1, page.getCOSObject().getFloat(COSName.getPDFName("UserUnit"), 1));
            // As PDFRenderer sizes its raster: each side at least one pixel, so a zero-high page can still be 2^31 wide.
            double pixels = Math.max(1, Math.abs(box.getWidth() * userUnit / 72 * dpi)) * Math.max(1, Math.abs(box.getHeight() * userUnit / 72 * dpi));
            if (!(pixels <= PaperImport.MAX_PIXELS)) {
                return "a page of " + Math.round(pixels / 1e6) + " megapixels";
            }
        }
        long total = 0;
        for (COSStream s : streams(pdf.getDocument().getTrailer())) {
            boolean image = COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE));
            if (image) {
                long w = s.getInt(COSName.WIDTH, s.getInt(COSName.W, 0));
                long h = s.getInt(COSName.HEIGHT, s.getInt(COSName.H, 0));
                if (w * h > PaperImport.MAX_PIXELS) {
                    return "an image of " + w * h / 1_000_000 + " megapixels";
                }
            }
            long decoded = decodedSize(s, image ? MAX_IMAGE_BYTES : MAX_STREAM_BYTES);
            if (decoded < 0) {
                return "a stream that decodes to more than " + (image ? MAX_IMAGE_BYTES : MAX_STREAM_BYTES) + " bytes";
            }
            total += decoded;
            if (total > MAX_TOTAL_BYTES) {
                return "streams that decode to more than " + MAX_TOTAL_BYTES + " bytes";
            }
            if (COSName.FORM.equals(s.getCOSName(COSName.SUBTYPE)) && inlinePixels(new PDFStreamParser(new PDFormXObject(s)))
                    > PaperImport.MAX_PIXELS) {
                return "an inline image too large";
            }
        }
        // Streams are within their limits now, so reading the pages' content again stays bounded.
        for (PDPage page : pdf.getPages()) {
            if (inlinePixels(new PDFStreamParser(page)) > PaperImport.MAX_PIXELS) {
                return "an inline image too large";
            }
        }
        return null;
    }

    /** The largest inline image (BI … ID … EI) a content stream declares, by width × height. */
    private static long inlinePixels(PDFStreamParser parser) throws IOException {
        long most = 0;
        try {
            for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                if (token instanceof Operator op && op.getImageParameters() != null) {
                    COSDictionary p = op.getImageParameters();
                    long w = p.getInt(COSName.W, p.getInt(COSName.WIDTH, 0));
                    long h = p.getInt(COSName.H, p.getInt(COSName.HEIGHT, 0));
                    most = Math.max(most, w * h);
                }
            }
        } finally {
            parser.close();
        }
        return most;
    }

    /** Every stream reachable from the trailer, each once. */
    private static List<COSStream> streams(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<COSBase> todo = new ArrayList<>(List.of(trailer));
        List<COSStream> found = new ArrayList<>();
        while (!todo.isEmpty()) {
            COSBase b = todo.remove(todo.size() - 1);
            if (b instanceof COSObject o) {
                b = o.getObject();
            }
            if (b == null || !seen.add(b)) {
                continue;
            }
            if (b instanceof COSStream s) {
                found.add(s);
            }
            if (b instanceof COSDictionary d) {
                todo.addAll(d.getValues());
            } else if (b instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.add(a.get(i));
                }
            }
        }
        return found;
    }

    /**
     * The decoded length of {@code s}, or -1 when it is over {@code max}. A JPEG is not decoded:
     * its header says how large it is. Other picture codecs (JPEG 2000, JBIG2, CCITT) are sized by
     * the image's own width and height, checked by the caller.
     */
    private static long decodedSize(COSStream s, long max) throws IOException {
        List<COSName> filters = filterNames(s.getFilters());
        byte[] data = null;
        for (int i = 0; i < filters.size(); i++) {
            COSName name = filters.get(i);
            boolean last = i == filters.size() - 1;
            if (COSName.DCT_DECODE.equals(name)) {
                return jpegPixels(data, s) > PaperImport.MAX_PIXELS ? -1 : 0;
            }
            if (COSName.JPX_DECODE.equals(name) || COSName.JBIG2_DECODE.equals(name) || COSName.CCITTFAX_DECODE.equals(name)) {
                return 0;
            }
            Filter filter = FilterFactory.INSTANCE.getFilter(name);
            CountingOutput out = new CountingOutput(last ? max : MAX_INTERMEDIATE_BYTES, !last);
            try (InputStream in = data == null ? s.createRawInputStream() : new ByteArrayInputStream(data)) {
                filter.decode(in, out, s, i);
            } catch (OverLimit e) {
                return -1;
            } catch (IOException | RuntimeException e) {
                // A damaged stream: PDFBox meets the same damage when rendering and copes or fails there.
                return out.count;
            }
            if (last) {
                return out.count;
            }
            data = out.kept.toByteArray();
        }
        return filters.isEmpty() ? s.getLength() : 0;
    }

    private static List<COSName> filterNames(COSBase filters) {
        if (filters instanceof COSName n) {
            return List.of(n);
        }
        List<COSName> names = new ArrayList<>();
        if (filters instanceof COSArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.getObject(i) instanceof COSName n) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    /** Width × height from a JPEG's header (no pixels decoded); 0 when it has none a reader finds. */
    private static long jpegPixels(byte[] data, COSStream s) throws IOException {
        try (InputStream raw = data == null ? s.createRawInputStream() : new ByteArrayInputStream(data);
                ImageInputStream in = ImageIO.createImageInputStream(raw)) {
            Iterator<ImageReader> readers = in == null ? Collections.emptyIterator() : ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return 0;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                return (long) reader.getWidth(0) * reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Thrown by {@link CountingOutput} past its limit: stops the decoder where it is. */
    private static final class OverLimit extends IOException {
        OverLimit() {
            super(null, null);
        }
    }

    /** Counts decoded bytes, keeping them only between two filters, and stops past a limit. */
    private static final class CountingOutput extends OutputStream {
        private final long max;
        private final ByteArrayOutputStream kept;
        long count;

        CountingOutput(long max, boolean keep) {
            this.max = max;
            this.kept = keep ? new ByteArrayOutputStream() : null;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count += len;
            if (count > max) {
                throw new OverLimit();
            }
            if (kept != null) {
                kept.write(b, off, len);
            }
        }
    }
}
