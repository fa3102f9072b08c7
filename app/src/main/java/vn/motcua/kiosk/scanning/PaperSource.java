// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

/** Where the paper lies: on the glass, in the feeder, or in a feeder that scans both sides. */
public enum PaperSource {
    FLATBED,
    FEEDER,
    FEEDER_DUPLEX;

    public boolean feeder() {
        return this != FLATBED;
    }
}
