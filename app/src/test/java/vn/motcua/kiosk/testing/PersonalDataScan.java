// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Issue 12's audit: every byte of every file in the folders a kiosk writes to, searched for one
 * citizen's personal data in every form a program may have stored it — UTF-8, UTF-16LE and
 * UTF-16BE, NFC and NFD, JSON's \\u escapes; the name as typed, in upper case and without its
 * diacritics; the ID number, the phone, the street, the place of birth; and the phone's last four
 * digits within 64 bytes of her surname or given name. In a data folder, a PDF or an image in
 * plain form counts too: a compressed PDF hides the name from a byte search.
 *
 * <p>A report names the file, the offset, what was found and in which encoding — never the bytes
 * around it.
 */
public final class PersonalDataScan {
    /** "Within ~64 bytes of the name". */
    static final int NEAR = 64;
    private static final int CHUNK = 8 << 20;
    private static final String[] FAMILIES = {"UTF-8", "UTF-16LE", "UTF-16BE"};

    private enum Kind { VALUE, NAME_WORD, DOCUMENT }

    private record Needle(String what, String encoding, String family, byte[] bytes, String shown, Kind kind) {
        String label() {
            return kind == Kind.DOCUMENT ? what : what + " (" + encoding + ")";
        }
    }

    /** A folder to scan: every file, or (changedSince set) only files changed since then. */
    private record Area(String label, Path root, boolean documents, Instant changedSince, List<Path> skip) {}

    /** One thing found in one file: where (the first offsets) and how often. */
    public record Finding(String area, Path root, Path file, String what, String shown, List<Long> offsets) {
        @Override
        public String toString() {
            Path shownPath = file.startsWith(root) && !file.equals(root) ? root.relativize(file) : file;
            String at = offsets.stream().limit(4).map(String::valueOf).collect(Collectors.joining(", "))
                    + (offsets.size() > 4 ? ", …" : "");
            return "[" + area + "] " + shownPath + ": " + what + (shown == null ? "" : " \"" + shown + "\"")
                    + (offsets.size() > 1 ? " ×" + offsets.size() : "") + " at byte " + at;
        }
    }

    /** What one scan looked at and found. */
    public record Report(List<Finding> findings, List<String> scanned) {
        public boolean clean() {
            return findings.isEmpty();
        }

        public String describe(String when) {
            StringBuilder b = new StringBuilder();
            long files = findings.stream().map(Finding::file).distinct().count();
            b.append("after ").append(when).append(": the test citizen's personal data is on disk — ")
                    .append(findings.size()).append(" finding(s) in ").append(files).append(" file(s):\n");
            findings.stream().limit(60).forEach(f -> b.append("  ").append(f).append('\n'));
            if (findings.size() > 60) {
                b.append("  … and ").append(findings.size() - 60).append(" more\n");
            }
            scanned.forEach(area -> b.append("  scanned: ").append(area).append('\n'));
            return b.toString().stripTrailing();
        }
    }

    private final List<Needle> needles = new ArrayList<>();
    private final Map<String, byte[]> phoneLast4 = new LinkedHashMap<>();
    /** By their first two bytes: most positions of a file are passed over with one look-up. */
    private final Needle[][] byPrefix = new Needle[1 << 16][];
    private final List<Area> areas = new ArrayList<>();
    private final int longest;

    private PersonalDataScan() {
        add("name", TestCitizen.NAME, Kind.VALUE);
        add("name, upper case", TestCitizen.NAME.toUpperCase(Locale.ROOT), Kind.VALUE);
        add("name without diacritics", fold(TestCitizen.NAME), Kind.VALUE);
        add("name without diacritics, upper case", fold(TestCitizen.NAME).toUpperCase(Locale.ROOT), Kind.VALUE);
        add("ID number", TestCitizen.ID_NUMBER, Kind.VALUE);
        add("phone", TestCitizen.PHONE, Kind.VALUE);
        add("street", TestCitizen.STREET, Kind.VALUE);
        add("place of birth", TestCitizen.PLACE_OF_BIRTH, Kind.VALUE);
        String[] words = TestCitizen.NAME.split(" ");
        for (String token : new String[] {words[0], words[words.length - 1]}) {
            add("name's word", token, Kind.NAME_WORD);
            add("name's word", token.toUpperCase(Locale.ROOT), Kind.NAME_WORD);
        }
        String last4 = TestCitizen.PHONE.substring(TestCitizen.PHONE.length() - 4);
        phoneLast4.put("UTF-8", last4.getBytes(StandardCharsets.US_ASCII));
        phoneLast4.put("UTF-16LE", last4.getBytes(StandardCharsets.UTF_16LE));
        phoneLast4.put("UTF-16BE", last4.getBytes(StandardCharsets.UTF_16BE));
        EMBEDDED.forEach((what, bytes) -> needles.add(new Needle(what, "", "", bytes, null, Kind.DOCUMENT)));
        Map<Integer, List<Needle>> prefixes = new LinkedHashMap<>();
        for (Needle n : needles) {
            prefixes.computeIfAbsent(prefix(n.bytes(), 0), k -> new ArrayList<>()).add(n);
        }
        prefixes.forEach((k, list) -> byPrefix[k] = list.toArray(Needle[]::new));
        longest = needles.stream().mapToInt(n -> n.bytes().length).max().orElse(1);
    }

    /** A scan for {@link TestCitizen}'s values; add the folders, then {@link #scan()}. */
    public static PersonalDataScan forTestCitizen() {
        return new PersonalDataScan();
    }

    /** Every file under {@code root}; PDFs and images in plain form are findings too. */
    public PersonalDataScan dataFolder(String label, Path root) {
        areas.add(new Area(label, root, true, null, List.of()));
        return this;
    }

    /** Every file under {@code root} (absent: nothing to scan). */
    public PersonalDataScan folder(String label, Path root) {
        return folder(label, root, List.of());
    }

    /** Every file under {@code root} but those under {@code skip}. */
    public PersonalDataScan folder(String label, Path root, Collection<Path> skip) {
        areas.add(new Area(label, root, false, null, skip.stream().map(PersonalDataScan::real).toList()));
        return this;
    }

    /**
     * Files under {@code root} changed at or after {@code since} (older ones cannot hold this run's
     * citizen), except those under {@code skip}, git checkouts (this project's sources name the
     * test citizen) and system roots (a folder with etc/ and usr/: the Debian root that
     * scripts/check-fresh-root.sh builds while the tests run).
     */
    public PersonalDataScan changedSince(String label, Path root, Instant since, Collection<Path> skip) {
        areas.add(new Area(label, root, false, since, skip.stream().map(PersonalDataScan::real).toList()));
        return this;
    }

    public Report scan() {
        List<Finding> findings = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (Area a : areas) {
            scanned.add(scanArea(a, findings));
        }
        return new Report(List.copyOf(findings), List.copyOf(scanned));
    }

    /** Scans, and fails with the report when anything was found. */
    public Report assertClean(String when) {
        Report r = scan();
        if (!r.clean()) {
            throw new AssertionError(r.describe(when));
        }
        return r;
    }

    private String scanArea(Area a, List<Finding> findings) {
        long started = System.nanoTime();
        Path root = real(a.root());
        if (!Files.isDirectory(root)) {
            return a.label() + " " + a.root() + " (absent)";
        }
        long[] counts = new long[4]; // files, bytes, unreadable, checkouts skipped
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (a.skip().stream().anyMatch(dir::startsWith)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (a.changedSince() != null && (Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS)
                            || Files.isDirectory(dir.resolve("etc"), LinkOption.NOFOLLOW_LINKS)
                            && Files.isDirectory(dir.resolve("usr"), LinkOption.NOFOLLOW_LINKS))) {
                        counts[3]++;
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile() || a.skip().stream().anyMatch(file::startsWith)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (a.changedSince() != null && attrs.lastModifiedTime().toInstant().isBefore(a.changedSince())) {
                        return FileVisitResult.CONTINUE;
                    }
                    try {
                        counts[1] += scanFile(a, root, file, findings);
                        counts[0]++;
                    } catch (NoSuchFileException gone) {
                        // deleted while the scan walked: nothing left to read
                    } catch (IOException e) {
                        counts[2]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!(e instanceof NoSuchFileException)) {
                        counts[2]++;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot walk " + root, e);
        }
        StringBuilder s = new StringBuilder(a.label()).append(' ').append(a.root()).append(" (").append(counts[0])
                .append(" files, ").append(counts[1]).append(" bytes");
        if (a.changedSince() != null) {
            s.append(", only files changed since ").append(a.changedSince());
        }
        if (!a.skip().isEmpty()) {
            s.append(", not under ").append(a.skip().stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        if (counts[3] > 0) {
            s.append(", ").append(counts[3]).append(" git checkout(s) or system root(s) skipped");
        }
        if (counts[2] > 0) {
            s.append(", ").append(counts[2]).append(" unreadable");
        }
        return s.append(", ").append((System.nanoTime() - started) / 1_000_000).append(" ms)").toString();
    }

    /** Returns the bytes read. */
    private long scanFile(Area a, Path root, Path file, List<Finding> findings) throws IOException {
        Map<String, Finding> found = new LinkedHashMap<>();
        long total = 0;
        try (InputStream in = Files.newInputStream(file)) {
            // Chunks overlap by the longest needle and the "near" window on both sides.
            int overlap = longest + 2 * NEAR;
            int chunk = (int) Math.max(1, Math.min(CHUNK, Files.size(file)));
            byte[] buf = new byte[chunk + overlap];
            int kept = 0;
            long base = 0; // file offset of buf[0]
            boolean first = true;
            while (true) {
                int n = in.readNBytes(buf, kept, chunk);
                int end = kept + n;
                boolean last = n < chunk;
                if (first && a.documents()) {
                    plainDocument(buf, end).ifPresent(what -> found.put(what, new Finding(a.label(), root, file, what, null,
                            new ArrayList<>(List.of(0L)))));
                }
                search(a, root, file, buf, first ? 0 : kept, end, last, base, found);
                total += n;
                if (last) {
                    break;
                }
                int keep = Math.min(overlap, end);
                System.arraycopy(buf, end - keep, buf, 0, keep);
                base += end - keep;
                kept = keep;
                first = false;
            }
        }
        findings.addAll(found.values());
        return total;
    }

    private void search(Area a, Path root, Path file, byte[] buf, int fresh, int end, boolean last, long base,
                        Map<String, Finding> found) {
        // buf[0, fresh) is the overlap with the last round: a match that ends there was found then.
        for (int i = 0; i + 1 < end; i++) {
            Needle[] candidates = byPrefix[prefix(buf, i)];
            if (candidates == null) {
                continue;
            }
            for (Needle n : candidates) {
                int len = n.bytes().length;
                // A word of the name is looked at with the window after it: the last round did those
                // whose window it held whole, and left the others to this one.
                int searched = n.kind() == Kind.NAME_WORD ? i + len + NEAR : i + len;
                if (i + len > end || searched <= fresh || !matches(buf, i, n.bytes())) {
                    continue;
                }
                if (n.kind() == Kind.DOCUMENT) {
                    if (a.documents()) {
                        record(found, a, root, file, n.label(), null, base + i);
                    }
                    continue;
                }
                if (n.kind() == Kind.VALUE) {
                    record(found, a, root, file, n.label(), n.shown(), base + i);
                    continue;
                }
                if (!last && searched > end) {
                    continue; // the next round sees this match with its whole window
                }
                // The phone's end next to her name: a record that names her by phone.
                byte[] digits = phoneLast4.get(n.family());
                int from = Math.max(0, i - NEAR);
                int to = Math.min(end, i + len + NEAR);
                for (int j = from; j + digits.length <= to; j++) {
                    if (matches(buf, j, digits)) {
                        record(found, a, root, file, "phone's last four digits within " + NEAR + " bytes of \"" + n.shown()
                                + "\" (" + n.encoding() + ")", TestCitizen.PHONE.substring(TestCitizen.PHONE.length() - 4), base + j);
                        break;
                    }
                }
            }
        }
    }

    private static int prefix(byte[] b, int i) {
        return (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
    }

    private static void record(Map<String, Finding> found, Area a, Path root, Path file, String what, String shown, long offset) {
        Finding f = found.computeIfAbsent(what, k -> new Finding(a.label(), root, file, what, shown, new ArrayList<>()));
        if (!f.offsets().contains(offset)) {
            f.offsets().add(offset);
        }
    }

    /** Signatures that mark a PDF or an image inside any file (a database blob, a copy). */
    private static final Map<String, byte[]> EMBEDDED = Map.of(
            "a PDF in plain form inside the file (%PDF-)", "%PDF-".getBytes(StandardCharsets.US_ASCII),
            "a PNG image in plain form inside the file", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
            "a JPEG image in plain form inside the file (JFIF)", new byte[] {'J', 'F', 'I', 'F', 0},
            "a JPEG image in plain form inside the file (Exif)", new byte[] {'E', 'x', 'i', 'f', 0, 0});

    /** What a file that starts as a PDF or an image is. */
    private static java.util.Optional<String> plainDocument(byte[] b, int n) {
        if (startsWith(b, n, new byte[] {'%', 'P', 'D', 'F'})) {
            return java.util.Optional.of("the file is a PDF in plain form");
        }
        if (startsWith(b, n, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return java.util.Optional.of("the file is a PNG image in plain form");
        }
        if (startsWith(b, n, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return java.util.Optional.of("the file is a JPEG image in plain form");
        }
        if (startsWith(b, n, new byte[] {'I', 'I', '*', 0}) || startsWith(b, n, new byte[] {'M', 'M', 0, '*'})) {
            return java.util.Optional.of("the file is a TIFF image in plain form");
        }
        if (startsWith(b, n, new byte[] {'G', 'I', 'F', '8'})) {
            return java.util.Optional.of("the file is a GIF image in plain form");
        }
        return java.util.Optional.empty();
    }

    private static boolean startsWith(byte[] b, int n, byte[] magic) {
        return n >= magic.length && matches(b, 0, magic);
    }

    private static boolean matches(byte[] b, int at, byte[] needle) {
        for (int k = 0; k < needle.length; k++) {
            if (b[at + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }

    private void add(String what, String value, Kind kind) {
        for (Normalizer.Form form : new Normalizer.Form[] {Normalizer.Form.NFC, Normalizer.Form.NFD}) {
            String s = Normalizer.normalize(value, form);
            String f = s.equals(Normalizer.normalize(value, Normalizer.Form.NFC)) ? "" : ", NFD";
            if (form == Normalizer.Form.NFD && f.isEmpty()) {
                continue; // nothing decomposes
            }
            addBytes(what, "UTF-8" + f, "UTF-8", s, s.getBytes(StandardCharsets.UTF_8), kind);
            addBytes(what, "UTF-16LE" + f, "UTF-16LE", s, s.getBytes(StandardCharsets.UTF_16LE), kind);
            addBytes(what, "UTF-16BE" + f, "UTF-16BE", s, s.getBytes(StandardCharsets.UTF_16BE), kind);
            if (!s.chars().allMatch(c -> c < 0x80)) {
                for (boolean upper : new boolean[] {false, true}) {
                    String escaped = jsonEscaped(s, upper);
                    addBytes(what, "JSON \\u escapes" + f, "UTF-8", escaped, escaped.getBytes(StandardCharsets.US_ASCII), kind);
                }
            }
        }
    }

    private void addBytes(String what, String encoding, String family, String shown, byte[] bytes, Kind kind) {
        if (needles.stream().noneMatch(n -> Arrays.equals(n.bytes(), bytes))) {
            needles.add(new Needle(what, encoding, family, bytes, shown, kind));
        }
    }

    private static String jsonEscaped(String s, boolean upperHex) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 0x80) {
                b.append(c);
            } else {
                String hex = String.format("%04x", (int) c);
                b.append("\\u").append(upperHex ? hex.toUpperCase(Locale.ROOT) : hex);
            }
        }
        return b.toString();
    }

    /** Without diacritics, đ as d: what a search index or an ASCII-only printer would keep. */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
