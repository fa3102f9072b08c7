// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * A mixed raster page as {@link MixedRaster} made it: the layers, their one-file form in the
 * session's pages folder ({@link #SUFFIX}), and the page composed again for previews and
 * recompression.
 */
final class MixedLayers {
    static final String SUFFIX = ".mrc";
    private static final int MAGIC = 0x4d524331; // "MRC1"

    private MixedLayers() {}

    /** A 1-bit stencil (CCITT G4, 1 = ink) or a 4-bit coverage mask ({@link GreyPng}, 15 = ink) painted in {@code rgb}. */
    record Layer(boolean stencil, int rgb, int x, int y, int width, int height, byte[] data) {}

    /** The background JPEG (covering the whole page) and the ink layers over it, bottom first. */
    record Layers(int width, int height, int backgroundWidth, int backgroundHeight, byte[] background, List<Layer> inks) {}

    static boolean isMixed(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /** The same layers with the background JPEG again at {@code quality}, scaled by {@code factor}. */
    static Layers withBackground(Layers l, float quality, double factor) throws IOException {
        BufferedImage bg = PageWriter.toRgb(ImageIO.read(new ByteArrayInputStream(l.background())));
        if (factor != 1) {
            bg = PageWriter.scale(bg, factor);
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        PageWriter.writeJpeg(bg, quality, jpeg);
        return new Layers(l.width(), l.height(), bg.getWidth(), bg.getHeight(), jpeg.toByteArray(), l.inks());
    }

    static void write(Layers l, OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(l.width());
        d.writeInt(l.height());
        d.writeInt(l.backgroundWidth());
        d.writeInt(l.backgroundHeight());
        d.writeInt(l.background().length);
        d.write(l.background());
        d.writeInt(l.inks().size());
        for (Layer k : l.inks()) {
            d.writeBoolean(k.stencil());
            d.writeInt(k.rgb());
            d.writeInt(k.x());
            d.writeInt(k.y());
            d.writeInt(k.width());
            d.writeInt(k.height());
            d.writeInt(k.data().length);
            d.write(k.data());
        }
        d.flush();
    }

    static Layers read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in))) {
            if (d.readInt() != MAGIC) {
                throw new IOException("not a mixed raster page");
            }
            int w = d.readInt();
            int h = d.readInt();
            int bw = d.readInt();
            int bh = d.readInt();
            byte[] bg = d.readNBytes(d.readInt());
            int n = d.readInt();
            List<Layer> inks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean stencil = d.readBoolean();
                int rgb = d.readInt();
                int x = d.readInt();
                int y = d.readInt();
                int lw = d.readInt();
                int lh = d.readInt();
                inks.add(new Layer(stencil, rgb, x, y, lw, lh, d.readNBytes(d.readInt())));
            }
            return new Layers(w, h, bw, bh, bg, inks);
        }
    }

    /** The page as the PDF shows it, at full size: for previews and recompression. */
    static BufferedImage compose(Layers l) throws IOException {
        BufferedImage bg = ImageIO.read(new ByteArrayInputStream(l.background()));
        BufferedImage page = PageWriter.scale(bg, (double) l.width() / bg.getWidth());
        if (page.getWidth() != l.width() || page.getHeight() != l.height()) {
            BufferedImage fit = new BufferedImage(l.width(), l.height(), BufferedImage.TYPE_3BYTE_BGR);
            fit.createGraphics().drawImage(page, 0, 0, l.width(), l.height(), null);
            page = fit;
        }
        byte[] p = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        int w = l.width();
        for (Layer k : l.inks()) {
            int[] c = {k.rgb() & 0xff, k.rgb() >> 8 & 0xff, k.rgb() >> 16 & 0xff}; // B, G, R as the raster holds them
            if (k.stencil()) {
                byte[] bits = g4Decode(k);
                int stride = (k.width() + 7) / 8;
                for (int y = 0; y < k.height(); y++) {
                    for (int x = 0; x < k.width(); x++) {
                        // Decoded as the PDF reads it: 0 = black = ink.
                        if ((bits[y * stride + (x >> 3)] & (0x80 >> (x & 7))) == 0) {
                            int o = ((y + k.y()) * w + x + k.x()) * 3;
                            p[o] = (byte) c[0];
                            p[o + 1] = (byte) c[1];
                            p[o + 2] = (byte) c[2];
                        }
                    }
                }
            } else {
                BufferedImage mask = ImageIO.read(new ByteArrayInputStream(k.data()));
                for (int y = 0; y < k.height(); y++) {
                    for (int x = 0; x < k.width(); x++) {
                        int a = mask.getRaster().getSample(x, y, 0) * 255 / 15;
                        if (a > 0) {
                            int o = ((y + k.y()) * w + x + k.x()) * 3;
                            for (int j = 0; j < 3; j++) {
                                int under = p[o + j] & 0xff;
                                p[o + j] = (byte) ((under * (255 - a) + c[j] * a + 127) / 255);
                            }
                        }
                    }
                }
            }
        }
        return page;
    }

    /** The stencil's rows as the PDF decodes them (K=-1, 0 = black). */
    static byte[] g4Decode(Layer k) throws IOException {
        COSDictionary stream = new COSDictionary();
        COSDictionary parms = new COSDictionary();
        parms.setInt(COSName.K, -1);
        parms.setInt(COSName.COLUMNS, k.width());
        parms.setInt(COSName.ROWS, k.height());
        stream.setItem(COSName.FILTER, COSName.CCITTFAX_DECODE);
        stream.setItem(COSName.DECODE_PARMS, parms);
        stream.setInt(COSName.HEIGHT, k.height());
        stream.setInt(COSName.WIDTH, k.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FilterFactory.INSTANCE.getFilter(COSName.CCITTFAX_DECODE).decode(new ByteArrayInputStream(k.data()), out, stream, 0);
        return out.toByteArray();
    }
}
