// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** How a page is kept. Black and white is scanned in grey and thresholded by the kiosk, so it looks the same on every scanner. */
public enum ColourMode {
    COLOUR,
    GREY,
    BLACK_WHITE
}
