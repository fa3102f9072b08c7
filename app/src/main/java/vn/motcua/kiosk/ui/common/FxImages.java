// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.common;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** AWT images (PDFBox renders, page thumbnails) for the screen, without javafx-swing (not on the kiosk's module path). */
public final class FxImages {
    private FxImages() {}

    public static Image of(BufferedImage picture) {
        int w = picture.getWidth();
        int h = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, w, h, null, 0, w);
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return image;
    }
}
