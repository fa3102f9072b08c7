// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import java.awt.image.BufferedImage;

/**
 * One page as the scanner delivered it, in memory only until the listener has written it.
 *
 * @param number 1-based page number in the batch (front and back count separately in duplex)
 * @param dpi the resolution the device actually used
 * @param mode the mode asked for (the image itself is grey or RGB; black and white is made later)
 * @param backSide true for the back of a sheet in a duplex batch
 */
public record ScannedImage(int number, BufferedImage image, int dpi, ColourMode mode, boolean backSide) {}
