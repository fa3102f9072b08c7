// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import vn.motcua.kiosk.documents.DocumentLimits;
import vn.motcua.kiosk.documents.PageWriter;
import vn.motcua.kiosk.documents.PaperDocument;
import vn.motcua.kiosk.documents.PdfMaker;
import vn.motcua.kiosk.scanning.ColourMode;

/**
 * Issue 5 "Measured": a 20-page A4 200-dpi greyscale batch → one PDF, side by side in one run with
 * img2pdf (lossless, straight from the PNGs) and ImageMagick convert -quality 75 + img2pdf, all on
 * the same page images. The kiosk's time includes decoding the PNGs (a scanner hands over raw
 * pixels, so this is more work than the kiosk really does). Usage: ScanningBench OUT_DIR
 */
public final class ScanningBench {
    static final int W = 1654;
    static final int H = 2339;
    static final int PAGES = 20;
    static final int RUNS = 3;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-scanning");
        Files.createDirectories(out);
        Path pngs = Files.createDirectories(out.resolve("pages"));
        List<Path> pages = new ArrayList<>();
        for (int i = 0; i < PAGES; i++) {
            Path p = pngs.resolve(String.format("page-%02d.png", i + 1));
            ImageIO.write(page(i), "png", p.toFile());
            pages.add(p);
        }
        System.out.println("| pipeline | median time (20 pages) | pages/min | PDF size | per page |");
        System.out.println("|---|---|---|---|---|");
        kiosk(out, pages); // warm-up: class loading and JIT, not counted
        row("kiosk (PDFBox; text pages 16-level grey Flate, photos JPEG q0.70; after white/black points)", measure(() -> kiosk(out, pages)), out.resolve("kiosk.pdf"));
        // What the kiosk really does: saned hands over raw pixels, so there is no PNG to decode.
        List<BufferedImage> raw = new ArrayList<>();
        for (Path p : pages) {
            raw.add(ImageIO.read(p.toFile()));
        }
        kioskRaw(out, raw);
        row("kiosk from raw pixels as saned delivers them (same, without decoding PNGs)", measure(() -> kioskRaw(out, raw)),
                out.resolve("kiosk.pdf"));
        row("img2pdf on the PNGs (lossless Flate)", measure(() -> run(out, concat(List.of("img2pdf", "-o", "img2pdf.pdf"), pages))),
                out.resolve("img2pdf.pdf"));
        row("ImageMagick convert -quality 75, then img2pdf", measure(() -> {
            List<String> jpgs = new ArrayList<>();
            for (Path p : pages) {
                String jpg = p.toString().replace(".png", ".jpg");
                run(out, List.of("/usr/bin/convert", p.toString(), "-quality", "75", jpg));
                jpgs.add(jpg);
            }
            List<String> cmd = new ArrayList<>(List.of("img2pdf", "-o", "magick.pdf"));
            cmd.addAll(jpgs);
            run(out, cmd);
        }), out.resolve("magick.pdf"));

        System.out.println();
        BufferedImage one = ImageIO.read(pages.get(0).toFile());
        PageWriter grey = new PageWriter(Files.createTempDirectory(out, "grey"), DocumentLimits.defaults());
        var page = grey.write(copy(one), 200, ColourMode.GREY, false);
        System.out.println("page 1 as the kiosk keeps it: " + page.file().getFileName().toString().replaceAll(".*\\.", "")
                + ", " + page.bytes() / 1024 + " KB");
        PageWriter bw = new PageWriter(Files.createTempDirectory(out, "bw"), DocumentLimits.defaults());
        System.out.println("black and white (1-bit PNG, CCITT G4 in the PDF): "
                + bw.write(copy(one), 200, ColourMode.BLACK_WHITE, false).bytes() / 1024 + " KB as PNG");
    }

    interface Job {
        void run() throws Exception;
    }

    static long measure(Job job) throws Exception {
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            job.run();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    static void row(String name, long nanos, Path pdf) throws Exception {
        double s = nanos / 1e9;
        long size = Files.size(pdf);
        System.out.printf("| %s | %.2f s | %.0f | %.2f MB | %d KB |%n", name, s, PAGES / s * 60, size / 1048576.0,
                size / 1024 / PAGES);
    }

    static void kiosk(Path out, List<Path> pages) throws Exception {
        Path session = out.resolve("session");
        deleteTree(session);
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperDocument doc = new PaperDocument("bench");
        for (Path p : pages) {
            doc.add(writer.write(ImageIO.read(p.toFile()), 200, ColourMode.GREY, false));
        }
        new PdfMaker(writer).build(doc, out.resolve("kiosk.pdf"));
    }

    /** Each page copied first (the writer whitens in place); the copies are counted in the time. */
    static void kioskRaw(Path out, List<BufferedImage> images) throws Exception {
        Path session = out.resolve("session");
        deleteTree(session);
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperDocument doc = new PaperDocument("bench");
        for (BufferedImage i : images) {
            doc.add(writer.write(copy(i), 200, ColourMode.GREY, false));
        }
        new PdfMaker(writer).build(doc, out.resolve("kiosk.pdf"));
    }

    static List<String> concat(List<String> cmd, List<Path> files) {
        List<String> all = new ArrayList<>(cmd);
        files.forEach(f -> all.add(f.toString()));
        return all;
    }

    static void run(Path dir, List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(cmd.get(0) + " failed");
        }
    }

    static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            try (var s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static BufferedImage copy(BufferedImage i) {
        BufferedImage c = new BufferedImage(i.getWidth(), i.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        c.getGraphics().drawImage(i, 0, 0, null);
        return c;
    }

    /** A typical printed paper (heading, ~25 lines of 10 pt, 6-pt small print, a stamp) with scanner noise. */
    static BufferedImage page(int n) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(246, 245, 240));
        g.fillRect(0, 0, W, H);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(20, 20, 30));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 34));
        g.drawString("GIẤY XÁC NHẬN — trang " + (n + 1), 450, 170);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 28));
        for (int y = 250; y < 1500; y += 50) {
            g.drawString("Họ và tên: NGUYỄN VĂN AN — nơi cư trú: Phường Ba Đình, Hà Nội, dòng " + y, 150, y);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        for (int y = 2050; y < 2200; y += 24) {
            g.drawString("Ghi chú: giấy tờ này được cấp theo quy định tại Nghị định 42/2022/NĐ-CP, số " + y, 150, y);
        }
        g.setColor(new Color(120, 120, 120));
        g.drawOval(1100, 1900, 300, 300);
        g.dispose();
        byte[] d = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Random r = new Random(n);
        for (int i = 0; i < d.length; i++) {
            int v = (d[i] & 0xff) + r.nextInt(9) - 4;
            d[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return img;
    }
}
