// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.receipt;

/** The two papers a receipt prints on. Sizes in millimetres; a roll's height follows the content. */
public enum ReceiptLayout {
    /** Office printers: A5 portrait, 148 × 210 mm. */
    A5(148, 210, 12),
    /** Receipt-roll printers: 80 mm wide (72 mm printable on most), as long as needed. */
    ROLL_80MM(80, 0, 4);

    private final float widthMm;
    private final float heightMm;
    private final float marginMm;

    ReceiptLayout(float widthMm, float heightMm, float marginMm) {
        this.widthMm = widthMm;
        this.heightMm = heightMm;
        this.marginMm = marginMm;
    }

    public float widthMm() {
        return widthMm;
    }

    /** Fixed page height, or 0 for a roll whose height follows the content. */
    public float heightMm() {
        return heightMm;
    }

    public float marginMm() {
        return marginMm;
    }

    public boolean roll() {
        return heightMm == 0;
    }
}
