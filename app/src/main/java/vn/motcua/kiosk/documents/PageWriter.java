// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.plugins.jpeg.JPEGImageWriteParam;
import javax.imageio.stream.ImageOutputStream;
import vn.motcua.kiosk.scanning.ColourMode;

/**
 * The image pipeline: one page image in, one file in the session's work folder out, straight
 * away, so a 100-page batch never holds more than the page in hand. Grey text pages are stored as
 * 16-level grey ({@link GreyPng}), colour pages of print and a few inks as layers
 * ({@link MixedRaster}), other grey and colour pages as JPEG at the measured quality (exactly the
 * bytes that go into the PDF: building it does not decode or re-encode them); black and white as
 * 1-bit PNG (CCITT G4 in the PDF).
 */
public final class PageWriter {
    private final Path folder;
    private final DocumentLimits limits;

    /** @param sessionFolder the session's own work folder, erased with the session; pages go to {@code pages/} in it */
    public PageWriter(Path sessionFolder, DocumentLimits limits) {
        this.folder = sessionFolder.resolve("pages");
        this.limits = limits;
    }

    public DocumentLimits limits() {
        return limits;
    }

    Path folder() throws IOException {
        Files.createDirectories(folder);
        return folder;
    }

    /** Converts to the asked mode, flags a blank page, writes the file. */
    public Page write(BufferedImage image, int dpi, ColourMode mode, boolean backSide) throws IOException {
        BufferedImage converted = switch (mode) {
            case COLOUR -> toRgb(image);
            case GREY -> toGrey(image);
            case BLACK_WHITE -> toBilevel(toGrey(image));
        };
        boolean blank = BlankPages.looksBlank(converted);
        if (mode == ColourMode.COLOUR) {
            BufferedImage bgr = converted.getType() == BufferedImage.TYPE_3BYTE_BGR ? converted : copyBgr(converted);
            MixedLayers.Layers layers = MixedRaster.split(bgr, limits.jpegQuality());
            if (layers != null) {
                return storeMixed(layers, dpi, 0, blank, backSide);
            }
            converted = bgr;
        }
        if (mode != ColourMode.BLACK_WHITE) {
            whitenPaper(converted);
        }
        if (mode == ColourMode.GREY && textLike(converted)) {
            return storeText(converted, dpi, 0, blank, backSide, 16);
        }
        return store(converted, dpi, mode, 0, blank, backSide, limits.jpegQuality());
    }

    /**
     * A whitened page that is nearly all pure paper and pure ink: print, not a photograph. Such
     * pages go to {@link GreyPng} (a third of the JPEG's size, sharper); photographs stay JPEG.
     */
    static boolean textLike(BufferedImage grey) {
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        long pure = 0;
        long samples = 0;
        for (int i = 0; i < data.length; i += 7) {
            int v = data[i] & 0xff;
            if (v == 0 || v == 255) {
                pure++;
            }
            samples++;
        }
        return samples > 0 && pure >= samples * 0.85;
    }

    /** Writes a grey text page as a {@link GreyPng} with {@code levels} grey levels. */
    Page storeText(BufferedImage grey, int dpi, int rotation, boolean blank, boolean backSide, int levels) throws IOException {
        Path file = folder().resolve(UUID.randomUUID() + ".png");
        try (OutputStream out = Files.newOutputStream(file)) {
            GreyPng.write(grey, levels, out);
        }
        return new Page(UUID.randomUUID(), file, ColourMode.GREY, grey.getWidth(), grey.getHeight(), dpi, rotation, blank, backSide,
                Files.size(file));
    }

    /** Writes a colour page split by {@link MixedRaster}: one file holding its layers. */
    Page storeMixed(MixedLayers.Layers layers, int dpi, int rotation, boolean blank, boolean backSide) throws IOException {
        Path file = folder().resolve(UUID.randomUUID() + MixedLayers.SUFFIX);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            MixedLayers.write(layers, out);
        }
        return new Page(UUID.randomUUID(), file, ColourMode.COLOUR, layers.width(), layers.height(), dpi, rotation, blank, backSide,
                Files.size(file));
    }

    private static BufferedImage copyBgr(BufferedImage image) {
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bgr.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return bgr;
    }

    /** Writes an already converted image (recompression, imports). */
    Page store(BufferedImage image, int dpi, ColourMode mode, int rotation, boolean blank, boolean backSide, float quality)
            throws IOException {
        boolean bilevel = mode == ColourMode.BLACK_WHITE;
        Path file = folder().resolve(UUID.randomUUID() + (bilevel ? ".png" : ".jpg"));
        try (OutputStream out = Files.newOutputStream(file)) {
            if (bilevel) {
                ImageIO.write(image, "png", out);
            } else {
                writeJpeg(image, quality, out);
            }
        }
        return new Page(UUID.randomUUID(), file, mode, image.getWidth(), image.getHeight(), dpi, rotation, blank, backSide,
                Files.size(file));
    }

    static void writeJpeg(BufferedImage image, float quality, OutputStream out) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            // Optimised Huffman tables: ~5-10 % smaller for the same picture, no quality cost.
            if (param instanceof JPEGImageWriteParam jpeg) {
                jpeg.setOptimizeHuffmanTables(true);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    static BufferedImage toGrey(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            return image;
        }
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return grey;
    }

    static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR || image.getType() == BufferedImage.TYPE_INT_RGB
               ) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /**
     * Sets the white point just under the paper's own brightness and the black point just above
     * the ink's: paper grain and scanner noise become plain white or black, edges keep their
     * grey steps (small print stays smooth), and print gains contrast. Noise is what JPEG spends
     * most bytes on, so this alone takes a noisy A4 text page from ~500 KB to well under 150 KB.
     */
    static void whitenPaper(BufferedImage image) {
        if (!(image.getRaster().getDataBuffer() instanceof DataBufferByte buffer)) {
            return;
        }
        byte[] data = buffer.getData();
        int bands = image.getRaster().getNumBands();
        long[] histogram = new long[256];
        long samples = 0;
        // Every 7th pixel is plenty for a histogram; for colour the first band of each pixel.
        for (int i = 0; i < data.length; i += 7 * bands) {
            histogram[data[i] & 0xff]++;
            samples++;
        }
        int paper = 255;
        long seen = 0;
        for (int v = 255; v >= 0; v--) {
            seen += histogram[v];
            if (seen >= samples * 0.3) {
                paper = v;
                break;
            }
        }
        // Only clearly light paper is whitened: a dark or photographic page is left as it is.
        if (paper < 160) {
            return;
        }
        int white = paper - 12;
        // Black point likewise: the ink's typical darkness, so the grain inside strokes goes too.
        long inkCount = 0;
        for (int v = 0; v < paper - BlankPages.CONTRAST; v++) {
            inkCount += histogram[v];
        }
        int black = 0;
        if (inkCount > 0) {
            long half = 0;
            for (int v = 0; v < paper - BlankPages.CONTRAST; v++) {
                half += histogram[v];
                if (half * 2 >= inkCount) {
                    black = Math.min(v + 16, white - 96);
                    break;
                }
            }
        }
        black = Math.max(0, black);
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) Math.max(0, Math.min(255, (v - black) * 255 / (white - black)));
        }
        for (int i = 0; i < data.length; i++) {
            data[i] = lut[data[i] & 0xff];
        }
    }

    /** Otsu's threshold on the grey histogram: adapts to pale paper and faint print alike. */
    static BufferedImage toBilevel(BufferedImage grey) {
        byte[] data = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        long[] histogram = new long[256];
        for (byte b : data) {
            histogram[b & 0xff]++;
        }
        long total = data.length;
        double sum = 0;
        for (int i = 0; i < 256; i++) {
            sum += (double) i * histogram[i];
        }
        double sumB = 0;
        long wB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += histogram[t];
            if (wB == 0) {
                continue;
            }
            long wF = total - wB;
            if (wF == 0) {
                break;
            }
            sumB += (double) t * histogram[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        // A blank or nearly uniform page has no two classes: keep it white rather than speckled.
        if (best <= 0 || histogramSpread(histogram) < BlankPages.CONTRAST) {
            threshold = 0;
        }
        BufferedImage bw = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        byte[] out = ((DataBufferByte) bw.getRaster().getDataBuffer()).getData();
        int w = grey.getWidth();
        int stride = (w + 7) / 8;
        for (int y = 0; y < grey.getHeight(); y++) {
            int row = y * w;
            int orow = y * stride;
            for (int x = 0; x < w; x++) {
                if ((data[row + x] & 0xff) > threshold) {
                    out[orow + (x >> 3)] |= (byte) (0x80 >> (x & 7));
                }
            }
        }
        return bw;
    }

    private static int histogramSpread(long[] histogram) {
        int lo = 0;
        while (lo < 255 && histogram[lo] == 0) {
            lo++;
        }
        int hi = 255;
        while (hi > 0 && histogram[hi] == 0) {
            hi--;
        }
        return hi - lo;
    }

    /** Scales to a lower resolution (imports far above what the portal needs, last-resort recompression). */
    static BufferedImage scale(BufferedImage image, double factor) {
        int w = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(image.getHeight() * factor));
        int type = image.getType() == BufferedImage.TYPE_BYTE_GRAY ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR;
        BufferedImage out = new BufferedImage(w, h, type);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
