// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal API (docs/api/portal-v1.yaml) over HTTP. Each method is one operation; it gets a
 * device token when it has none, renews it once on a 401, and retries what is safe to retry with
 * {@link RetryPolicy} (honouring Retry-After). Failures are typed ({@link PortalException}).
 * Thread-safe: the outbox worker and the screens share one client.
 */
public final class PortalClient {
    private static final Logger LOG = LoggerFactory.getLogger(PortalClient.class);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final MediaType TUS_TYPE = MediaType.get("application/offset+octet-stream");
    static final String TUS_VERSION = "1.0.0";
    /** Largest JSON answer read: a whole catalogue is a few hundred KB; more is a fault, not data to hold in memory. */
    static final long MAX_ANSWER_BYTES = 8L * 1024 * 1024;
    /** Largest e-result PDF read (the portal's documents are at most 10 MB). */
    static final long MAX_RESULT_BYTES = 16L * 1024 * 1024;
    /** Largest problem+json read for its details; beyond it the refusal keeps only its status. */
    static final long MAX_PROBLEM_BYTES = 64L * 1024;
    /** Longest Retry-After honoured: a larger one (or a garbled one) would park the outbox for days. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(5);
    /** Longest token lifetime believed, so that a garbled expiresIn cannot keep a token for ever. */
    static final long MAX_TOKEN_SECONDS = 24 * 3600;
    /** Slowest upload rate a PATCH is given time for, on top of the call timeout. */
    private static final long MIN_UPLOAD_BYTES_PER_SECOND = 8 * 1024;

    /** Where the portal is and who this kiosk is. */
    public record Endpoint(URI api, String kioskId, String secret) {
        public Endpoint {
            if (api == null || api.getHost() == null) {
                throw new IllegalArgumentException("portal URL needs a host");
            }
            if (!"https".equals(api.getScheme()) && !("http".equals(api.getScheme()) && loopback(api.getHost()))) {
                // Citizens' data never crosses a network in clear; plain HTTP only to this machine.
                throw new IllegalArgumentException("portal URL must be https (http only to loopback): " + api);
            }
        }

        @Override
        public String toString() {
            return "Endpoint[" + api + ", " + kioskId + "]"; // never the secret
        }
    }

    /** How the client waits between attempts; tests pass one that does not really sleep. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Endpoint endpoint;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
    private volatile String token;
    private volatile Instant tokenRenewAt = Instant.EPOCH;

    public PortalClient(Endpoint endpoint, OkHttpClient http, RetryPolicy policy, Sleeper sleeper, RandomGenerator random) {
        this.endpoint = endpoint;
        this.base = HttpUrl.get(endpoint.api().toString().replaceAll("/+$", "") + "/");
        this.http = http;
        this.policy = policy;
        this.sleeper = sleeper;
        this.random = random;
    }

    public PortalClient(Endpoint endpoint) {
        this(endpoint, defaultHttp(), RetryPolicy.interactive(), d -> Thread.sleep(d.toMillis()), RandomGenerator.getDefault());
    }

    /**
     * Timeouts sized for a kiosk's network; OkHttp's own silent retry is off, because only this
     * class knows which requests are safe to repeat (a tus creation is not). The call timeout
     * ends an answer that trickles in a byte at a time, which no read timeout notices (a PATCH
     * gets more, by its size).
     */
    public static OkHttpClient defaultHttp() {
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .writeTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(60))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    /** The same client with another retry policy (the outbox keeps trying; a screen gives up sooner). */
    public PortalClient withPolicy(RetryPolicy other) {
        PortalClient c = new PortalClient(endpoint, http, other, sleeper, random);
        c.token = token;
        c.tokenRenewAt = tokenRenewAt;
        return c;
    }

    // ------------------------------------------------------------------ session and catalogue

    /** Exchanges the kiosk's id and secret for a token (doctor uses it to check the credentials). */
    public Answers.DeviceSession login() throws PortalException {
        byte[] body = write(Map.of("kioskId", endpoint.kioskId(), "secret", endpoint.secret()));
        Answers.DeviceSession s = call("createDeviceSession", true, false,
                () -> new Request.Builder().url(url("device-sessions")).post(RequestBody.create(body, JSON_TYPE)),
                r -> read("createDeviceSession", r, Answers.DeviceSession.class));
        if (s.accessToken().isBlank()) {
            throw new PortalAnswerException("createDeviceSession", 201, "no accessToken", null);
        }
        token = s.accessToken();
        // Renew a little before the portal would refuse it (a lifetime beyond a day is not believed).
        tokenRenewAt = Instant.now().plusSeconds(Math.max(0, Math.min(Math.max(0, s.expiresIn()), MAX_TOKEN_SECONDS) - 30));
        return s;
    }

    /** The portal's procedures; with the last ETag a 304 comes back as {@link Answers.Fetched#notModified()}. */
    public Answers.Fetched<Answers.ProcedureList> procedures(String etag) throws PortalException {
        return fetch("listProcedures", "procedures", etag, Answers.ProcedureList.class);
    }

    /** The receiving agencies and the procedures each receives; with the last ETag, like {@link #procedures}. */
    public Answers.Fetched<Answers.AgencyList> agencies(String etag) throws PortalException {
        return fetch("listAgencies", "agencies", etag, Answers.AgencyList.class);
    }

    private <T> Answers.Fetched<T> fetch(String operation, String path, String etag, Class<T> type) throws PortalException {
        return call(operation, true, true, () -> {
            Request.Builder b = new Request.Builder().url(url(path)).get();
            if (etag != null) {
                b.header("If-None-Match", etag);
            }
            return b;
        }, r -> {
            if (r.code() == 304) {
                return new Answers.Fetched<>(null, Optional.ofNullable(r.header("ETag")).orElse(etag), null);
            }
            String text = new String(bytes(operation, r, MAX_ANSWER_BYTES), StandardCharsets.UTF_8);
            return new Answers.Fetched<>(parse(operation, r.code(), text, type), r.header("ETag"), text);
        });
    }

    // ------------------------------------------------------------------ dossiers

    /** Creates (or, on a replay of the same key and body, finds) the draft dossier. */
    public Answers.Dossier createDossier(String idempotencyKey, String bodyJson) throws PortalException {
        byte[] body = bodyJson.getBytes(StandardCharsets.UTF_8);
        return call("createDossier", true, true,
                () -> new Request.Builder().url(url("dossiers")).header("Idempotency-Key", idempotencyKey)
                        .post(RequestBody.create(body, JSON_TYPE)),
                r -> read("createDossier", r, Answers.Dossier.class));
    }

    public Answers.Dossier dossier(String dossierId) throws PortalException {
        return call("getDossier", true, true, () -> new Request.Builder().url(url("dossiers/" + dossierId)).get(),
                r -> read("getDossier", r, Answers.Dossier.class));
    }

    public Answers.SubmitReceipt submit(String dossierId) throws PortalException {
        return call("submitDossier", true, true,
                () -> new Request.Builder().url(url("dossiers/" + dossierId + "/submit")).post(RequestBody.create(new byte[0], JSON_TYPE)),
                r -> read("submitDossier", r, Answers.SubmitReceipt.class));
    }

    // ------------------------------------------------------------------ tus uploads

    /**
     * tus creation: announces one document and returns its upload URL. Safe to retry: the portal
     * answers a repeat of the same Idempotency-Key with the upload it made the first time, also when
     * the first request arrives late (a stall or a kill); without a key that late request left a
     * second, unfinished upload and the portal refused to submit (issue 18, decision 0012).
     */
    public String createUpload(String dossierId, String idempotencyKey, String documentType, String filename, long length,
            String sha256) throws PortalException {
        String metadata = "filename " + b64(filename) + ",documentType " + b64(documentType) + ",sha256 " + b64(sha256)
                + ",contentType " + b64("application/pdf");
        HttpUrl at = url("dossiers/" + dossierId + "/documents");
        return call("createUpload", true, true,
                () -> new Request.Builder().url(at).header("Tus-Resumable", TUS_VERSION).header("Idempotency-Key", idempotencyKey)
                        .header("Upload-Length", Long.toString(length))
                        .header("Upload-Metadata", metadata).post(RequestBody.create(new byte[0], null)),
                r -> {
                    String location = r.header("Location");
                    HttpUrl resolved = location == null ? null : at.resolve(location);
                    if (resolved == null) {
                        throw new PortalAnswerException("createUpload", r.code(), "no Location", null);
                    }
                    return uploadUrl("createUpload", r.code(), resolved.toString()).toString();
                });
    }

    /** tus HEAD: how many bytes of this upload the portal holds. */
    public long uploadOffset(String uploadUrl) throws PortalException {
        HttpUrl at = uploadUrl("headUpload", 0, uploadUrl);
        return call("headUpload", true, true,
                () -> new Request.Builder().url(at).header("Tus-Resumable", TUS_VERSION).head(),
                r -> offsetHeader("headUpload", r, 0, Long.MAX_VALUE));
    }

    /** tus PATCH: sends {@code count} bytes of {@code content} from {@code offset}; returns the portal's new offset. Tried once. */
    public long patch(String uploadUrl, byte[] content, long offset, long count, RegionBody.Progress progress) throws PortalException {
        HttpUrl at = uploadUrl("patchUpload", 0, uploadUrl);
        // An offset that does not move forward would have the uploader send the same chunk for ever.
        return call("patchUpload", false, true,
                () -> new Request.Builder().url(at).header("Tus-Resumable", TUS_VERSION)
                        .header("Upload-Offset", Long.toString(offset))
                        .patch(new RegionBody(content, offset, count, TUS_TYPE, progress)),
                r -> offsetHeader("patchUpload", r, offset + Math.min(count, 1), offset + count));
    }

    /**
     * tus termination: removes an upload of a draft dossier that none of the kiosk's documents uses
     * (it would block submit). Safe to retry; an upload already gone (404, 410) counts as removed.
     */
    public void terminateUpload(String uploadUrl) throws PortalException {
        HttpUrl at = uploadUrl("terminateUpload", 0, uploadUrl);
        try {
            call("terminateUpload", true, true, () -> new Request.Builder().url(at).header("Tus-Resumable", TUS_VERSION).delete(),
                    r -> null);
        } catch (PortalRefusedException e) {
            if (e.status() != 404 && e.status() != 410) {
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------ status and payment

    public Answers.DossierStatus status(String dossierCode) throws PortalException {
        return call("getStatusByCode", true, true, () -> new Request.Builder().url(url("dossiers/by-code/" + dossierCode)).get(),
                r -> read("getStatusByCode", r, Answers.DossierStatus.class));
    }

    /** A citizen's lookup: the code and the last four phone digits travel in the body, not the URL. */
    public Answers.DossierStatus lookup(String dossierCode, String phoneLast4) throws PortalException {
        byte[] body = write(Map.of("dossierCode", dossierCode, "phoneLast4", phoneLast4));
        return call("lookupDossier", true, true,
                () -> new Request.Builder().url(url("dossier-lookups")).post(RequestBody.create(body, JSON_TYPE)),
                r -> read("lookupDossier", r, Answers.DossierStatus.class));
    }

    public Answers.PaymentIntent createPaymentIntent(String dossierId) throws PortalException {
        return call("createPaymentIntent", true, true,
                () -> new Request.Builder().url(url("dossiers/" + dossierId + "/payment-intents")).post(RequestBody.create(new byte[0], JSON_TYPE)),
                r -> read("createPaymentIntent", r, Answers.PaymentIntent.class));
    }

    public Answers.PaymentIntent paymentIntent(String intentId) throws PortalException {
        return call("getPaymentIntent", true, true, () -> new Request.Builder().url(url("payment-intents/" + intentId)).get(),
                r -> read("getPaymentIntent", r, Answers.PaymentIntent.class));
    }

    /** The e-result PDF of a citizen's lookup (when DONE). */
    public byte[] lookupResult(String lookupId) throws PortalException {
        return call("getLookupResult", true, true, () -> new Request.Builder().url(url("dossier-lookups/" + lookupId + "/result")).get(),
                r -> bytes("getLookupResult", r, MAX_RESULT_BYTES));
    }

    /**
     * The training portal's "start afresh": it erases every dossier it holds (POST /trainer/erase,
     * beside the API, loopback only). Only the training portal has it; a real portal refuses it.
     */
    public void eraseTrainingDossiers() throws PortalException {
        call("eraseTrainingDossiers", true, false,
                () -> new Request.Builder().url(base.resolve("/trainer/erase")).post(RequestBody.create(new byte[0], null)),
                r -> null);
    }

    // ------------------------------------------------------------------ the one request loop

    private interface Handler<T> {
        T handle(Response r) throws PortalException;
    }

    private interface RequestMaker {
        Request.Builder make();
    }

    private <T> T call(String operation, boolean retry, boolean authorized, RequestMaker maker, Handler<T> handler)
            throws PortalException {
        int attempt = 0;
        boolean renewed = false;
        while (true) {
            attempt++;
            try {
                return once(operation, authorized, maker, handler);
            } catch (TokenRefused t) {
                if (renewed) {
                    throw t.refusal;
                }
                renewed = true;
                token = null;
                attempt--; // a renewed token is not a new attempt
            } catch (PortalException e) {
                if (!e.retryable() || !retry || attempt >= policy.maxAttempts()) {
                    throw e;
                }
                Duration wait = policy.delay(attempt, e.retryAfter(), random);
                LOG.debug("{} failed (attempt {}), retrying in {} ms: {} {}", operation, attempt, wait.toMillis(), e.status(),
                        e.getClass().getSimpleName());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** Thrown inside the loop when the token was refused; carries the refusal in case renewal does not help. */
    private static final class TokenRefused extends RuntimeException {
        final PortalRefusedException refusal;

        TokenRefused(PortalRefusedException refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }

    private <T> T once(String operation, boolean authorized, RequestMaker maker, Handler<T> handler) throws PortalException {
        Request.Builder b = maker.make().header("Accept", "application/json, application/problem+json");
        if (authorized) {
            b.header("Authorization", "Bearer " + currentToken());
        }
        Request request = b.build();
        Call call = http.newCall(request);
        long sending = request.body() == null ? 0 : contentLength(request.body());
        if (http.callTimeoutMillis() > 0 && sending > 0) {
            call.timeout().timeout(http.callTimeoutMillis() + sending * 1000 / MIN_UPLOAD_BYTES_PER_SECOND, TimeUnit.MILLISECONDS);
        }
        Response r;
        try {
            r = call.execute();
        } catch (IOException e) {
            throw new PortalUnreachableException(operation, 0, null, "no answer: " + e.getClass().getSimpleName(), e);
        } catch (NumberFormatException e) {
            // OkHttp reads a 503's Retry-After as an int to decide on its own retry, and fails on a larger number.
            throw new PortalUnreachableException(operation, 503, MAX_RETRY_AFTER, "Retry-After out of range", e);
        }
        // Closing a response reads what is left of its body to reuse the connection: a refused or
        // oversized body, or one nobody asked for, drops the connection instead (before the close).
        try {
            T value = answer(operation, authorized, r, handler);
            if (!exhausted(r)) {
                call.cancel();
            }
            return value;
        } catch (PortalException | RuntimeException e) {
            call.cancel();
            throw e;
        } finally {
            r.close();
        }
    }

    private <T> T answer(String operation, boolean authorized, Response r, Handler<T> handler) throws PortalException {
        int code = r.code();
        if ((code >= 200 && code < 300) || code == 304) {
            return handler.handle(r);
        }
        Duration retryAfter = retryAfter(r.header("Retry-After"));
        if (code == 408 || code == 429 || code >= 500) {
            throw new PortalUnreachableException(operation, code, retryAfter, "portal busy or failing", null);
        }
        Problem problem = problem(r, code);
        PortalRefusedException refused = new PortalRefusedException(operation, problem);
        if (code == 401 && authorized) {
            throw new TokenRefused(refused);
        }
        throw refused;
    }

    private static boolean exhausted(Response r) {
        try {
            ResponseBody body = r.body();
            return body == null || body.source().exhausted();
        } catch (IOException e) {
            return false;
        }
    }

    private static long contentLength(RequestBody body) {
        try {
            return Math.max(0, body.contentLength());
        } catch (IOException e) {
            return 0;
        }
    }

    private String currentToken() throws PortalException {
        if (token == null || Instant.now().isAfter(tokenRenewAt)) {
            synchronized (this) {
                if (token == null || Instant.now().isAfter(tokenRenewAt)) {
                    login();
                }
            }
        }
        return token;
    }

    private Problem problem(Response r, int code) {
        try {
            byte[] text = limited(r, MAX_PROBLEM_BYTES);
            Problem p = text == null || text.length == 0 ? null : json.readValue(text, Problem.class);
            if (p != null) {
                return p.status() == code ? p : new Problem(p.type(), p.title(), code, p.detail(), p.errors());
            }
        } catch (IOException e) {
            // An unreadable problem is still a refusal: keep the status, lose the details.
        }
        return new Problem(null, null, code, null, null);
    }

    // ------------------------------------------------------------------ small helpers

    private HttpUrl url(String path) {
        return base.resolve(path);
    }

    private <T> T read(String operation, Response r, Class<T> type) throws PortalException {
        return parse(operation, r.code(), new String(bytes(operation, r, MAX_ANSWER_BYTES), StandardCharsets.UTF_8), type);
    }

    /** The whole body, refused (not read on) beyond {@code max} bytes. */
    private static byte[] bytes(String operation, Response r, long max) throws PortalException {
        byte[] body;
        try {
            body = limited(r, max);
        } catch (IOException e) {
            throw new PortalUnreachableException(operation, r.code(), null, "body cut: " + e.getClass().getSimpleName(), e);
        }
        if (body == null) {
            throw new PortalAnswerException(operation, r.code(), "answer over " + max + " bytes", null);
        }
        return body;
    }

    /** At most {@code max} bytes of the body, or null when it is longer (announced or sent). */
    private static byte[] limited(Response r, long max) throws IOException {
        ResponseBody body = r.body();
        if (body == null) {
            return new byte[0];
        }
        if (body.contentLength() > max) {
            return null;
        }
        BufferedSource source = body.source();
        if (source.request(max + 1)) {
            return null;
        }
        return source.readByteArray();
    }

    private <T> T parse(String operation, int code, String text, Class<T> type) throws PortalException {
        T value;
        try {
            value = json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new PortalAnswerException(operation, code, e.getOriginalMessage(), e);
        }
        if (value == null) {
            throw new PortalAnswerException(operation, code, "empty body", null);
        }
        String missing = value instanceof Answers.Checked c ? c.missing() : null;
        if (missing != null) {
            throw new PortalAnswerException(operation, code, "no " + missing, null);
        }
        return value;
    }

    /** The tus offset header, which must lie in {@code [min, max]}. */
    private static long offsetHeader(String operation, Response r, long min, long max) throws PortalException {
        String v = r.header("Upload-Offset");
        long offset;
        try {
            offset = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new PortalAnswerException(operation, r.code(), "Upload-Offset missing or not a number", e);
        }
        if (offset < min || offset > max) {
            throw new PortalAnswerException(operation, r.code(), "Upload-Offset " + offset + " outside " + min + ".." + max, null);
        }
        return offset;
    }

    /**
     * An upload URL from the portal (a Location or a dossier's document list), accepted only on
     * the portal's own scheme, host and port: the bearer token goes with every request to it.
     */
    private HttpUrl uploadUrl(String operation, int code, String url) throws PortalAnswerException {
        HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
        if (parsed == null || !parsed.scheme().equals(base.scheme()) || !parsed.host().equals(base.host()) || parsed.port() != base.port()) {
            throw new PortalAnswerException(operation, code, "upload URL not on the portal", null);
        }
        return parsed;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return Duration.ofSeconds(Math.max(0, Math.min(seconds, MAX_RETRY_AFTER.toSeconds())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date is allowed too, but this API promises seconds
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean loopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        try {
            String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return h.matches("[0-9.:a-fA-F]+") && InetAddress.getByName(h).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }
}
