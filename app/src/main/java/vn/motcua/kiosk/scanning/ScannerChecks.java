// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.motcua.kiosk.i18n.Messages;

/**
 * The scanner's part of {@code doctor}: lists the scanners saned offers, checks the configured one
 * and, when asked, scans a test page from the glass (kept in memory and dropped: the glass may hold
 * somebody's paper). Doctor turns each {@link Line} into one of its check lines.
 */
public final class ScannerChecks {
    /** One check: what was checked, whether it is well, and what to do if not. */
    public record Line(String name, boolean ok, String detail) {}

    private final Scanner scanner;

    public ScannerChecks(Scanner scanner) {
        this.scanner = scanner;
    }

    /** For {@code devices.scanner} of the configuration, through saned on this machine. */
    public static ScannerChecks forConfiguredScanner(String configured) {
        return new ScannerChecks(SaneScanner.forConfiguredScanner(configured));
    }

    public List<Line> run(Messages m, boolean scanTestPage) {
        List<Line> lines = new ArrayList<>();
        try {
            List<ScannerInfo> all = scanner.scanners();
            lines.add(new Line(m.get("scanning.doctor.scanners"), !all.isEmpty(), all.isEmpty()
                    ? m.get("scanning.doctor.scanners.none")
                    : m.get("scanning.doctor.scanners.ok", all.size(),
                            all.stream().map(ScannerInfo::label).collect(Collectors.joining(", ")))));
            if (all.isEmpty()) {
                return lines;
            }
            ScannerCapabilities caps = scanner.capabilities();
            lines.add(new Line(m.get("scanning.doctor.scanner"), true, m.get("scanning.doctor.scanner.ok",
                    caps.scanner().label(), caps.sources().contains(PaperSource.FEEDER) || caps.sources().contains(PaperSource.FEEDER_DUPLEX)
                            ? m.get("scanning.doctor.feeder.yes") : m.get("scanning.doctor.feeder.no"),
                    caps.minDpi(), caps.maxDpi())));
        } catch (ScanningException e) {
            lines.add(new Line(m.get("scanning.doctor.scanner"), false, e.describe(m)));
            return lines;
        }
        if (!scanTestPage) {
            lines.add(new Line(m.get("scanning.doctor.testPage"), true, m.get("scanning.doctor.testPage.skipped")));
            return lines;
        }
        int[] size = new int[3];
        try {
            scanner.scan(ScanSettings.defaults(), page -> {
                size[0] = page.image().getWidth();
                size[1] = page.image().getHeight();
                size[2] = page.dpi();
            }, Cancellation.none());
            lines.add(new Line(m.get("scanning.doctor.testPage"), true, m.get("scanning.doctor.testPage.ok", size[0], size[1], size[2])));
        } catch (ScanningException e) {
            lines.add(new Line(m.get("scanning.doctor.testPage"), false, e.describe(m)));
        }
        return lines;
    }
}
