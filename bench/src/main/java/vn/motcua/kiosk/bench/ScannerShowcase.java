// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import vn.motcua.kiosk.scanning.Cancellation;
import vn.motcua.kiosk.scanning.ColourMode;
import vn.motcua.kiosk.scanning.PaperJamException;
import vn.motcua.kiosk.scanning.PaperSource;
import vn.motcua.kiosk.scanning.ScanListener;
import vn.motcua.kiosk.scanning.ScanSettings;
import vn.motcua.kiosk.scanning.ScannedImage;
import vn.motcua.kiosk.scanning.Scanner;
import vn.motcua.kiosk.scanning.ScannerCapabilities;
import vn.motcua.kiosk.scanning.ScannerInfo;
import vn.motcua.kiosk.scanning.ScanningException;

/**
 * A feeder scanner with duplex for the screenshots: three sheets, printed fronts and blank backs;
 * the batch after {@link #jamAfter} pages jams. The real paths are tested against SANE's test
 * backend and an eSCL scanner through sane-airscan.
 */
final class ScannerShowcase implements Scanner {
    private static final ScannerInfo INFO = new ScannerInfo("showcase:adf", "Kiosk", "ADF duplex", "sheetfed scanner");
    private volatile int jamAfter;

    void jamAfter(int pages) {
        jamAfter = pages;
    }

    @Override
    public List<ScannerInfo> scanners() {
        return List.of(INFO);
    }

    @Override
    public ScannerCapabilities capabilities() {
        return new ScannerCapabilities(INFO, Set.of(PaperSource.values()), Set.of(ColourMode.values()), 100, 600);
    }

    @Override
    public int scan(ScanSettings settings, ScanListener listener, Cancellation cancellation) throws ScanningException {
        boolean duplex = settings.source() == PaperSource.FEEDER_DUPLEX;
        int pages = settings.source() == PaperSource.FLATBED ? 1 : duplex ? 6 : 3;
        int jam = jamAfter;
        for (int n = 1; n <= pages; n++) {
            if (jam > 0 && n > jam) {
                throw new PaperJamException(INFO.name(), jam, "showcase", null);
            }
            listener.pageStarted(n);
            boolean back = duplex && n % 2 == 0;
            try {
                listener.pageScanned(new ScannedImage(n, back ? blank() : sheet(duplex ? (n + 1) / 2 : n), 100,
                        settings.mode(), back));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return pages;
    }

    /** An A4 page at 100 dpi: a heading and lines of text, like a certificate's front. */
    private static BufferedImage sheet(int number) {
        BufferedImage i = blank();
        Graphics2D g = i.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x202020));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 26));
        g.drawString("GIẤY KHAI SINH", 300, 120);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 15));
        for (int y = 190, line = 0; y < 1000; y += 34, line++) {
            g.drawString(line % 3 == 0 ? "Họ, chữ đệm, tên: NGUYỄN VĂN AN" : "Nơi sinh: Bệnh viện Phụ sản Hà Nội", 90, y);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 60));
        g.drawString(String.valueOf(number), 700, 1080);
        g.dispose();
        return i;
    }

    private static BufferedImage blank() {
        BufferedImage i = new BufferedImage(827, 1169, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = i.createGraphics();
        g.setColor(new Color(0xF7F7F7));
        g.fillRect(0, 0, i.getWidth(), i.getHeight());
        g.dispose();
        return i;
    }
}
