// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.receipt;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The independent checkers (poppler's pdftoppm/pdftotext, zbar's zbarimg) and the private CUPS
 * server started by scripts/services/cups.sh. Missing ones fail the test on CI (CI=true) and skip
 * it elsewhere, with the reason.
 */
public final class ExternalTools {
    private ExternalTools() {}

    public static void require(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= Files.isExecutable(Path.of(dir, tool));
        }
        missing(found, tool + " not on PATH (scripts/test-packages.txt lists it; scripts/test-all.sh installs it)");
    }

    /** The private CUPS server of scripts/services/cups.sh; returns its output folder. */
    public static Path requireCups() {
        boolean ready = "ready".equals(System.getenv("KIOSK_TEST_CUPS")) && System.getenv("KIOSK_TEST_CUPS_OUT") != null;
        missing(ready, "private CUPS not started: run the tests through scripts/test-all.sh "
                + "(it sources scripts/services/cups.sh, which exports CUPS_SERVER and KIOSK_TEST_CUPS_OUT)");
        return Path.of(System.getenv("KIOSK_TEST_CUPS_OUT"));
    }

    private static void missing(boolean present, String why) {
        if (present) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why);
        }
        assumeTrue(false, why);
    }

    /** Runs a command, returns its standard output; fails on a non-zero exit. */
    public static String run(String... command) throws IOException, InterruptedException {
        require(command[0]);
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            throw new IOException(String.join(" ", command) + " exited " + rc + ": " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Text of a PDF as pdftotext reads it, whitespace collapsed (lines wrap differently per layout). */
    public static String pdfText(Path pdf) throws IOException, InterruptedException {
        return run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").replaceAll("\\s+", " ");
    }

    /** The PDFs cups-pdf has written to {@code out} so far (compare before and after a print). */
    public static java.util.Set<Path> printed(Path out) {
        try (var files = java.nio.file.Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pdf"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** First page rasterised by pdftoppm (PNG). */
    public static Path rasterise(Path pdf, int dpi) throws IOException, InterruptedException {
        Path prefix = pdf.resolveSibling(pdf.getFileName() + "-r" + dpi);
        run("pdftoppm", "-r", String.valueOf(dpi), "-f", "1", "-l", "1", "-singlefile", "-png", pdf.toString(), prefix.toString());
        return Path.of(prefix + ".png");
    }

    /** Every QR code zbarimg finds in the image, raw. */
    public static List<String> qrCodes(Path png) throws IOException, InterruptedException {
        List<String> codes = new ArrayList<>();
        for (String line : run("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png.toString()).split("\n")) {
            if (!line.isBlank()) {
                codes.add(line.strip());
            }
        }
        return codes;
    }
}
