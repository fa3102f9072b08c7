// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

/** The papers the kiosk prints on, given explicitly with every job (CUPS defaults to Letter). */
public enum PaperSize {
    A4(210, 297),
    A5(148, 210),
    /** Receipt roll 80 mm wide; the length follows the document. */
    ROLL_80MM(80, 0);

    private final float widthMm;
    private final float heightMm;

    PaperSize(float widthMm, float heightMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
    }

    public float widthMm() {
        return widthMm;
    }

    /** 0 for a roll. */
    public float heightMm() {
        return heightMm;
    }
}
