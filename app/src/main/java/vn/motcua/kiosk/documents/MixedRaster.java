// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import vn.motcua.kiosk.documents.MixedLayers.Layer;
import vn.motcua.kiosk.documents.MixedLayers.Layers;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Colour pages that are print with a few inks on paper (a red seal over a blue signature, an ID
 * card's photocopy beside a letter) as mixed raster content, the way DjVu and scanner PDFs keep
 * them small: dark ink as a 1-bit stencil at full resolution (CCITT G4, painted in the ink's
 * colour: text stays as sharp as the black-and-white page), each other ink as a 16-level
 * coverage mask cropped to where it is (painted in its colour through a soft mask: a seal keeps
 * its colour and smooth edges), and what is left — paper, tints, photographs — as a JPEG at a
 * third of the resolution with the inks' pixels filled from their surroundings. A page of mostly
 * photograph is not split ({@link #split} answers null) and stays a JPEG. One file per page
 * ({@link MixedLayers#SUFFIX}) holds all layers, so erasing a page stays erasing one file.
 */
final class MixedRaster {
    /** Background resolution divisor: 200 dpi → 67 dpi, where paper and photos need no more. */
    static final int BACKGROUND_STEP = 3;
    private static final int BLOCK = 16;
    /** A page whose blocks are more photograph than this is not split. */
    private static final double MAX_PICTURE_SHARE = 0.35;
    private static final int MAX_INKS = 4;

    private MixedRaster() {}

    /**
     * Splits an RGB page (3 bytes a pixel, as {@link PageWriter#toRgb} gives), or answers null
     * when it is mostly photograph. The page itself is not changed.
     */
    static Layers split(BufferedImage page, float quality) throws IOException {
        int w = page.getWidth();
        int h = page.getHeight();
        byte[] d = ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
        boolean bgr = page.getType() == BufferedImage.TYPE_3BYTE_BGR;
        int ri = bgr ? 2 : 0;
        int bi = bgr ? 0 : 2;
        int[] paperBytes = paper(d);
        int[] paper = {paperBytes[ri], paperBytes[1], paperBytes[bi]};
        int bw = (w + BLOCK - 1) / BLOCK;
        int bh = (h + BLOCK - 1) / BLOCK;
        boolean[] picture = pictureBlocks(d, w, h, bw, bh, paperBytes, ri, bi);
        int pictures = 0;
        for (boolean p : picture) {
            pictures += p ? 1 : 0;
        }
        if (pictures > MAX_PICTURE_SHARE * picture.length) {
            return null;
        }
        int[] inks = palette(d, w, h, bw, picture, ri, bi);
        // Which ink each pixel is and how much of it: 0 = none; coverage 1..15.
        byte[] which = new byte[w * h];
        byte[] cover = new byte[w * h];
        double[] p = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int r = d[i * 3 + ri] & 0xff;
                int g = d[i * 3 + 1] & 0xff;
                int b = d[i * 3 + bi] & 0xff;
                if (r >= paper[0] - 24 && g >= paper[1] - 24 && b >= paper[2] - 24) {
                    continue; // paper: most of the page, decided at once
                }
                boolean inPicture = picture[(y / BLOCK) * bw + x / BLOCK];
                if (inPicture) {
                    // In a photograph or a tinted card only clearly dark, neutral print is ink.
                    int max = Math.max(r, Math.max(g, b));
                    int min = Math.min(r, Math.min(g, b));
                    if ((r * 299 + g * 587 + b * 114) / 1000 < 100 && max - min < 60) {
                        which[i] = 1;
                        cover[i] = 15;
                    }
                    continue;
                }
                p[0] = r;
                p[1] = g;
                p[2] = b;
                int best = -1;
                double bestResidual = Double.MAX_VALUE;
                double bestAlpha = 0;
                for (int k = 0; k < inks.length; k++) {
                    double[] c = {inks[k] >> 16 & 0xff, inks[k] >> 8 & 0xff, inks[k] & 0xff};
                    double num = 0;
                    double den = 0;
                    for (int j = 0; j < 3; j++) {
                        num += (paper[j] - p[j]) * (paper[j] - c[j]);
                        den += (paper[j] - c[j]) * (paper[j] - c[j]);
                    }
                    double a = Math.max(0, Math.min(1, den == 0 ? 0 : num / den));
                    double res = 0;
                    for (int j = 0; j < 3; j++) {
                        double e = p[j] - (paper[j] + a * (c[j] - paper[j]));
                        res += e * e;
                    }
                    if (res < bestResidual) {
                        bestResidual = res;
                        best = k;
                        bestAlpha = a;
                    }
                }
                int level = (int) Math.round(bestAlpha * 15);
                if (best == 0 ? bestAlpha >= 0.5 : level > 0) {
                    which[i] = (byte) (best + 1);
                    cover[i] = (byte) (best == 0 ? 15 : level);
                }
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (int k = 0; k < inks.length; k++) {
            Layer l = k == 0 ? stencil(which, w, h, inks[k]) : coverage(which, cover, w, h, k + 1, inks[k]);
            if (l != null) {
                layers.add(l);
            }
        }
        BufferedImage background = background(d, w, h, which, paper, ri, bi);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        PageWriter.writeJpeg(background, quality, jpeg);
        return new Layers(w, h, background.getWidth(), background.getHeight(), jpeg.toByteArray(), layers);
    }

    /** The paper's colour: per channel, the level the brightest 30 % of the samples reach. */
    private static int[] paper(byte[] d) {
        int[] paper = new int[3];
        for (int c = 0; c < 3; c++) {
            long[] hist = new long[256];
            long n = 0;
            for (int i = c; i < d.length; i += 3 * 7) {
                hist[d[i] & 0xff]++;
                n++;
            }
            long seen = 0;
            for (int v = 255; v >= 0; v--) {
                seen += hist[v];
                if (seen >= n * 0.3) {
                    paper[c] = v;
                    break;
                }
            }
        }
        return paper; // in the raster's byte order
    }

    /** Photographs and tints: wide areas of blocks mostly not paper, and a block around them. */
    private static boolean[] pictureBlocks(byte[] d, int w, int h, int bw, int bh, int[] paperBytes, int ri, int bi) {
        int[] count = new int[bw * bh];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = (y * w + x) * 3;
                if ((d[i + ri] & 0xff) < paperBytes[ri] - 24 || (d[i + 1] & 0xff) < paperBytes[1] - 24 || (d[i + bi] & 0xff) < paperBytes[bi] - 24) {
                    count[(y / BLOCK) * bw + x / BLOCK]++;
                }
            }
        }
        boolean[] dense = new boolean[bw * bh];
        for (int i = 0; i < dense.length; i++) {
            dense[i] = count[i] > BLOCK * BLOCK * 0.6;
        }
        // A seal's ring, a filled star or a bold heading make dense blocks too, but only a few
        // side by side: what survives an erosion is a photograph or a tint; grown back, and a
        // block more around its edge.
        boolean[] core = spread(dense, bw, bh, false);
        return spread(spread(core, bw, bh, true), bw, bh, true);
    }

    /** One step of dilation ({@code grow}) or erosion over the 8 neighbours. */
    private static boolean[] spread(boolean[] in, int bw, int bh, boolean grow) {
        boolean[] out = new boolean[in.length];
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                boolean any = false;
                boolean all = true;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        boolean v = yy >= 0 && yy < bh && xx >= 0 && xx < bw && in[yy * bw + xx];
                        any |= v;
                        all &= v;
                    }
                }
                out[y * bw + x] = grow ? any : all;
            }
        }
        return out;
    }

    /**
     * The inks, as 0xRRGGBB: first the dark print (always), then up to three saturated colours
     * found outside pictures, each the mean of its most saturated pixels (an ink's own colour, not
     * its edges' mix with the paper).
     */
    private static int[] palette(byte[] d, int w, int h, int bw, boolean[] picture, int ri, int bi) {
        long[] dark = new long[4];
        int buckets = 12;
        int[][] chromaHist = new int[buckets][256];
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                if (picture[(y / BLOCK) * bw + x / BLOCK]) {
                    continue;
                }
                int i = (y * w + x) * 3;
                int r = d[i + ri] & 0xff;
                int g = d[i + 1] & 0xff;
                int b = d[i + bi] & 0xff;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (max - min < 50 && max < 90) {
                    dark[0] += r;
                    dark[1] += g;
                    dark[2] += b;
                    dark[3]++;
                } else if (max - min >= 80) {
                    chromaHist[hueBucket(r, g, b, buckets)][max - min]++;
                }
            }
        }
        List<Integer> inks = new ArrayList<>();
        inks.add(dark[3] == 0 ? 0x141414 : rgb(dark[0] / dark[3], dark[1] / dark[3], dark[2] / dark[3]));
        // Buckets with enough pixels (a seal's ring is thousands), largest first.
        List<int[]> found = new ArrayList<>();
        for (int k = 0; k < buckets; k++) {
            int n = 0;
            for (int v : chromaHist[k]) {
                n += v;
            }
            if (n >= w * h / 4 / 4000) {
                found.add(new int[] {k, n});
            }
        }
        found.sort((a, b) -> b[1] - a[1]);
        for (int[] f : found) {
            if (inks.size() > MAX_INKS - 1) {
                break;
            }
            int k = f[0];
            // The most saturated fifth of the bucket: the ink where it is solid.
            int cut = 255;
            int seen = 0;
            while (cut > 0 && seen < f[1] / 5) {
                seen += chromaHist[k][cut--];
            }
            long[] sum = new long[4];
            for (int y = 0; y < h; y += 2) {
                for (int x = 0; x < w; x += 2) {
                    if (picture[(y / BLOCK) * bw + x / BLOCK]) {
                        continue;
                    }
                    int i = (y * w + x) * 3;
                    int r = d[i + ri] & 0xff;
                    int g = d[i + 1] & 0xff;
                    int b = d[i + bi] & 0xff;
                    int c = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
                    if (c >= 80 && c > cut && hueBucket(r, g, b, buckets) == k) {
                        sum[0] += r;
                        sum[1] += g;
                        sum[2] += b;
                        sum[3]++;
                    }
                }
            }
            if (sum[3] > 0) {
                inks.add(rgb(sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3]));
            }
        }
        return inks.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Hue in {@code n} buckets, the first centred on red (a red seal's hue straddles 0°). */
    private static int hueBucket(int r, int g, int b, int n) {
        float[] hsb = java.awt.Color.RGBtoHSB(r, g, b, null);
        return (int) ((hsb[0] * n + 0.5f) % n);
    }

    private static int rgb(long r, long g, long b) {
        return (int) (r << 16 | g << 8 | b);
    }

    /** Dark print as a 1-bit G4 stencil over the whole page. */
    private static Layer stencil(byte[] which, int w, int h, int rgb) throws IOException {
        int stride = (w + 7) / 8;
        byte[] bits = new byte[stride * h];
        boolean any = false;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (which[y * w + x] == 1) {
                    bits[y * stride + (x >> 3)] |= (byte) (0x80 >> (x & 7));
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        COSDictionary parms = new COSDictionary();
        parms.setInt(COSName.COLUMNS, w);
        parms.setInt(COSName.ROWS, h);
        ByteArrayOutputStream g4 = new ByteArrayOutputStream();
        FilterFactory.INSTANCE.getFilter(COSName.CCITTFAX_DECODE).encode(new ByteArrayInputStream(bits), g4, parms, 0);
        return new Layer(true, rgb, 0, 0, w, h, g4.toByteArray());
    }

    /** One colour ink's coverage, cropped to where it is, as a 4-bit grey PNG (15 = solid ink). */
    private static Layer coverage(byte[] which, byte[] cover, int w, int h, int ink, int rgb) throws IOException {
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (which[y * w + x] == ink) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        int cw = x1 - x0 + 1;
        int ch = y1 - y0 + 1;
        BufferedImage mask = new BufferedImage(cw, ch, BufferedImage.TYPE_BYTE_GRAY);
        byte[] m = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                int i = (y + y0) * w + x + x0;
                m[y * cw + x] = which[i] == ink ? (byte) (cover[i] * 17) : 0;
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        GreyPng.write(mask, 16, png);
        return new Layer(false, rgb, x0, y0, cw, ch, png.toByteArray());
    }

    /**
     * What is under the inks, at a third of the resolution: each pixel the mean of the block's
     * pixels that no ink covers fully (under ink, the neighbours' mean), then whitened as the
     * paper is on grey pages, so paper grain costs the JPEG nothing.
     */
    private static BufferedImage background(byte[] d, int w, int h, byte[] which, int[] paper, int ri, int bi) {
        int s = BACKGROUND_STEP;
        int sw = (w + s - 1) / s;
        int sh = (h + s - 1) / s;
        int[] sum = new int[sw * sh * 3];
        int[] n = new int[sw * sh];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (which[i] != 0) {
                    continue;
                }
                int o = (y / s) * sw + x / s;
                sum[o * 3] += d[i * 3 + ri] & 0xff;
                sum[o * 3 + 1] += d[i * 3 + 1] & 0xff;
                sum[o * 3 + 2] += d[i * 3 + bi] & 0xff;
                n[o]++;
            }
        }
        // Holes (blocks all ink) take the mean of their filled neighbours, growing inwards.
        int[] rgb = new int[sw * sh * 3];
        boolean[] known = new boolean[sw * sh];
        for (int o = 0; o < n.length; o++) {
            if (n[o] > 0) {
                for (int c = 0; c < 3; c++) {
                    rgb[o * 3 + c] = sum[o * 3 + c] / n[o];
                }
                known[o] = true;
            }
        }
        for (int pass = 0; pass < 8; pass++) {
            boolean changed = false;
            boolean[] now = known.clone();
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < sw; x++) {
                    int o = y * sw + x;
                    if (known[o]) {
                        continue;
                    }
                    int[] acc = new int[4];
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int yy = y + dy;
                            int xx = x + dx;
                            if (yy >= 0 && yy < sh && xx >= 0 && xx < sw && known[yy * sw + xx]) {
                                int q = yy * sw + xx;
                                acc[0] += rgb[q * 3];
                                acc[1] += rgb[q * 3 + 1];
                                acc[2] += rgb[q * 3 + 2];
                                acc[3]++;
                            }
                        }
                    }
                    if (acc[3] > 0) {
                        for (int c = 0; c < 3; c++) {
                            rgb[o * 3 + c] = acc[c] / acc[3];
                        }
                        now[o] = true;
                        changed = true;
                    }
                }
            }
            known = now;
            if (!changed) {
                break;
            }
        }
        BufferedImage out = new BufferedImage(sw, sh, BufferedImage.TYPE_3BYTE_BGR);
        byte[] od = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        for (int o = 0; o < sw * sh; o++) {
            for (int c = 0; c < 3; c++) {
                int v = known[o] ? rgb[o * 3 + c] : 255;
                // c is R, G, B here (as paper[]); the JPEG's raster is B, G, R.
                v = Math.min(255, v * 255 / Math.max(1, paper[c] - 12));
                od[o * 3 + 2 - c] = (byte) v;
            }
        }
        return out;
    }
}
