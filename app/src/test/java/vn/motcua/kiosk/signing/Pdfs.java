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
        return run(pdf.toAbsolutePath().getParent(), pdf.toString());
    }

    /**
     * The CMS container of each signature as pdfsig itself cuts it out of the file ({@code pdfsig
     * -dump}, which writes NAME.sig0, NAME.sig1… into the working folder), in signature order.
     */
    public static java.util.List<byte[]> pdfsigDump(Path pdf, Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        run(workDir, "-dump", pdf.toAbsolutePath().toString());
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        for (int i = 0; ; i++) {
            Path sig = workDir.resolve(pdf.getFileName() + ".sig" + i);
            if (!Files.isRegularFile(sig)) {
                return out;
            }
            out.add(Files.readAllBytes(sig));
        }
    }

    private static String run(Path workDir, String... args) throws IOException, InterruptedException {
        Path pdfsigExe = Path.of("/usr/bin/pdfsig");
        boolean present = Files.isExecutable(pdfsigExe);
        if (!present) {
            String how = "pdfsig (poppler-utils) missing: scripts/test-packages.txt installs it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how);
            }
            assumeTrue(false, how);
        }
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(pdfsigExe.toString()));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("pdfsig did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
