// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.common;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** QR codes as screen images (tracking link, VietQR payment), sharp enough for a phone across the desk. */
public final class QrImages {
    private QrImages() {}

    /** One pixel per module times {@code scale}, with the standard's quiet zone; show it unsmoothed. */
    public static Image of(String content, int scale) {
        try {
            // M: survives a glare spot or a smudged screen; margin 4 is the quiet zone the standard asks for.
            BitMatrix m = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            WritableImage image = new WritableImage(m.getWidth() * scale, m.getHeight() * scale);
            PixelWriter w = image.getPixelWriter();
            for (int y = 0; y < m.getHeight() * scale; y++) {
                for (int x = 0; x < m.getWidth() * scale; x++) {
                    w.setArgb(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
                }
            }
            return image;
        } catch (WriterException e) {
            throw new IllegalArgumentException("QR content too long", e);
        }
    }
}
