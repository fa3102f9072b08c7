// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import okhttp3.OkHttpClient;
import vn.motcua.kiosk.portal.AnswerServer.Answer;
import vn.motcua.kiosk.portal.AnswerServer.Delivery;

/**
 * Issue 12, bad input: every operation of {@link PortalClient} against generated answers from a
 * real HTTP server (truncated and mutated JSON, wrong types, missing and null fields, extra
 * fields, tens of MB, trickling bodies, odd statuses, content types and headers). The client
 * gives a complete answer or one of its typed {@link PortalException}s, which the outbox and the
 * screens handle; nothing else escapes, a huge body is not read to its end, and a Retry-After
 * is never taken beyond its cap.
 */
class PortalAnswersPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A huge answer: 64 KB sent 1000 times. */
    private static final int HUGE_PIECE = 64 * 1024;
    private static final int HUGE_REPEAT = 1000;
    private static final byte[] UPLOAD_CONTENT = "0123456789".getBytes(StandardCharsets.US_ASCII);

    private static AnswerServer server;
    /** Shared by every try, as the kiosk shares one: short timeouts so trickling answers end soon. */
    private static OkHttpClient http;

    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    @BeforeContainer
    static void start() throws Exception {
        server = new AnswerServer();
        http = PortalClient.defaultHttp().newBuilder().readTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterContainer
    static void stop() {
        server.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private PortalClient client() {
        return new PortalClient(new PortalClient.Endpoint(server.api(), "K-01", "s3cret"), http,
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2)), waits::add, new Random(7));
    }

    /** One operation of the API: its usual answer and how the client is asked. */
    enum Op {
        LOGIN(201, AnswerServer.TOKEN),
        PROCEDURES(200, "{\"version\":\"3\",\"procedures\":[{\"id\":\"lltp-self\",\"code\":\"2.001417\","
                + "\"name\":{\"vi\":\"Cấp Phiếu lý lịch tư pháp\",\"en\":\"Criminal record\"},\"area\":\"tư pháp\",\"level\":\"full\","
                + "\"fee\":{\"base\":200000},\"handling\":{\"kind\":\"workingDays\",\"days\":10},\"documents\":[]}]}"),
        AGENCIES(200, "{\"version\":\"3\",\"agencies\":[{\"code\":\"STP-HN\",\"name\":{\"vi\":\"Sở Tư pháp\"},\"procedures\":[\"lltp-self\"]}]}"),
        CREATE_DOSSIER(201, dossier()),
        GET_DOSSIER(200, dossier()),
        SUBMIT(200, "{\"dossierId\":\"d-1\",\"dossierCode\":\"000.00.00.H29-260310-0001\",\"receivedAt\":\"2026-03-10T09:00:00+07:00\","
                + "\"dueAt\":\"2026-03-24T17:00:00+07:00\",\"fee\":{\"amount\":200000,\"currency\":\"VND\"},\"status\":\"RECEIVED\"}"),
        CREATE_UPLOAD(201, ""),
        HEAD_UPLOAD(200, ""),
        PATCH_UPLOAD(204, ""),
        STATUS(200, status()),
        LOOKUP(200, status()),
        CREATE_PAYMENT(201, payment()),
        GET_PAYMENT(200, payment()),
        LOOKUP_RESULT(200, "%PDF-1.7\n% a result\n%%EOF\n");

        final int usual;
        final String body;

        Op(int usual, String body) {
            this.usual = usual;
            this.body = body;
        }

        private static String dossier() {
            return "{\"id\":\"d-1\",\"procedureId\":\"lltp-self\",\"agencyCode\":\"STP-HN\",\"state\":\"DRAFT\","
                    + "\"fee\":{\"amount\":200000,\"currency\":\"VND\"},\"copies\":1,\"createdAt\":\"2026-03-10T09:00:00+07:00\","
                    + "\"documents\":[{\"uploadId\":\"u-1\",\"uploadUrl\":\"/api/v1/uploads/u-1\",\"type\":\"idCard\",\"filename\":\"a.pdf\","
                    + "\"length\":10,\"offset\":0,\"sha256\":\"ab\",\"state\":\"PENDING\"}]}";
        }

        private static String status() {
            return "{\"dossierCode\":\"000.00.00.H29-260310-0001\",\"procedureId\":\"lltp-self\",\"status\":\"IN_PROGRESS\","
                    + "\"receivedAt\":\"2026-03-10T09:00:00+07:00\",\"dueAt\":\"2026-03-24T17:00:00+07:00\",\"late\":false,\"onTime\":true,"
                    + "\"resultAvailable\":false,\"paymentStatus\":\"PAID\",\"history\":[{\"status\":\"RECEIVED\",\"at\":\"x\"}]}";
        }

        private static String payment() {
            return "{\"intentId\":\"p-1\",\"dossierId\":\"d-1\",\"dossierCode\":\"C-1\",\"amount\":200000,\"currency\":\"VND\","
                    + "\"status\":\"PENDING\",\"createdAt\":\"x\",\"vietqr\":{\"payload\":\"000201\",\"bankBin\":\"970415\","
                    + "\"accountNumber\":\"1133\",\"accountName\":\"KB\",\"purpose\":\"C-1\"}}";
        }

        Object call(PortalClient c, String base) throws PortalException {
            return switch (this) {
                case LOGIN -> c.login();
                case PROCEDURES -> c.procedures(null);
                case AGENCIES -> c.agencies("\"2\"");
                case CREATE_DOSSIER -> c.createDossier("key-00000001", "{\"procedureId\":\"lltp-self\"}");
                case GET_DOSSIER -> c.dossier("d-1");
                case SUBMIT -> c.submit("d-1");
                case CREATE_UPLOAD -> c.createUpload("d-1", "doc-key-0001", "idCard", "a.pdf", 10, "ab");
                case HEAD_UPLOAD -> c.uploadOffset(base + "/uploads/u-1");
                case PATCH_UPLOAD -> c.patch(base + "/uploads/u-1", UPLOAD_CONTENT, 4, 6, RegionBody.Progress.NONE);
                case STATUS -> c.status("C-1");
                case LOOKUP -> c.lookup("C-1", "1234");
                case CREATE_PAYMENT -> c.createPaymentIntent("d-1");
                case GET_PAYMENT -> c.paymentIntent("p-1");
                case LOOKUP_RESULT -> c.lookupResult("l-1");
            };
        }

        /** What a result must be to count as valid: complete, and within what the API allows. */
        void checkResult(Object result, String base) {
            assertThat(result).isNotNull();
            switch (this) {
                case CREATE_UPLOAD -> assertThat((String) result).startsWith(base.replace("/api/v1", "") + "/");
                case HEAD_UPLOAD -> assertThat((Long) result).isNotNegative();
                case PATCH_UPLOAD -> assertThat((Long) result).isBetween(5L, 10L);
                case LOOKUP_RESULT -> assertThat(((byte[]) result).length).isLessThanOrEqualTo((int) PortalClient.MAX_RESULT_BYTES);
                case PROCEDURES, AGENCIES -> {
                    Answers.Fetched<?> f = (Answers.Fetched<?>) result;
                    if (!f.notModified()) {
                        assertThat(((Answers.Checked) f.body()).missing()).isNull();
                    }
                }
                case LOGIN -> {
                    Answers.DeviceSession s = (Answers.DeviceSession) result;
                    assertThat(s.missing()).isNull();
                    assertThat(s.accessToken()).isNotBlank();
                }
                default -> assertThat(((Answers.Checked) result).missing()).as("missing field").isNull();
            }
        }
    }

    /** A generated answer for one operation. */
    record Case(Op op, Answer answer) {}

    // ------------------------------------------------------------------ the property

    /** No edge-case mode: jqwik's edge cases all fell on the first operation (the login), 40 % of the tries. */
    @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
    void everyAnswerGivesACompleteResultOrATypedFailure(@ForAll("cases") Case c) throws Exception {
        server.serve(c.answer(), c.op() == Op.LOGIN);
        String base = server.api().toString();
        String outcome = "valid result";
        try {
            c.op().checkResult(c.op().call(client(), base), base);
        } catch (PortalException e) {
            assertThat(e.operation()).isNotBlank();
            assertThat(e.messageKey()).startsWith("portal.error.");
            outcome = e.getClass().getSimpleName();
        }
        Statistics.label("operation").collect(c.op());
        Statistics.label("outcome").collect(outcome);
        Statistics.label("delivery").collect(c.answer().delivery());
        // Anything else (NullPointerException, ClassCastException, DateTimeException, OutOfMemoryError…) fails the try.
        assertThat(server.mostWritten()).as("bytes the server got to send for one answer").isLessThan((long) HUGE_PIECE * HUGE_REPEAT * 5 / 8);
        assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(PortalClient.MAX_RETRY_AFTER));
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(Op.values()).flatMap(op -> Combinators.combine(
                statuses(op), headers(op), bodies(op), deliveries()).as((status, headers, body, delivery) -> {
                    int repeat = delivery == Delivery.HUGE || delivery == Delivery.HUGE_ANNOUNCED ? HUGE_REPEAT : 1;
                    byte[] bytes = repeat > 1 ? hugePiece(body) : body;
                    return new Case(op, new Answer(status, headers, bytes, delivery, repeat));
                }));
    }

    private static Arbitrary<Integer> statuses(Op op) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(op.usual)),
                Tuple.of(2, Arbitraries.of(200, 201, 202, 204, 206, 301, 302, 304, 307)),
                Tuple.of(3, Arbitraries.of(400, 401, 403, 404, 409, 410, 413, 422, 460, 408, 429, 500, 502, 503, 504)),
                Tuple.of(1, Arbitraries.integers().between(100, 599)),
                Tuple.of(1, Arbitraries.of(299, 600, 799, 999)));
    }

    private static Arbitrary<Map<String, String>> headers(Op op) {
        Arbitrary<String> type = Arbitraries.of("application/json", "application/problem+json", "application/json; charset=utf-8",
                "application/json; charset=utf-16", "application/json; charset=bogus", "text/html", "application/octet-stream",
                "application/pdf", "", "*/*; q=");
        Arbitrary<String> retryAfter = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just("")),
                Tuple.of(2, Arbitraries.integers().between(0, 600).map(String::valueOf)),
                Tuple.of(2, Arbitraries.of("-1", "-9223372036854775808", "9223372036854775807", "99999999999999999999",
                        "315360000", "1e9", " 5 ", "Wed, 21 Oct 2015 07:28:00 GMT", "soon", "0x10")));
        Arbitrary<String> location = Arbitraries.of("/api/v1/uploads/u-1", "uploads/u-2", "http://127.0.0.1:1/api/v1/uploads/u-1",
                "http://portal.example/api/v1/uploads/u-1", "https://127.0.0.1/u", "::::", "", "//evil.example/u", "ftp://x/u");
        Arbitrary<String> offset = Arbitraries.of("0", "4", "5", "10", "11", "-1", "9223372036854775807", "99999999999999999999",
                "abc", "", "4.5");
        Arbitrary<String> etag = Arbitraries.of("\"3\"", "", "W/\"x\"");
        return Combinators.combine(type, retryAfter, location, offset, etag, Arbitraries.integers().between(0, 31))
                .as((t, ra, loc, off, tag, which) -> {
                    Map<String, String> h = new LinkedHashMap<>();
                    if ((which & 1) == 0 && !t.isEmpty()) {
                        h.put("Content-Type", t);
                    }
                    if (!ra.isEmpty()) {
                        h.put("Retry-After", ra);
                    }
                    if (op == Op.CREATE_UPLOAD && (which & 2) == 0 || (which & 14) == 14) {
                        h.put("Location", loc.isEmpty() ? "/api/v1/uploads/u-1" : loc);
                    }
                    if ((op == Op.HEAD_UPLOAD || op == Op.PATCH_UPLOAD) && (which & 4) == 0 || (which & 28) == 28) {
                        h.put("Upload-Offset", off);
                    }
                    if ((which & 16) == 0) {
                        h.put("ETag", tag);
                    }
                    return h;
                });
    }

    private static Arbitrary<Delivery> deliveries() {
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just(Delivery.WHOLE)),
                Tuple.of(6, Arbitraries.just(Delivery.CHUNKED)),
                Tuple.of(4, Arbitraries.just(Delivery.CUT)),
                Tuple.of(2, Arbitraries.just(Delivery.HUGE)),
                Tuple.of(2, Arbitraries.just(Delivery.HUGE_ANNOUNCED)),
                Tuple.of(1, Arbitraries.just(Delivery.DRIP)));
    }

    /** One 64 KB piece of a huge answer, beginning like the generated body. */
    private static byte[] hugePiece(byte[] start) {
        byte[] piece = new byte[HUGE_PIECE];
        java.util.Arrays.fill(piece, (byte) ' ');
        System.arraycopy(start, 0, piece, 0, Math.min(start.length, piece.length));
        return piece;
    }

    // ------------------------------------------------------------------ bodies

    private static Arbitrary<byte[]> bodies(Op op) {
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(4)
                .map(seeds -> mutate(op.body, seeds).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> truncated = Arbitraries.integers().between(0, Math.max(0, op.body.length() - 1))
                .map(n -> op.body.substring(0, n).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> problem = Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMaxSize(3)
                .map(seeds -> mutate("{\"type\":\"https://portal.example/problems/validation\",\"title\":\"T\",\"status\":422,"
                        + "\"errors\":[{\"path\":\"$.applicant.phone\",\"code\":\"pattern\",\"message\":\"Sai\"}]}", seeds)
                        .getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> odd = Arbitraries.of("", "null", "[]", "{}", "\"text\"", "42", "true", "<html>502 Bad Gateway</html>",
                "{\"a\":", "\uFEFF" + op.body, op.body + op.body, "[" + "[".repeat(5000), "{\"errors\":[null]}",
                "{\"errors\":null,\"status\":\"x\"}", "{\"procedures\":[null],\"agencies\":[null],\"documents\":[null],\"history\":[null]}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> garbage = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        return Arbitraries.frequencyOf(
                Tuple.of(10, mutated),
                Tuple.of(3, truncated),
                Tuple.of(3, problem),
                Tuple.of(3, odd),
                Tuple.of(1, garbage));
    }

    /** The usual answer with a few changes, each chosen by one seed: a field removed, nulled, retyped, added or made huge. */
    static String mutate(String json, List<Integer> seeds) {
        if (json.isEmpty()) {
            json = "{}";
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (Exception e) {
            return json;
        }
        for (int seed : seeds) {
            Random r = new Random(seed);
            List<JsonNode> containers = new ArrayList<>();
            collect(root, containers);
            JsonNode at = containers.get(r.nextInt(containers.size()));
            JsonNode value = odd(r);
            if (at instanceof ObjectNode o) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = names.isEmpty() || r.nextInt(5) == 0 ? "extra" + r.nextInt(100) : names.get(r.nextInt(names.size()));
                if (r.nextInt(4) == 0) {
                    o.remove(name);
                } else {
                    o.set(name, value);
                }
            } else if (at instanceof ArrayNode a) {
                if (a.isEmpty() || r.nextInt(3) == 0) {
                    a.add(value);
                } else {
                    a.set(r.nextInt(a.size()), value);
                }
            }
        }
        return root.toString();
    }

    private static void collect(JsonNode n, List<JsonNode> into) {
        if (n.isContainerNode()) {
            into.add(n);
            n.elements().forEachRemaining(c -> collect(c, into));
        }
    }

    private static JsonNode odd(Random r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (r.nextInt(12)) {
            case 0 -> f.nullNode();
            case 1 -> f.textNode("");
            case 2 -> f.textNode("x".repeat(r.nextInt(3) == 0 ? 1_000_000 : 10));
            case 3 -> f.numberNode(Long.MAX_VALUE);
            case 4 -> f.numberNode(Long.MIN_VALUE);
            case 5 -> f.numberNode(new java.math.BigInteger("9".repeat(40)));
            case 6 -> f.numberNode(-1.5e300);
            case 7 -> f.booleanNode(r.nextBoolean());
            case 8 -> f.arrayNode().add(f.nullNode());
            case 9 -> f.objectNode().put("a", 1);
            case 10 -> f.textNode("\u0000\uD800 ạ 𝄞");
            default -> f.numberNode(-1);
        };
    }

    // ------------------------------------------------------------------ the defects found, one by one

    private PortalException failure(Op op, Answer a) {
        server.serve(a, op == Op.LOGIN);
        return catchThrowableOfType(PortalException.class, () -> op.call(client(), server.api().toString()));
    }

    private static Answer json(int status, String body) {
        return new Answer(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8), Delivery.WHOLE, 1);
    }

    @Example
    void aProblemBodyOfNullIsARefusalWithoutDetails() {
        PortalException e = failure(Op.GET_DOSSIER, new Answer(422, Map.of("Content-Type", "application/problem+json"),
                "null".getBytes(StandardCharsets.UTF_8), Delivery.WHOLE, 1));
        assertThat(e).isInstanceOf(PortalRefusedException.class);
        assertThat(((PortalRefusedException) e).problem().status()).isEqualTo(422);
    }

    @Example
    void aHugeProblemIsARefusalWithoutReadingIt() {
        byte[] piece = hugePiece("{\"type\":\"x\",\"title\":\"".getBytes(StandardCharsets.UTF_8));
        PortalException e = failure(Op.SUBMIT, new Answer(409, Map.of("Content-Type", "application/problem+json"), piece, Delivery.HUGE, 1000));
        assertThat(e).isInstanceOf(PortalRefusedException.class);
        assertThat(server.mostWritten()).isLessThan(40L * 1024 * 1024);
    }

    @Example
    void aHugeAnswerIsRefusedWithoutReadingItToTheEnd() {
        for (Delivery d : List.of(Delivery.HUGE, Delivery.HUGE_ANNOUNCED)) {
            PortalException e = failure(Op.PROCEDURES, new Answer(200, Map.of("Content-Type", "application/json"),
                    hugePiece("{\"procedures\":[".getBytes(StandardCharsets.UTF_8)), d, 1000));
            assertThat(e).isInstanceOf(PortalAnswerException.class).hasMessageContaining("over");
            assertThat(server.mostWritten()).as(d.toString()).isLessThan(40L * 1024 * 1024);
        }
        PortalException e = failure(Op.LOOKUP_RESULT, new Answer(200, Map.of("Content-Type", "application/pdf"),
                hugePiece("%PDF-1.7".getBytes(StandardCharsets.UTF_8)), Delivery.HUGE, 1000));
        assertThat(e).isInstanceOf(PortalAnswerException.class);
        assertThat(server.mostWritten()).isLessThan(40L * 1024 * 1024);
    }

    @Example
    void anAbsurdRetryAfterIsCappedNotAnOverflow() {
        for (String ra : List.of("9223372036854775807", "315360000")) {
            waits.clear();
            PortalException e = failure(Op.GET_DOSSIER, new Answer(503, Map.of("Retry-After", ra), new byte[0], Delivery.WHOLE, 1));
            assertThat(e).isInstanceOf(PortalUnreachableException.class);
            assertThat(e.retryAfter()).contains(PortalClient.MAX_RETRY_AFTER);
            assertThat(waits).containsExactly(PortalClient.MAX_RETRY_AFTER);
        }
    }

    @Example
    void aMissingOrNullRequiredFieldIsAnUnreadableAnswer() throws Exception {
        PortalException e = failure(Op.GET_DOSSIER, json(200, Op.GET_DOSSIER.body.replace("\"id\":\"d-1\",", "")));
        assertThat(e).isInstanceOf(PortalAnswerException.class).hasMessageContaining("no id");
        e = failure(Op.SUBMIT, json(200, Op.SUBMIT.body.replace("\"000.00.00.H29-260310-0001\"", "null")));
        assertThat(e).isInstanceOf(PortalAnswerException.class).hasMessageContaining("no dossierCode");
        e = failure(Op.GET_PAYMENT, json(200, Op.GET_PAYMENT.body.replace("\"bankBin\":\"970415\",", "")));
        assertThat(e).isInstanceOf(PortalAnswerException.class).hasMessageContaining("no vietqr.bankBin");
        e = failure(Op.STATUS, json(200, Op.STATUS.body.replace("\"late\":false", "\"late\":null")));
        assertThat(e).isInstanceOf(PortalAnswerException.class);
        e = failure(Op.PROCEDURES, json(200, "{\"procedures\":[{\"code\":\"1\"}]}"));
        assertThat(e).isInstanceOf(PortalAnswerException.class).hasMessageContaining("procedures[0].id");
    }

    @Example
    void aTokenLifetimeOutOfRangeIsNotACrash() throws Exception {
        for (String expires : List.of("9223372036854775807", "-9223372036854775808")) {
            server.serve(json(201, AnswerServer.TOKEN.replace("900", expires)), true);
            assertThat(client().login().accessToken()).isEqualTo("t-1");
        }
    }

    @Example
    void aTricklingAnswerEndsThroughTheCallTimeout() {
        assertThat(PortalClient.defaultHttp().callTimeoutMillis()).isPositive();
        PortalException e = failure(Op.GET_DOSSIER, new Answer(200, Map.of("Content-Type", "application/json"),
                "{".getBytes(StandardCharsets.UTF_8), Delivery.DRIP, 1));
        assertThat(e).isInstanceOf(PortalUnreachableException.class);
    }

    @Example
    void anUploadUrlOffThePortalIsRefusedNotFollowedWithTheToken() throws Exception {
        for (String location : List.of("http://portal.example/api/v1/uploads/u-1", "//evil.example/u", "http://127.0.0.1:1/u")) {
            PortalException e = failure(Op.CREATE_UPLOAD, new Answer(201, Map.of("Location", location), new byte[0], Delivery.WHOLE, 1));
            assertThat(e).as(location).isInstanceOf(PortalAnswerException.class);
        }
        server.serve(new Answer(200, Map.of("Upload-Offset", "0"), new byte[0], Delivery.WHOLE, 1), false);
        PortalClient c = client();
        for (String garbled : List.of("not a url", "", "ftp://x/u", "http://evil.example/u")) {
            assertThat(catchThrowableOfType(PortalAnswerException.class, () -> c.uploadOffset(garbled))).as(garbled).isNotNull();
        }
    }

    @Example
    void anUploadOffsetThatDoesNotMoveOnIsAnUnreadableAnswer() {
        for (String offset : List.of("4", "3", "11", "-1")) {
            PortalException e = failure(Op.PATCH_UPLOAD, new Answer(204, Map.of("Upload-Offset", offset), new byte[0], Delivery.WHOLE, 1));
            assertThat(e).as(offset).isInstanceOf(PortalAnswerException.class);
        }
        PortalException e = failure(Op.HEAD_UPLOAD, new Answer(200, Map.of("Upload-Offset", "-1"), new byte[0], Delivery.WHOLE, 1));
        assertThat(e).isInstanceOf(PortalAnswerException.class);
    }
}
