// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import java.util.Set;

/** What an opened scanner offers, so the screen shows only the buttons that work (e.g. duplex). */
public record ScannerCapabilities(ScannerInfo scanner, Set<PaperSource> sources, Set<ColourMode> modes, int minDpi, int maxDpi) {
    public ScannerCapabilities {
        sources = Set.copyOf(sources);
        modes = Set.copyOf(modes);
    }
}
