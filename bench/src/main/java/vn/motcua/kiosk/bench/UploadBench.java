// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.RetryPolicy;
import vn.motcua.kiosk.portal.TusUpload;
import vn.motcua.portal.training.TrainingPortal;

/**
 * Issue 4 "Measured": upload throughput to the training portal on loopback, the kiosk's tus client
 * ({@link TusUpload} over {@link PortalClient}; the default 4 MiB chunks, also 1, 8 and 16 MiB and the
 * whole file in one PATCH) against one curl PATCH of the same bytes ({@code --data-binary @file}, as
 * the issue names it, and {@code -T file}, which streams from disk like the kiosk); then the bytes
 * re-sent after a connection dropped mid-chunk (1, 4 and 16 MiB chunks).
 *
 * <p>Each upload goes to a new dossier (created outside the timing). Timed for the kiosk: the
 * whole {@code TusUpload.upload} (dossier look-up, tus creation, HEAD, the PATCHes); for curl: the
 * tus creation through {@link PortalClient#createUpload} plus the curl process from start to exit.
 * The portal hashes the file when the last byte arrives, inside both timings. After every upload
 * the portal's record ({@link TrainingPortal#filed()}) must show the received SHA-256 equal to the
 * announced one and the state COMPLETE.
 *
 * <p>Usage: UploadBench [SIZE_MIB=40] [RUNS=7] [OUT_DIR=target/bench-upload]
 */
public final class UploadBench {
    static final String CREATE_BODY = "{\"procedureId\":\"lltp-self\",\"agencyCode\":\"000.00.14.H56\",\"copies\":1,"
            + "\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\",\"idNumber\":\"001095012345\",\"phone\":\"0912345678\"},"
            + "\"form\":{\"purpose\":\"xin việc\"}}";
    static final long MIB = 1024 * 1024;
    /** Chunk sizes for the dropped-connection figure. */
    static final long[] DROP_CHUNKS = {TusUpload.DEFAULT_CHUNK, 1 * MIB, 16 * MIB};
    /** Chunk 0 in the timing table means "the whole file in one PATCH", as curl sends it. */
    static final long ONE_PATCH = 0;

    private final TrainingPortal portal;
    private final Path data;
    private final PortalClient client;
    private final Path file;
    private final long length;
    private final String sha256;
    private final OkHttpClient trainerHttp = new OkHttpClient();
    private int dossiers;

    UploadBench(TrainingPortal portal, Path data, Path file) throws Exception {
        this.portal = portal;
        this.data = data;
        this.file = file;
        this.length = Files.size(file);
        this.sha256 = sha256(file);
        PortalClient.Endpoint endpoint = new PortalClient.Endpoint(URI.create(portal.apiUrl()), TrainingPortal.TRAINING_KIOSK,
                TrainingPortal.TRAINING_SECRET);
        // Quick retries, real sleeps: only the dropped-connection run needs them.
        this.client = new PortalClient(endpoint, PortalClient.defaultHttp(), new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(200)),
                d -> Thread.sleep(d.toMillis()), new Random(1));
    }

    public static void main(String[] args) throws Exception {
        int sizeMib = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path out = Path.of(args.length > 2 ? args[2] : "target/bench-upload");
        if (sizeMib < 2 || sizeMib > 50 || runs < 1) {
            throw new IllegalArgumentException("SIZE_MIB must be 2..50 (the portal takes at most 50 MiB) and RUNS at least 1");
        }
        // The portal logs one INFO line per request (java.util.logging): not wanted in the figures.
        Logger.getLogger("vn.motcua.portal.training").setLevel(Level.WARNING);
        Files.createDirectories(out);
        Path file = out.resolve("upload.bin");
        writeRandom(file, sizeMib * MIB, 42);
        Path data = Files.createTempDirectory("bench-upload-portal");
        try (TrainingPortal portal = TrainingPortal.start(new TrainingPortal.Options(0, data, 1, Duration.ofMinutes(15)))) {
            new UploadBench(portal, data, file).run(runs);
        } finally {
            deleteTree(data);
        }
    }

    void run(int runs) throws Exception {
        client.login();
        System.out.printf("file: %d bytes (%d MiB) of random data, SHA-256 %s…; portal %s (in-process, data in %s)%n", length,
                length / MIB, sha256.substring(0, 12), portal.apiUrl(), data);
        System.out.printf("curl: %s%n", curlVersion());
        // The default first (it carries the ratio), then the others; 8 MiB shows where the target is crossed.
        long[] timed = {TusUpload.DEFAULT_CHUNK, 1 * MIB, 8 * MIB, 16 * MIB, ONE_PATCH};
        long[][] oursNs = new long[timed.length][runs];
        long[] curlNs = new long[runs];
        long[] curlOwnNs = new long[runs];
        long[] curlStreamNs = new long[runs];
        int candidates = timed.length + 2;
        // Warm-up: class loading, JIT, the portal's first SQLite statements; one round, not counted.
        for (int c = 0; c < candidates; c++) {
            measure(c, timed, -1, oursNs, curlNs, curlOwnNs, curlStreamNs);
        }
        System.out.printf("%d runs each, interleaved (each round starts one candidate later); MiB/s = 1,048,576 bytes per second%n%n",
                runs);
        for (int r = 0; r < runs; r++) {
            // Interleaved, so that a noisy neighbour slows every candidate alike; rotated, so that no
            // candidate always runs right after curl (with a fixed order that one came out slowest).
            for (int k = 0; k < candidates; k++) {
                measure((r + k) % candidates, timed, r, oursNs, curlNs, curlOwnNs, curlStreamNs);
            }
        }
        long[] med = new long[timed.length];
        for (int c = 0; c < timed.length; c++) {
            med[c] = median(oursNs[c]);
        }
        double curlMibs = mibs(median(curlNs));
        double curlOwnMibs = mibs(median(curlOwnNs));
        System.out.println("| client | median | MiB/s | ratio to curl | runs (MiB/s) |");
        System.out.println("|---|---|---|---|---|");
        for (int c = 0; c < timed.length; c++) {
            String name = timed[c] == ONE_PATCH ? "kiosk TusUpload, whole file in one PATCH (as curl)"
                    : String.format("kiosk TusUpload, %d MiB chunks (%d PATCHes)%s", timed[c] / MIB, patches(timed[c]),
                            timed[c] == TusUpload.DEFAULT_CHUNK ? ", the default" : "");
            System.out.printf("| %s | %.0f ms | %.0f | %.2f | %s |%n", name, med[c] / 1e6, mibs(med[c]), mibs(med[c]) / curlMibs,
                    list(oursNs[c]));
        }
        System.out.printf("| curl --data-binary @file, one PATCH (+ tus creation, process start) | %.0f ms | %.0f | 1 | %s |%n",
                median(curlNs) / 1e6, curlMibs, list(curlNs));
        System.out.printf("| same, curl's own time_total (transfer only: the file is read before it starts) | %.0f ms | %.0f | %.2f | %s |%n",
                median(curlOwnNs) / 1e6, curlOwnMibs, curlOwnMibs / curlMibs, list(curlOwnNs));
        double curlStreamMibs = mibs(median(curlStreamNs));
        System.out.printf("| curl -T file (streams it), one PATCH (+ tus creation, process start) | %.0f ms | %.0f | %.2f | %s |%n",
                median(curlStreamNs) / 1e6, curlStreamMibs, curlStreamMibs / curlMibs, list(curlStreamNs));
        double ratio = mibs(med[0]) / curlMibs;
        System.out.printf("%nratio kiosk (%d MiB chunks, the default) / curl --data-binary: %.2f (target >= 0.8: %s);"
                + " against curl -T: %.2f; against curl's own transfer time: %.2f%n", TusUpload.DEFAULT_CHUNK / MIB, ratio,
                ratio >= 0.8 ? "met" : "NOT met", mibs(med[0]) / curlStreamMibs, mibs(med[0]) / curlOwnMibs);
        // What one more PATCH costs: the 1 MiB chunks against the whole file in one PATCH.
        double perPatch = (med[1] - med[timed.length - 1]) / 1e6 / (patches(1 * MIB) - 1);
        System.out.printf("each PATCH beyond the first costs %.1f ms (1 MiB chunks against one PATCH); chunking costs the 4 MiB"
                + " default about %.0f ms, 8 MiB %.0f ms, 16 MiB %.0f ms%n", perPatch, perPatch * (patches(4 * MIB) - 1),
                perPatch * (patches(8 * MIB) - 1), perPatch * (patches(16 * MIB) - 1));

        System.out.println();
        System.out.println("| chunk | connection dropped after | bytes written by the client | re-sent | re-sent / chunk | time |");
        System.out.println("|---|---|---|---|---|---|");
        boolean withinAChunk = true;
        for (long chunk : DROP_CHUNKS) {
            long after = chunk * 3 / 5; // inside the first PATCH, 60 % into the chunk
            long[] d = dropped(chunk, after);
            long resent = d[0] - length;
            withinAChunk &= resent <= chunk;
            System.out.printf("| %d MiB | %,d bytes of the first PATCH | %,d | %,d | %.2f | %.0f ms |%n", chunk / MIB, after, d[0], resent,
                    (double) resent / chunk, d[1] / 1e6);
        }
        System.out.printf("%nre-sent after one dropped connection: %s one chunk (target <= one chunk)%n",
                withinAChunk ? "at most" : "MORE than");
        System.out.printf("uploads checked on the portal (COMPLETE, received SHA-256 = announced): %d%n", dossiers);
    }

    /** Candidate {@code c} once: the kiosk with chunk {@code timed[c]}, then curl, then curl -T; run -1 is not kept. */
    void measure(int c, long[] timed, int r, long[][] oursNs, long[] curlNs, long[] curlOwnNs, long[] curlStreamNs)
            throws Exception {
        if (c < timed.length) {
            long t = ours(timed[c] == ONE_PATCH ? length : timed[c]);
            if (r >= 0) {
                oursNs[c][r] = t;
            }
        } else if (c == timed.length) {
            long[] cu = curl(false);
            if (r >= 0) {
                curlNs[r] = cu[0];
                curlOwnNs[r] = cu[1];
            }
        } else {
            long t = curl(true)[0];
            if (r >= 0) {
                curlStreamNs[r] = t;
            }
        }
    }

    /** The kiosk's client: one {@link TusUpload#upload}; returns nanoseconds. */
    long ours(long chunk) throws Exception {
        String dossier = newDossier();
        TusUpload tus = new TusUpload(client, chunk, new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200)),
                d -> Thread.sleep(d.toMillis()), new Random(2));
        TusUpload.UrlSlot slot = TusUpload.UrlSlot.inMemory();
        long t0 = System.nanoTime();
        tus.upload(dossier, document(), slot, TusUpload.Progress.NONE);
        long t = System.nanoTime() - t0;
        check(dossier, slot.get().orElse(null));
        return t;
    }

    /**
     * curl with the same bytes in one PATCH: {wall time incl. tus creation and process, curl's own
     * time_total}. {@code --data-binary @file} reads the whole file into memory before it connects;
     * {@code -T file} streams it from disk as the kiosk does.
     */
    long[] curl(boolean stream) throws Exception {
        String dossier = newDossier();
        String token = client.login().accessToken(); // outside the timing; the token lasts 15 minutes
        long t0 = System.nanoTime();
        String url = client.createUpload(dossier, "bench-" + sha256, "idCard", "bench.pdf", length, sha256);
        Process p = new ProcessBuilder("curl", "-sS", "-X", "PATCH", stream ? "-T" : "--data-binary", stream ? file.toString() : "@" + file,
                "-H", "Tus-Resumable: 1.0.0", "-H", "Upload-Offset: 0", "-H", "Content-Type: application/offset+octet-stream",
                "-H", "Authorization: Bearer " + token, "-o", "/dev/null", "-w", "%{http_code} %{time_total}", url)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("curl failed: " + answer);
        }
        long t = System.nanoTime() - t0;
        String[] parts = answer.split(" ");
        if (!"204".equals(parts[0])) {
            throw new IllegalStateException("curl got " + answer + ", not 204");
        }
        long offset = client.uploadOffset(url);
        if (offset != length) {
            throw new IllegalStateException("after curl the portal holds " + offset + " of " + length + " bytes");
        }
        check(dossier, url);
        return new long[] {t, Math.round(Double.parseDouble(parts[1]) * 1e9)};
    }

    /** One upload through a connection the portal cuts after {@code after} bytes of the first PATCH: {bytes written, ns}. */
    long[] dropped(long chunk, long after) throws Exception {
        String dossier = newDossier();
        faults("{\"rules\":[{\"endpoint\":\"patchUpload\",\"kind\":\"DROP_MID_UPLOAD\",\"afterBytes\":" + after + ",\"count\":1}]}");
        TusUpload tus = new TusUpload(client, chunk, new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200)),
                d -> Thread.sleep(d.toMillis()), new Random(3));
        // Bytes put on the wire: every forward step of the reported position (as OutboxTest counts
        // them). After the drop the position goes back to the portal's offset; what follows is re-sent.
        long[] last = {0};
        long[] written = {0};
        TusUpload.UrlSlot slot = TusUpload.UrlSlot.inMemory();
        long t0 = System.nanoTime();
        try {
            tus.upload(dossier, document(), slot, (bytes, total) -> {
                if (bytes > last[0]) {
                    written[0] += bytes - last[0];
                }
                last[0] = bytes;
            });
        } finally {
            faults("{\"rules\":[]}");
        }
        long t = System.nanoTime() - t0;
        check(dossier, slot.get().orElse(null));
        return new long[] {written[0], t};
    }

    TusUpload.Document document() {
        return new TusUpload.Document("idCard", "bench.pdf", TusUpload.Content.of(file), length, sha256);
    }

    String newDossier() throws Exception {
        return client.createDossier(UUID.randomUUID().toString(), CREATE_BODY).id();
    }

    /** The portal must hold exactly the announced bytes; then its copy is removed to bound disk use. */
    void check(String dossierId, String uploadUrl) throws IOException {
        String uploadId = uploadUrl.substring(uploadUrl.lastIndexOf('/') + 1);
        TrainingPortal.FiledDocument doc = portal.filed().stream().filter(f -> f.id().equals(dossierId))
                .flatMap(f -> f.documents().stream()).filter(d -> d.uploadId().equals(uploadId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("portal has no upload " + uploadId));
        if (!"COMPLETE".equals(doc.state()) || doc.length() != length || !sha256.equals(doc.announcedSha256())
                || !sha256.equals(doc.receivedSha256())) {
            throw new IllegalStateException("portal holds something else: " + doc);
        }
        Files.delete(data.resolve("uploads").resolve(uploadId)); // filed() would hash it again every time
        dossiers++;
    }

    void faults(String json) throws IOException {
        Request r = new Request.Builder().url(portal.baseUrl() + "/trainer/faults")
                .post(RequestBody.create(json, MediaType.get("application/json"))).build();
        try (Response response = trainerHttp.newCall(r).execute()) {
            if (response.code() != 200) {
                throw new IOException("faults refused: " + response.code() + " " + response.body().string());
            }
        }
    }

    long patches(long chunk) {
        return (length + chunk - 1) / chunk;
    }

    double mibs(long nanos) {
        return length / (double) MIB / (nanos / 1e9);
    }

    String list(long[] ns) {
        List<String> s = new ArrayList<>();
        for (long n : ns) {
            s.add(String.format("%.0f", mibs(n)));
        }
        return String.join(" ", s);
    }

    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static String curlVersion() throws Exception {
        Process p = new ProcessBuilder("curl", "--version").start();
        String first = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("?");
        p.waitFor();
        return first;
    }

    static void writeRandom(Path file, long size, long seed) throws IOException {
        Random r = new Random(seed);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buf.length) {
                r.nextBytes(buf);
                out.write(buf, 0, (int) Math.min(buf.length, left));
            }
        }
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var s = Files.walk(root)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
