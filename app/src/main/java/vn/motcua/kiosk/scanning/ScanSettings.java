// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to ask of the scanner for one batch. The defaults follow the portal's rule for digitised
 * papers (at least 200 dpi, greyscale; colour on demand).
 *
 * @param dpi resolution asked for; the device's nearest offered value at or above it is used
 * @param mode colour, grey or black and white
 * @param source glass or feeder (duplex where the device offers it)
 * @param deviceOptions extra SANE options by name, set in the map's order after the others: installers use
 *     it for a device's quirks, tests for the test backend's failure switches
 */
public record ScanSettings(int dpi, ColourMode mode, PaperSource source, Map<String, String> deviceOptions) {
    public static final int DEFAULT_DPI = 200;

    public ScanSettings {
        if (dpi < 50 || dpi > 1200) {
            throw new IllegalArgumentException("dpi out of 50..1200: " + dpi);
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        // Kept in the caller's order: one option may only become active after another is set.
        deviceOptions = deviceOptions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(deviceOptions));
    }

    /** 200 dpi greyscale from the glass. */
    public static ScanSettings defaults() {
        return new ScanSettings(DEFAULT_DPI, ColourMode.GREY, PaperSource.FLATBED, Map.of());
    }

    public ScanSettings withSource(PaperSource s) {
        return new ScanSettings(dpi, mode, s, deviceOptions);
    }

    public ScanSettings withMode(ColourMode m) {
        return new ScanSettings(dpi, m, source, deviceOptions);
    }

    public ScanSettings withDpi(int d) {
        return new ScanSettings(d, mode, source, deviceOptions);
    }

    public ScanSettings withDeviceOptions(Map<String, String> options) {
        return new ScanSettings(dpi, mode, source, options);
    }
}
