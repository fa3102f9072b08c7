// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;

/** Synthetic A4 pages at 200 dpi: a typical printed paper with paper noise, or an empty sheet. */
final class TestPages {
    static final int W = 1654;
    static final int H = 2339;

    private TestPages() {}

    static BufferedImage text(int type) {
        BufferedImage img = clean(type);
        noise(img, 4);
        return img;
    }

    static BufferedImage clean(int type) {
        BufferedImage img = new BufferedImage(W, H, type);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(246, 245, 240));
        g.fillRect(0, 0, W, H);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(20, 20, 30));
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 28)); // 10 pt at 200 dpi
        // A typical administrative paper: a heading, ~25 lines of 10 pt at 1.5 spacing, a few
        // lines of 6 pt small print, a stamp.
        for (int y = 250; y < 1500; y += 50) {
            g.drawString("Họ và tên: NGUYỄN VĂN AN — nơi cư trú: Phường Ba Đình, Hà Nội, dòng " + y, 150, y);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17)); // 6 pt: the small print
        for (int y = 2050; y < 2200; y += 24) {
            g.drawString("Ghi chú: giấy tờ này được cấp theo quy định tại Nghị định 42/2022/NĐ-CP, số " + y, 150, y);
        }
        g.setColor(new Color(200, 30, 30));
        g.drawOval(1100, 1900, 300, 300); // a stamp
        g.dispose();
        return img;
    }

    static BufferedImage empty() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(240, 240, 240));
        g.fillRect(0, 0, W, H);
        g.dispose();
        noise(img, 5);
        return img;
    }

    static void noise(BufferedImage img, int amplitude) {
        if (img.getRaster().getDataBuffer() instanceof DataBufferByte b) {
            byte[] d = b.getData();
            Random r = new Random(42);
            for (int i = 0; i < d.length; i++) {
                int v = (d[i] & 0xff) + r.nextInt(2 * amplitude + 1) - amplitude;
                d[i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
    }
}
