package vn.motcua.kiosk.signing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.io.font.constants.StandardFonts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Test PDFs and poppler's pdfsig, the outside judge of a signature. */
public final class Pdfs {
    private Pdfs() {}

    public static Path make(Path file, int pages) throws IOException {
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(file.toFile()))) {
            var font = PdfFontFactory.createFont(StandardFonts.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                var page = pdf.addNewPage(PageSize.A4);
                new PdfCanvas(page).beginText().setFontAndSize(font, 14).moveText(72, 770)
                        .showText("Ho so thu nghiem - trang " + i).endText();
            }
        }
        return file;
    }

    /** pdfsig's report (stdout + stderr). Fails under CI if poppler-utils is missing. */
    public static String pdfsig(Path pdf) throws IOException, InterruptedException {
        boolean present = Files.isExecutable(Path.of("/usr/bin/pdfsig"));
        if (!present) {
            String how = "pdfsig (poppler-utils) missing: scripts/test-packages.txt installs it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how);
            }
            assumeTrue(false, how);
        }
        Process p = new ProcessBuilder("/usr/bin/pdfsig", pdf.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("pdfsig did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
