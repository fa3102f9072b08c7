// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Draws a {@link MixedRaster} page: the background JPEG over the whole page, then each ink —
 * the dark print as an {@code /ImageMask} stencil (CCITT G4 as stored) painted in its colour, a
 * colour ink as a solid image of its colour through its coverage as {@code /SMask} (PDF/A-2
 * allows soft masks; the sRGB output intent covers the blending). Nothing is re-encoded but the
 * tiny solid-colour images.
 */
final class MixedPdf {
    private MixedPdf() {}

    static void draw(PDDocument pdf, PDPageContentStream content, MixedLayers.Layers l, float w, float h) throws IOException {
        content.drawImage(JPEGFactory.createFromByteArray(pdf, l.background()), 0, 0, w, h);
        float sx = w / l.width();
        float sy = h / l.height();
        for (MixedLayers.Layer k : l.inks()) {
            float x = k.x() * sx;
            float y = h - (k.y() + k.height()) * sy;
            PDImageXObject image = k.stencil() ? stencil(pdf, k) : coloured(pdf, k);
            content.saveGraphicsState();
            content.setNonStrokingColor(new Color(k.rgb()));
            content.drawImage(image, x, y, k.width() * sx, k.height() * sy);
            content.restoreGraphicsState();
        }
    }

    private static PDImageXObject stencil(PDDocument pdf, MixedLayers.Layer k) throws IOException {
        PDImageXObject mask = new PDImageXObject(pdf, new ByteArrayInputStream(k.data()), COSName.CCITTFAX_DECODE,
                k.width(), k.height(), 1, PDDeviceGray.INSTANCE);
        COSDictionary parms = new COSDictionary();
        parms.setInt(COSName.K, -1);
        parms.setInt(COSName.COLUMNS, k.width());
        parms.setInt(COSName.ROWS, k.height());
        mask.getCOSObject().setItem(COSName.DECODE_PARMS, parms);
        // A stencil has no colour space: samples of 0 (the ink, as G4 decodes) are painted in the fill colour.
        mask.getCOSObject().removeItem(COSName.COLORSPACE);
        mask.getCOSObject().setBoolean(COSName.IMAGE_MASK, true);
        return mask;
    }

    private static PDImageXObject coloured(PDDocument pdf, MixedLayers.Layer k) throws IOException {
        BufferedImage solid = new BufferedImage(k.width(), k.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = solid.createGraphics();
        g.setColor(new Color(k.rgb()));
        g.fillRect(0, 0, k.width(), k.height());
        g.dispose();
        PDImageXObject image = LosslessFactory.createFromImage(pdf, solid);
        PDImageXObject alpha = PdfMaker.greyPng(pdf, GreyPng.read(new ByteArrayInputStream(k.data())));
        image.getCOSObject().setItem(COSName.SMASK, alpha);
        return image;
    }
}
