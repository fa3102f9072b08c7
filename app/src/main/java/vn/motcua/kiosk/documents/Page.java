// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.nio.file.Path;
import java.util.UUID;
import vn.motcua.kiosk.scanning.ColourMode;

/**
 * One page on disk. The image file is never changed: turning a page only changes {@link #rotation()}
 * (the PDF page gets /Rotate, thumbnails are turned when drawn), so turning is instant and lossless.
 *
 * @param id stable identity for the screen (thumbnails, drag and drop) while indexes change
 * @param file under the session's work folder: JPEG (photographs), 4-bit grey PNG (grey text), one
 *     {@link MixedRaster} file with all its layers (colour print with a few inks) or 1-bit PNG
 *     (black and white)
 * @param rotation clockwise quarter turns in degrees: 0, 90, 180 or 270
 * @param blank looks empty: flagged for the citizen to decide, never dropped by the kiosk
 * @param backSide the back of a sheet in a duplex batch
 */
public record Page(UUID id, Path file, ColourMode mode, int widthPx, int heightPx, int dpi, int rotation,
        boolean blank, boolean backSide, long bytes) {

    public Page {
        if (rotation % 90 != 0) {
            throw new IllegalArgumentException("rotation must be a quarter turn: " + rotation);
        }
        rotation = ((rotation % 360) + 360) % 360;
    }

    public Page rotatedBy(int degreesClockwise) {
        return new Page(id, file, mode, widthPx, heightPx, dpi, rotation + degreesClockwise, blank, backSide, bytes);
    }

    /** Width and height in PDF points (1/72 inch) at 100 % scale, before rotation. */
    public float widthPoints() {
        return widthPx * 72f / dpi;
    }

    public float heightPoints() {
        return heightPx * 72f / dpi;
    }
}
