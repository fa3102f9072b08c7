// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic A4 scans at 200 dpi with the text they carry, shared by the tests and the scanning
 * bench (bench depends on this module's test jar): the grey text page of issue 5, a page with a
 * red round seal over a blue signature, and a page with a colour ID-card photocopy (issue 17).
 * Text is drawn in the kiosk's own Noto Sans (it has every Vietnamese diacritic), so OCR can be
 * checked against {@link Sample#text()}. {@link Sample#colourRegion()} marks the pixels whose
 * colour must survive (the seal's ink, the card's photo).
 */
public final class ScanSamples {
    public static final int W = 1654;
    public static final int H = 2339;
    public static final int DPI = 200;

    private static final String[] LINES = {
        "Căn cứ Luật Cư trú ngày 13 tháng 11 năm 2020 và Nghị định số 62/2021/NĐ-CP,",
        "Ủy ban nhân dân phường Ba Đình xác nhận ông Nguyễn Văn An, sinh năm 1958,",
        "hiện cư trú tại số 18 phố Hoàng Diệu, tổ dân phố số 4, phường Ba Đình,",
        "thành phố Hà Nội, là người có hoàn cảnh khó khăn, được hưởng trợ cấp xã hội",
        "hằng tháng theo quy định. Giấy xác nhận này có giá trị trong thời hạn sáu",
        "tháng kể từ ngày ký, được dùng để bổ sung hồ sơ đề nghị cấp lại thẻ bảo hiểm",
        "y tế và không dùng vào mục đích khác. Người được xác nhận chịu trách nhiệm",
        "về tính chính xác của các thông tin đã khai; mọi sửa chữa, tẩy xóa đều làm",
        "giấy này mất giá trị. Đề nghị cơ quan, tổ chức có liên quan xem xét, giải",
        "quyết theo thẩm quyền. Nơi nhận: như trên; lưu văn phòng ủy ban nhân dân.",
    };

    private ScanSamples() {}

    /** A page image with the text drawn on it (reading order, lines joined by newlines). */
    public record Sample(String name, BufferedImage image, String text, Rectangle colourBox, boolean[] colourRegion) {}

    /** Issue 5's grey text page (heading, 25 lines of 10 pt, 6-pt small print, a stamp outline), ±4 levels of noise. */
    public static Sample grey(int n) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = start(img);
        StringBuilder text = new StringBuilder();
        g.setColor(new Color(20, 20, 30));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 34));
        line(g, text, "GIẤY XÁC NHẬN — trang " + (n + 1), 450, 170);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
        for (int y = 250; y < 1500; y += 50) {
            line(g, text, "Họ và tên: NGUYỄN VĂN AN — nơi cư trú: Phường Ba Đình, Hà Nội, dòng " + y, 150, y);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        for (int y = 2050; y < 2200; y += 24) {
            line(g, text, "Ghi chú: giấy tờ này được cấp theo quy định tại Nghị định 42/2022/NĐ-CP, số " + y, 150, y);
        }
        g.setColor(new Color(120, 120, 120));
        g.drawOval(1100, 1900, 300, 300);
        g.dispose();
        noise(img, 4, n);
        return new Sample("grey-" + (n + 1), img, text.toString(), null, null);
    }

    /** Colour page: heading, body text, and a red round seal stamped over a blue signature. */
    public static Sample seal(int n) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = start(img);
        StringBuilder text = new StringBuilder();
        body(g, text, n, 520);
        g.setFont(noto(false, 30));
        line(g, text, "TM. ỦY BAN NHÂN DÂN", 1020, 1420);
        line(g, text, "CHỦ TỊCH", 1130, 1465);
        signature(g, new Color(25, 45, 150), 980, 1560, n);
        g.setColor(new Color(20, 20, 30));
        g.setFont(noto(true, 30));
        line(g, text, "Trần Thị Bình", 1090, 1800);
        // The seal is stamped last, half over the signature; its ink is not quite opaque.
        int cx = 1120 + 20 * (n % 3);
        int cy = 1600;
        Color red = new Color(205, 30, 40);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.88f));
        drawSeal(g, red, cx, cy);
        g.dispose();
        // Where the seal's ink is: the seal drawn alone, as a mask.
        BufferedImage mask = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D m = mask.createGraphics();
        m.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        m.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        drawSeal(m, Color.WHITE, cx, cy);
        m.dispose();
        noise(img, 4, 100 + n);
        return new Sample("seal-" + (n + 1), img, text.toString(), new Rectangle(cx - 160, cy - 160, 320, 320), region(mask));
    }

    /** Colour page: a short letter and a photocopied colour ID card (tinted card, red band, a photo). */
    public static Sample idCard(int n) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = start(img);
        StringBuilder text = new StringBuilder();
        g.setColor(new Color(20, 20, 30));
        g.setFont(noto(true, 38));
        line(g, text, "BẢN SAO CĂN CƯỚC CÔNG DÂN", 480, 200);
        // The card: 85.6 × 54 mm at 200 dpi, a pale blue-green tint, a red band, the photo.
        int x = 300;
        int y = 300;
        int cw = 674;
        int ch = 425;
        g.setPaint(new GradientPaint(x, y, new Color(205, 228, 238), x + cw, y + ch, new Color(222, 238, 215)));
        g.fillRoundRect(x, y, cw, ch, 40, 40);
        g.setColor(new Color(190, 35, 40));
        g.fillRect(x, y + 30, cw, 60);
        g.setColor(new Color(255, 235, 120));
        g.setFont(noto(true, 30));
        line(g, text, "CĂN CƯỚC CÔNG DÂN", x + 190, y + 72);
        Rectangle photo = new Rectangle(x + 30, y + 120, 170, 220);
        g.setPaint(new GradientPaint(photo.x, photo.y, new Color(90, 140, 200), photo.x, photo.y + photo.height, new Color(160, 195, 230)));
        g.fill(photo);
        g.setPaint(new RadialGradientPaint(photo.x + 85f, photo.y + 95f, 70f, new float[] {0f, 1f},
                new Color[] {new Color(240, 200, 170), new Color(190, 130, 100)}));
        g.fill(new Ellipse2D.Double(photo.x + 35, photo.y + 30, 100, 130));
        g.setColor(new Color(50, 35, 30));
        g.fillArc(photo.x + 33, photo.y + 22, 104, 70, 0, 180); // hair
        g.setPaint(new GradientPaint(photo.x, photo.y + 170, new Color(40, 60, 110), photo.x + 170, photo.y + 220, new Color(70, 90, 150)));
        g.fillRoundRect(photo.x + 15, photo.y + 165, 140, 80, 60, 60); // shoulders
        g.setColor(new Color(25, 25, 35));
        g.setFont(noto(false, 24));
        String[] fields = {"Số: 001058012345", "Họ và tên: NGUYỄN VĂN AN", "Ngày sinh: 12/03/1958",
            "Giới tính: Nam   Quốc tịch: Việt Nam", "Quê quán: Ba Đình, Hà Nội"};
        for (int i = 0; i < fields.length; i++) {
            line(g, text, fields[i], x + 225, y + 150 + 45 * i);
        }
        g.setColor(new Color(20, 20, 30));
        body(g, text, n, 900);
        g.dispose();
        noise(img, 4, 200 + n);
        boolean[] region = new boolean[W * H];
        for (int yy = photo.y; yy < photo.y + photo.height; yy++) {
            for (int xx = photo.x; xx < photo.x + photo.width; xx++) {
                region[yy * W + xx] = true;
            }
        }
        return new Sample("id-card-" + (n + 1), img, text.toString(), photo, region);
    }

    private static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(246, 245, 240));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    /** A heading and the letter's ten lines of 10-pt text from {@code top}, a few 7-pt lines at the foot. */
    private static void body(Graphics2D g, StringBuilder text, int n, int top) {
        g.setColor(new Color(20, 20, 30));
        g.setFont(noto(true, 34));
        line(g, text, "GIẤY XÁC NHẬN — số " + (n + 1) + "/2026", 520, top - 120);
        g.setFont(noto(false, 28));
        for (int i = 0; i < LINES.length; i++) {
            line(g, text, LINES[(i + n) % LINES.length], 150, top + 52 * i);
        }
        g.setFont(noto(false, 20));
        for (int i = 0; i < 3; i++) {
            line(g, text, "Ghi chú " + (i + 1) + ": bản này được quét tại bộ phận một cửa, không thay thế bản chính.", 150, 2100 + 32 * i);
        }
    }

    private static void line(Graphics2D g, StringBuilder text, String s, int x, int y) {
        g.drawString(s, x, y);
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(s);
    }

    /** A hand signature: a few thick cubic strokes, varied by {@code n}. */
    private static void signature(Graphics2D g, Color ink, int x, int y, int n) {
        Random r = new Random(7 + n);
        g.setColor(ink);
        g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int px = x;
        int py = y + 60;
        for (int i = 0; i < 6; i++) {
            int nx = px + 40 + r.nextInt(60);
            int ny = y + r.nextInt(140);
            g.draw(new CubicCurve2D.Double(px, py, px + r.nextInt(80) - 20, py - 120 + r.nextInt(100),
                    nx - r.nextInt(80) + 20, ny + 120 - r.nextInt(100), nx, ny));
            px = nx;
            py = ny;
        }
        g.draw(new CubicCurve2D.Double(x - 10, y + 150, x + 120, y + 110, x + 260, y + 170, x + 380, y + 120));
    }

    /** A round seal: two rings, the office's name around the edge, a star in the middle. */
    private static void drawSeal(Graphics2D g, Color ink, int cx, int cy) {
        g.setColor(ink);
        g.setStroke(new BasicStroke(9f));
        g.drawOval(cx - 150, cy - 150, 300, 300);
        g.setStroke(new BasicStroke(3f));
        g.drawOval(cx - 112, cy - 112, 224, 224);
        Polygon star = new Polygon();
        for (int i = 0; i < 10; i++) {
            double a = -Math.PI / 2 + i * Math.PI / 5;
            double rr = i % 2 == 0 ? 55 : 22;
            star.addPoint(cx + (int) Math.round(rr * Math.cos(a)), cy + (int) Math.round(rr * Math.sin(a)));
        }
        g.fill(star);
        g.setFont(noto(true, 24));
        String around = "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH * HÀ NỘI * ";
        var saved = g.getTransform();
        for (int i = 0; i < around.length(); i++) {
            double a = -Math.PI / 2 + i * 2 * Math.PI / around.length();
            g.setTransform(saved);
            g.translate(cx + 128 * Math.cos(a), cy + 128 * Math.sin(a));
            g.rotate(a + Math.PI / 2);
            g.drawString(String.valueOf(around.charAt(i)), -7, 8);
        }
        g.setTransform(saved);
    }

    private static boolean[] region(BufferedImage mask) {
        byte[] d = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        boolean[] r = new boolean[d.length];
        for (int i = 0; i < d.length; i++) {
            r[i] = (d[i] & 0xff) >= 128;
        }
        return r;
    }

    private static final Font REGULAR = load("/fonts/NotoSans-Regular.ttf");
    private static final Font BOLD = load("/fonts/NotoSans-Bold.ttf");

    private static Font noto(boolean bold, float px) {
        return (bold ? BOLD : REGULAR).deriveFont(px);
    }

    private static Font load(String resource) {
        try (InputStream in = ScanSamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | java.awt.FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** ±{@code amplitude} levels of uniform noise on every sample: scanner grain. */
    static void noise(BufferedImage img, int amplitude, long seed) {
        byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Random r = new Random(seed);
        for (int i = 0; i < d.length; i++) {
            int v = (d[i] & 0xff) + r.nextInt(2 * amplitude + 1) - amplitude;
            d[i] = (byte) Math.max(0, Math.min(255, v));
        }
    }

    /** All three kinds, {@code each} of each (the bench's colour set is seal and ID card). */
    public static List<Sample> colour(int each) {
        List<Sample> all = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            all.add(seal(i));
        }
        for (int i = 0; i < each; i++) {
            all.add(idCard(i));
        }
        return all;
    }
}
