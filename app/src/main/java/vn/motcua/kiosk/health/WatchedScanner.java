// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.health;

import java.util.List;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.scanning.ScanListener;
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.Scanner;
import vn.motcua.kiosk.scanning.ScannerCapabilities;
import vn.motcua.kiosk.scanning.ScannerInfo;
import vn.motcua.kiosk.scanning.ScanningException;

/** A scanner that tells device health when a scan worked. */
final class WatchedScanner implements Scanner {
    private final Scanner scanner;
    private final DeviceHealth health;

    WatchedScanner(Scanner scanner, DeviceHealth health) {
        this.scanner = scanner;
        this.health = health;
    }

    @Override
    public List<ScannerInfo> scanners() throws ScanningException {
        return scanner.scanners();
    }

    @Override
    public ScannerCapabilities capabilities() throws ScanningException {
        return scanner.capabilities();
    }

    @Override
    public int scan(ScanSettings settings, ScanListener listener, Cancellation cancellation) throws ScanningException {
        int pages = scanner.scan(settings, listener, cancellation);
        health.scanned();
        return pages;
    }
}
