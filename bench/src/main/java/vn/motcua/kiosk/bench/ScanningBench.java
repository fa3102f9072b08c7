// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;
import vn.motcua.kiosk.documents.ColourDifference;
import vn.motcua.kiosk.documents.DocumentLimits;
import vn.motcua.kiosk.documents.Ocr;
import vn.motcua.kiosk.documents.PageWriter;
import vn.motcua.kiosk.documents.PaperDocument;
import vn.motcua.kiosk.documents.PdfMaker;
import vn.motcua.kiosk.documents.ScanSamples;
import vn.motcua.kiosk.scanning.ColourMode;

/**
 * Issues 5 and 17, one table: A4 200-dpi pages → one PDF per set with the kiosk, img2pdf
 * (lossless), ImageMagick JPEG q75 + img2pdf and ImageMagick bilevel CCITT G4 + img2pdf, all from
 * the same page images. Sets: 20 grey text pages; colour pages with a red seal over a signature;
 * colour pages with an ID-card photocopy (the test suite's {@link ScanSamples}). For each: median
 * time of {@link #RUNS} runs after a warm-up, bytes per page, tesseract's character accuracy on
 * poppler's 200-dpi rendering against the known text, and mean CIE76 ΔE of the seal's ink or the
 * photo against the page given to the pipeline. The kiosk starts from raw pixels as saned hands
 * them over (each page copied first, counted). Usage: ScanningBench OUT_DIR
 */
public final class ScanningBench {
    static final int GREY_PAGES = 20;
    static final int COLOUR_PAGES = 4;
    /** Grey pages read by OCR: they are alike, and tesseract takes seconds a page. */
    static final int GREY_OCR_PAGES = 3;
    static final int RUNS = 3;

    record PageSet(String name, ColourMode mode, List<ScanSamples.Sample> samples, List<Path> pngs, int ocrPages) {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench-scanning");
        deleteTree(out);
        Files.createDirectories(out);
        boolean colourOnly = args.length > 1 && args[1].equals("colour");
        List<PageSet> sets = new ArrayList<>();
        if (!colourOnly) {
            sets.add(set(out, "grey text", ColourMode.GREY, range(GREY_PAGES, ScanSamples::grey), GREY_OCR_PAGES));
        }
        sets.add(set(out, "colour, seal over signature", ColourMode.COLOUR, range(COLOUR_PAGES, ScanSamples::seal), COLOUR_PAGES));
        sets.add(set(out, "colour, ID-card photocopy", ColourMode.COLOUR, range(COLOUR_PAGES, ScanSamples::idCard), COLOUR_PAGES));
        System.out.println("| pages | pipeline | median time | pages/min | per page | OCR accuracy | ΔE seal / photo (poppler) |"
                + " ΔE (PDFBox) |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (PageSet s : sets) {
            Path dir = Files.createDirectories(out.resolve(s.name().replaceAll("[^a-z]+", "-")));
            List<BufferedImage> raw = s.samples().stream().map(ScanSamples.Sample::image).toList();
            kiosk(dir, raw, s.mode()); // warm-up: class loading and JIT, not counted
            row(s, "kiosk (PDFBox, PDF/A-2b; " + (s.mode() == ColourMode.GREY ? "16-level grey Flate" : "mixed raster: G4 text, ink masks, 67-dpi JPEG")
                    + ")", measure(() -> kiosk(dir, raw, s.mode())), dir.resolve("kiosk.pdf"));
            row(s, "img2pdf (lossless Flate)", measure(() -> img2pdf(dir, "img2pdf.pdf", paths(s.pngs()))), dir.resolve("img2pdf.pdf"));
            row(s, "ImageMagick `convert -quality 75` + img2pdf", measure(() -> {
                List<String> jpgs = new ArrayList<>();
                for (Path p : s.pngs()) {
                    String jpg = dir.resolve(p.getFileName().toString().replace(".png", ".jpg")).toString();
                    run(dir, List.of("/usr/bin/convert", p.toString(), "-quality", "75", jpg));
                    jpgs.add(jpg);
                }
                img2pdf(dir, "magick.pdf", jpgs);
            }), dir.resolve("magick.pdf"));
            row(s, "ImageMagick `-monochrome -compress Group4` + img2pdf", measure(() -> {
                List<String> tifs = new ArrayList<>();
                for (Path p : s.pngs()) {
                    String tif = dir.resolve(p.getFileName().toString().replace(".png", ".tif")).toString();
                    run(dir, List.of("/usr/bin/convert", p.toString(), "-monochrome", "-compress", "Group4", tif));
                    tifs.add(tif);
                }
                img2pdf(dir, "g4.pdf", tifs);
            }), dir.resolve("g4.pdf"));
        }
    }

    interface Maker {
        ScanSamples.Sample make(int n);
    }

    static List<ScanSamples.Sample> range(int n, Maker maker) {
        List<ScanSamples.Sample> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(maker.make(i));
        }
        return all;
    }

    static PageSet set(Path out, String name, ColourMode mode, List<ScanSamples.Sample> samples, int ocrPages) throws Exception {
        Path pngs = Files.createDirectories(out.resolve("pages"));
        List<Path> files = new ArrayList<>();
        for (ScanSamples.Sample s : samples) {
            Path p = pngs.resolve(s.name() + ".png");
            ImageIO.write(s.image(), "png", p.toFile());
            files.add(p);
        }
        return new PageSet(name, mode, samples, files, ocrPages);
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

    /** One line of the table: time and size, then what poppler + tesseract and ΔE make of the PDF. */
    static void row(PageSet s, String name, long nanos, Path pdf) throws Exception {
        int pages = s.samples().size();
        double sec = nanos / 1e9;
        long size = Files.size(pdf);
        List<Path> rendered = Ocr.render(pdf, pdf.resolveSibling(pdf.getFileName() + "-pages"),
                s.mode() == ColourMode.GREY ? s.ocrPages() : pages);
        double accuracy = 0;
        double deltaE = 0;
        double deltaEPdfBox = 0;
        for (int i = 0; i < s.ocrPages(); i++) {
            ScanSamples.Sample sample = s.samples().get(i);
            accuracy += Ocr.accuracy(sample.text(), Ocr.read(rendered.get(i)));
            if (sample.colourRegion() != null) {
                deltaE += ColourDifference.meanDeltaE(sample.image(), ImageIO.read(rendered.get(i).toFile()), sample.colourRegion());
                deltaEPdfBox += ColourDifference.meanDeltaE(sample.image(), pdfBox(pdf, i), sample.colourRegion());
            }
        }
        System.out.printf("| %d %s | %s | %.2f s | %.0f | %d KB | %.2f %% | %s | %s |%n", pages, s.name(), name, sec, pages / sec * 60,
                Math.round(size / 1024.0 / pages), accuracy / s.ocrPages(),
                s.mode() == ColourMode.GREY ? "–" : String.format("%.1f", deltaE / s.ocrPages()),
                s.mode() == ColourMode.GREY ? "–" : String.format("%.1f", deltaEPdfBox / s.ocrPages()));
    }

    /**
     * A second renderer for ΔE: poppler draws even the lossless page half a pixel off and blurs
     * thin strokes (ΔE ≈ 8 on the seal's ink with no compression at all), so its figure mixes the
     * renderer's resampling into the pipeline's colour; PDFBox draws a 200-dpi image at 200 dpi 1:1.
     */
    static BufferedImage pdfBox(Path pdf, int page) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(page, ScanSamples.DPI,
                    org.apache.pdfbox.rendering.ImageType.RGB);
        }
    }

    /** Each page copied first (the writer whitens grey pages in place); the copies are counted in the time. */
    static void kiosk(Path out, List<BufferedImage> images, ColourMode mode) throws Exception {
        Path session = out.resolve("session");
        deleteTree(session);
        PageWriter writer = new PageWriter(session, DocumentLimits.defaults());
        PaperDocument doc = new PaperDocument("bench");
        for (BufferedImage i : images) {
            doc.add(writer.write(copy(i), ScanSamples.DPI, mode, false));
        }
        new PdfMaker(writer).build(doc, out.resolve("kiosk.pdf"));
    }

    /** img2pdf told the pages' real resolution (the PNGs carry none), so every PDF is A4. */
    static void img2pdf(Path dir, String pdf, List<String> images) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("img2pdf", "-s", "200dpix200dpi", "-o", pdf));
        cmd.addAll(images);
        run(dir, cmd);
    }

    static List<String> paths(List<Path> files) {
        return files.stream().map(Path::toString).toList();
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
        BufferedImage c = new BufferedImage(i.getWidth(), i.getHeight(), i.getType());
        i.copyData(c.getRaster());
        return c;
    }
}
