// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Small and large previews for the papers screen, turned as the page is turned. The JPEG is
 * decoded with subsampling, so a 200-px thumbnail of an A4 page costs a fraction of a full decode;
 * a page kept as layers ({@link MixedRaster}) is composed as the PDF shows it.
 * A screen converts the result with {@code SwingFXUtils.toFXImage}.
 */
public final class Thumbnails {
    private Thumbnails() {}

    /** The page drawn to fit {@code maxEdge} pixels on its longer side, rotation applied. */
    public static BufferedImage of(Page page, int maxEdge) throws IOException {
        int longest = Math.max(page.widthPx(), page.heightPx());
        int sub = Math.max(1, longest / Math.max(1, maxEdge));
        BufferedImage decoded;
        if (MixedLayers.isMixed(page.file())) {
            decoded = MixedLayers.compose(MixedLayers.read(page.file()));
        } else {
            decoded = decode(page, sub);
        }
        return fit(page, decoded, maxEdge);
    }

    private static BufferedImage decode(Page page, int sub) throws IOException {
        BufferedImage decoded;
        try (ImageInputStream in = ImageIO.createImageInputStream(page.file().toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("page file is not an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(sub, sub, 0, 0);
                decoded = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
        return decoded;
    }

    private static BufferedImage fit(Page page, BufferedImage decoded, int maxEdge) {
        double scale = Math.min(1.0, (double) maxEdge / Math.max(decoded.getWidth(), decoded.getHeight()));
        int w = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
        boolean sideways = page.rotation() == 90 || page.rotation() == 270;
        BufferedImage out = new BufferedImage(sideways ? h : w, sideways ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform t = new AffineTransform();
        switch (page.rotation()) {
            case 90 -> t.translate(h, 0);
            case 180 -> t.translate(w, h);
            case 270 -> t.translate(0, w);
            default -> { }
        }
        t.rotate(Math.toRadians(page.rotation()));
        t.scale(scale, scale);
        g.drawImage(decoded, t, null);
        g.dispose();
        return out;
    }
}
