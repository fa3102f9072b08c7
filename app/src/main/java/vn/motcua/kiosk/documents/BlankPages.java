// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * Decides whether a page looks empty: after cutting 5 % margins (scanner edges and lid shadows),
 * fewer than 0.1 % of the sampled pixels are clearly darker than the paper. "Clearly" is 64 grey
 * levels below the paper's own brightness, so paper texture, scanner noise and faint show-through
 * from the back do not count, while a signature, a stamp or one line of 8-point text does.
 */
public final class BlankPages {
    static final double INK_SHARE = 0.001;
    static final int CONTRAST = 64;
    private static final int STEP = 3;

    private BlankPages() {}

    public static boolean looksBlank(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int x0 = w / 20;
        int y0 = h / 20;
        int[] histogram = new int[256];
        int samples = 0;
        boolean grey = image.getType() == BufferedImage.TYPE_BYTE_GRAY;
        byte[] data = grey ? ((DataBufferByte) image.getRaster().getDataBuffer()).getData() : null;
        Raster raster = image.getRaster();
        for (int y = y0; y < h - y0; y += STEP) {
            for (int x = x0; x < w - x0; x += STEP) {
                int v;
                if (data != null) {
                    v = data[y * w + x] & 0xff;
                } else if (raster.getNumBands() >= 3) {
                    v = (raster.getSample(x, y, 0) * 299 + raster.getSample(x, y, 1) * 587 + raster.getSample(x, y, 2) * 114) / 1000;
                } else {
                    v = raster.getSample(x, y, 0) * 255 / ((1 << raster.getSampleModel().getSampleSize(0)) - 1);
                }
                histogram[v]++;
                samples++;
            }
        }
        if (samples == 0) {
            return true;
        }
        // The paper's brightness: the level that the brightest 20 % of the samples reach (a page
        // may be half ink, like a form with black boxes, and still have paper around it).
        int paper = 255;
        int seen = 0;
        for (int v = 255; v >= 0; v--) {
            seen += histogram[v];
            if (seen >= samples * 0.2) {
                paper = v;
                break;
            }
        }
        int ink = 0;
        for (int v = 0; v < paper - CONTRAST; v++) {
            ink += histogram[v];
        }
        return ink < samples * INK_SHARE;
    }
}
