// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.ApiException;
import static vn.motcua.portal.training.Http.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

/**
 * The training portal: docs/api/portal-v1.yaml on 127.0.0.1 only, with its own SQLite file,
 * a compressible clock, a trainer page and switchable faults.
 */
public final class TrainingPortal implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("vn.motcua.portal.training");

    /** Training devices: kiosk ids TAP-HUAN-01..10, secret "tap-huan-secret-NN" (documented in docs/training-portal.md). */
    public static final String TRAINING_KIOSK = "TAP-HUAN-01";
    public static final String TRAINING_SECRET = "tap-huan-secret-01";

    static {
        // The JDK's HttpServer flushes an answer's headers before its body, so a JSON answer leaves
        // in two small segments; with Nagle's algorithm the second waits for the client's delayed
        // ACK, 40 ms on Linux: every JSON answer (a dossier, a token, the catalogue) came 40 ms late,
        // answers without a body did not. Read once, when the first HttpServer in this JVM is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Dossiers are kept this many days unless the caller says otherwise. */
    public static final int DEFAULT_KEEP_DAYS = 7;
    /** How often the kept days are enforced after the erasure at start. */
    static final Duration ERASURE_PERIOD = Duration.ofHours(1);

    /** keepDays: dossiers stored longer ago than this (real time) are erased, at start and every hour. */
    public record Options(int port, Path dataDir, double clockSpeed, Duration tokenTtl, int keepDays) {
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            if (keepDays < 1) {
                throw new IllegalArgumentException("keep days must be 1 or more");
            }
        }

        public Options(int port, Path dataDir, double clockSpeed, Duration tokenTtl) {
            this(port, dataDir, clockSpeed, tokenTtl, DEFAULT_KEEP_DAYS);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Store store;
    private final PortalClock clock;
    private final Faults faults = new Faults();
    private final Api api;
    private final Wire wire = new Wire(new ObjectMapper());
    private final TrainerApi trainer;
    private final Erasure erasure;
    private final ScheduledExecutorService erasureTimer;
    private final String baseUrl;

    private TrainingPortal(Options o) throws IOException {
        Files.createDirectories(o.dataDir().resolve("uploads"));
        store = new Store(o.dataDir().resolve("training-portal.sqlite"));
        seedDevices();
        // The clock resumes where an earlier run left it, so dossiers do not go back in time.
        Instant start = store.setting("clock.training").map(Instant::parse).filter(t -> t.isAfter(Instant.now())).orElse(Instant.now());
        clock = new PortalClock(start, o.clockSpeed());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), o.port()), 64);
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        api = new Api(store, clock, new Catalogue(wire.json), wire, o.dataDir().resolve("uploads"), o.tokenTtl(), apiUrl());
        erasure = new Erasure(store, o.dataDir().resolve("uploads"), o.keepDays());
        // At start, before anyone can connect: what outlived the kept days while the portal was off goes first.
        erasure.eraseExpired();
        erasureTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "training-portal-erasure");
            t.setDaemon(true);
            return t;
        });
        trainer = new TrainerApi(this, store, clock, faults, api, wire, erasure);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "training-portal-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    public static TrainingPortal start(Options options) throws IOException {
        TrainingPortal p = new TrainingPortal(options);
        p.server.start();
        p.erasureTimer.scheduleAtFixedRate(p::eraseExpired, ERASURE_PERIOD.toMillis(), ERASURE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "training portal at {0} (clock speed {1})", p.apiUrl(), options.clockSpeed());
        return p;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String apiUrl() {
        return baseUrl + "/api/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Moves the training clock forward (tests and the trainer page). */
    public void advanceClock(Duration d) {
        clock.advance(d);
        store.setting("clock.training", clock.now().toString());
    }

    /** The bytes the portal holds for an upload. */
    public byte[] uploadedBytes(String uploadId) throws IOException {
        return Files.readAllBytes(api.uploads.uploadFile(uploadId));
    }

    /** One document as the portal holds it: what was announced and what really arrived. */
    public record FiledDocument(String uploadId, String type, String filename, String state, long length, String announcedSha256,
            String receivedSha256) {}

    /** One dossier as the portal holds it, for checks from outside (tests, the reliability run). */
    public record Filed(String id, String kioskId, String localReference, String state, String code, List<FiledDocument> documents) {}

    /** Every dossier the portal holds, oldest first, with the SHA-256 of the bytes each upload really has. */
    public List<Filed> filed() throws IOException {
        List<Filed> out = new java.util.ArrayList<>();
        for (Map<String, Object> d : store.query("SELECT * FROM dossiers ORDER BY created_at, id")) {
            List<FiledDocument> docs = new java.util.ArrayList<>();
            for (Map<String, Object> u : store.query("SELECT * FROM uploads WHERE dossier_id = ? ORDER BY created_at, id", d.get("id"))) {
                String id = (String) u.get("id");
                Path file = api.uploads.uploadFile(id);
                String received = Files.exists(file) ? sha256Hex(file) : null;
                docs.add(new FiledDocument(id, (String) u.get("doc_type"), (String) u.get("filename"), (String) u.get("state"),
                        ((Number) u.get("length")).longValue(), (String) u.get("sha256"), received));
            }
            out.add(new Filed((String) d.get("id"), (String) d.get("kiosk_id"), (String) d.get("local_ref"), (String) d.get("state"),
                    (String) d.get("code"), docs));
        }
        return out;
    }

    private static String sha256Hex(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        erasureTimer.shutdownNow();
        try {
            erasureTimer.awaitTermination(10, TimeUnit.SECONDS); // an erasure under way finishes before the store closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.setting("clock.training", clock.now().toString());
        store.close();
    }

    private void eraseExpired() {
        try {
            erasure.eraseExpired();
        } catch (RuntimeException e) {
            // Logged and tried again next period; an exception would end the schedule for good.
            LOG.log(System.Logger.Level.ERROR, "scheduled erasure failed: " + e.getClass().getName(), e);
        }
    }

    private void seedDevices() {
        for (int i = 1; i <= 10; i++) {
            String id = String.format("TAP-HUAN-%02d", i);
            String secret = String.format("tap-huan-secret-%02d", i);
            store.update("INSERT OR IGNORE INTO devices (kiosk_id, secret_sha256) VALUES (?, ?)",
                    id, Wire.hex(Wire.sha256(secret.getBytes(StandardCharsets.UTF_8))));
        }
    }

    // ---------------------------------------------------------------- dispatch

    private void dispatch(HttpExchange ex) {
        long t0 = System.nanoTime();
        String path = ex.getRequestURI().getRawPath();
        String method = ex.getRequestMethod();
        String op = "-";
        String fault = "";
        int status = 0;
        try {
            Response r;
            if (path.startsWith("/api/v1/") || path.equals("/api/v1")) {
                String sub = path.substring("/api/v1".length());
                Api.Route route = null;
                Matcher m = null;
                boolean pathKnown = false;
                for (Api.Route candidate : api.routes) {
                    Matcher mm = candidate.path().matcher(sub);
                    if (mm.matches()) {
                        pathKnown = true;
                        if (candidate.method().equals(method)) {
                            route = candidate;
                            m = mm;
                            break;
                        }
                    }
                }
                if (route == null) {
                    r = problem(pathKnown ? new ApiException(405, "method-not-allowed", "Phương thức không hỗ trợ", method)
                            : Http.notFound("no such endpoint"));
                } else {
                    op = route.operationId();
                    Faults.Decision d = faults.decide(op);
                    if (d.latencyMs() > 0) {
                        Thread.sleep(d.latencyMs());
                    }
                    if (d.outcome() != null) {
                        fault = d.outcome().kind.name();
                    }
                    r = before(d);
                    if (r == null && d.is(Faults.Kind.DROP_CONNECTION)) {
                        ex.close();
                        return;
                    }
                    if (r == null) {
                        Api.Call call = new Api.Call(ex, m, d);
                        try {
                            if (route.authenticated()) {
                                call.kioskId = api.sessions.authenticate(ex);
                            }
                            r = route.handler().handle(call);
                        } catch (ApiException e) {
                            r = problem(e);
                        }
                        if (call.connectionDropped) {
                            return;
                        }
                        r = after(d, r);
                        if (r == null) {
                            ex.close();
                            return;
                        }
                    }
                }
            } else if (path.equals("/trainer") || path.startsWith("/trainer/")) {
                op = "trainer";
                try {
                    r = trainer.handle(ex, method, path);
                } catch (ApiException e) {
                    r = problem(e);
                } catch (IllegalArgumentException e) {
                    r = problem(Http.badRequest("malformed-request", e.getMessage()));
                }
            } else if (path.equals("/")) {
                r = Http.empty(302).header("Location", "/trainer");
            } else {
                r = problem(Http.notFound("no such page"));
            }
            status = r.status;
            send(ex, r, method);
        } catch (IOException e) {
            status = -1; // the client went away; nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "internal error in " + op + ": " + e.getClass().getName(), e);
            try {
                status = 500;
                send(ex, problem(new ApiException(500, "internal", "Lỗi máy chủ tập huấn", null)), method);
            } catch (IOException ignored) {
                status = -1;
            }
        } finally {
            ex.close();
            // Metadata only: operation, status, duration, fault. Never paths (they hold codes) or bodies.
            LOG.log(System.Logger.Level.INFO, String.format("%s %s -> %d %dms %s", method, op, status,
                    (System.nanoTime() - t0) / 1_000_000, fault).trim());
        }
    }

    private Response before(Faults.Decision d) {
        if (d.is(Faults.Kind.ERROR)) {
            Faults.Rule rule = d.outcome();
            ApiException e = new ApiException(rule.status, rule.status == 429 ? "rate-limited" : "unavailable",
                    rule.status == 429 ? "Quá nhiều yêu cầu" : "Cổng dịch vụ tạm thời không phục vụ được", "training fault");
            if (rule.retryAfterSeconds >= 0) {
                e.header("Retry-After", rule.retryAfterSeconds);
            }
            return problem(e);
        }
        if (d.is(Faults.Kind.REFUSE)) {
            Faults.Rule rule = d.outcome();
            return problem(new ApiException(rule.status, "refused", rule.title == null ? "Hồ sơ bị từ chối" : rule.title,
                    rule.detail == null ? "training fault" : rule.detail));
        }
        if (d.is(Faults.Kind.RATE_LIMIT)) {
            int s = d.outcome().retryAfterSeconds < 0 ? 1 : d.outcome().retryAfterSeconds;
            return problem(new ApiException(429, "rate-limited", "Quá nhiều yêu cầu", "training fault: retry after " + s + " s")
                    .header("Retry-After", s));
        }
        return null;
    }

    /** Spoils a handled response; null means: close the connection without answering. */
    private static Response after(Faults.Decision d, Response r) {
        if (d.is(Faults.Kind.DROP_RESPONSE)) {
            return null;
        }
        if (d.is(Faults.Kind.TRUNCATED_JSON) && r.isJson()) {
            r.body = Arrays.copyOf(r.body, Math.max(1, r.body.length / 2));
        } else if (d.is(Faults.Kind.MALFORMED_JSON) && r.isJson()) {
            String s = new String(r.body, StandardCharsets.UTF_8);
            r.body = (s.replaceFirst(":", " = ") + ",}").getBytes(StandardCharsets.UTF_8);
        }
        return r;
    }

    Response problem(ApiException e) {
        Response r = wire.json(e.status, e.body());
        r.headers.put("Content-Type", "application/problem+json");
        e.headers.forEach(r.headers::put);
        return r;
    }

    private static void send(HttpExchange ex, Response r, String method) throws IOException {
        r.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        boolean noBody = r.body.length == 0 || "HEAD".equals(method) || r.status == 204 || r.status == 304;
        // length -1 = no body; 0 would mean chunked to com.sun.net.httpserver
        ex.sendResponseHeaders(r.status, noBody ? -1 : r.body.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body);
            }
        }
    }
}
