// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent reader of our pages: Debian's poppler renders a PDF ({@code pdftoppm -r 200}),
 * tesseract reads it ({@code -l vie}); accuracy is 1 − Levenshtein distance / length of the known
 * text, both in NFC with whitespace runs as one space. Shared by the tests and the bench.
 */
public final class Ocr {
    private Ocr() {}

    /** tesseract with the Vietnamese data, and pdftoppm, are installed. */
    public static boolean available() {
        try {
            run(List.of("pdftoppm", "-v"));
            return run(List.of("tesseract", "--list-langs")).contains("\nvie");
        } catch (IOException e) {
            return false;
        }
    }

    /** The text of an image file (PNG). */
    public static String read(Path image) throws IOException {
        return run(List.of("tesseract", image.toString(), "-", "-l", "vie"));
    }

    /** Each page of {@code pdf} rendered by poppler at 200 dpi into {@code work}, in page order. */
    public static List<Path> render(Path pdf, Path work) throws IOException {
        return render(pdf, work, Integer.MAX_VALUE);
    }

    /** The first {@code pages} pages only. */
    public static List<Path> render(Path pdf, Path work, int count) throws IOException {
        Files.createDirectories(work);
        String prefix = work.resolve("page").toString();
        List<String> cmd = new ArrayList<>(List.of("pdftoppm", "-r", "200", "-png"));
        if (count != Integer.MAX_VALUE) {
            cmd.addAll(List.of("-l", String.valueOf(count)));
        }
        cmd.addAll(List.of(pdf.toString(), prefix));
        run(cmd);
        List<Path> pages = new ArrayList<>();
        try (var files = Files.list(work)) {
            files.filter(f -> f.getFileName().toString().startsWith("page-")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** Character accuracy in percent (may go below 0 when the reader invents much text). */
    public static double accuracy(String known, String read) {
        String a = normal(known);
        String b = normal(read);
        return 100.0 * (1 - (double) levenshtein(a, b) / a.length());
    }

    static String normal(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).replaceAll("\\s+", " ").trim();
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String run(List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return out;
    }
}
