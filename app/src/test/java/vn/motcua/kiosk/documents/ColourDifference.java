// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.image.BufferedImage;

/**
 * Mean CIE76 ΔE (Euclidean distance in CIELAB, sRGB → XYZ D65 → Lab) between two renderings of
 * the same page over the pixels of a region. CIE76 rather than CIEDE2000: simpler and stricter on
 * saturated reds, where CIEDE2000 forgives chroma differences. Shared by the tests and the bench.
 */
public final class ColourDifference {
    private ColourDifference() {}

    /** {@code region[y * width + x]} marks the pixels compared; both images have the page's size. */
    public static double meanDeltaE(BufferedImage original, BufferedImage rendered, boolean[] region) {
        int w = original.getWidth();
        double sum = 0;
        long n = 0;
        for (int i = 0; i < region.length; i++) {
            if (!region[i]) {
                continue;
            }
            int x = i % w;
            int y = i / w;
            if (x >= rendered.getWidth() || y >= rendered.getHeight()) {
                continue;
            }
            double[] a = lab(original.getRGB(x, y));
            double[] b = lab(rendered.getRGB(x, y));
            sum += Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2]));
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    static double[] lab(int rgb) {
        double r = linear((rgb >> 16 & 0xff) / 255.0);
        double g = linear((rgb >> 8 & 0xff) / 255.0);
        double b = linear((rgb & 0xff) / 255.0);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (841.0 / 108) * t + 4.0 / 29;
    }

    private static double sq(double v) {
        return v * v;
    }
}
