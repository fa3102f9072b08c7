// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.ApiException;
import static vn.motcua.portal.training.Http.FieldError;
import static vn.motcua.portal.training.Http.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The /api/v1 operations of docs/api/portal-v1.yaml, each named by its operationId. */
final class Api {
    static final Set<String> OPERATIONS = Set.of("createDeviceSession", "listProcedures", "listAgencies",
            "createDossier", "getDossier", "tusOptions", "createUpload", "headUpload", "patchUpload", "submitDossier",
            "getStatusByCode", "lookupDossier", "getLookupResult", "getResult", "createPaymentIntent", "getPaymentIntent");

    static final String TUS_VERSION = "1.0.0";
    static final long MAX_UPLOAD = 50L * 1024 * 1024;
    private static final Duration LOOKUP_TTL = Duration.ofMinutes(10);
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(PortalClock.VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(PortalClock.VIETNAM);
    private static final Pattern PHONE = Pattern.compile("0\\d{9}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,128}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One request as a handler sees it. */
    static final class Call {
        final HttpExchange exchange;
        final Matcher params;
        final Faults.Decision decision;
        String kioskId;
        boolean connectionDropped;

        Call(HttpExchange exchange, Matcher params, Faults.Decision decision) {
            this.exchange = exchange;
            this.params = params;
            this.decision = decision;
        }

        String param(String name) {
            return params.group(name);
        }

        String header(String name) {
            return exchange.getRequestHeaders().getFirst(name);
        }
    }

    interface Handler {
        Response handle(Call call) throws IOException;
    }

    record Route(String method, Pattern path, String operationId, boolean authenticated, Handler handler) {
    }

    final List<Route> routes = new ArrayList<>();
    private final Store store;
    private final PortalClock clock;
    private final Catalogue catalogue;
    private final ObjectMapper json;
    private final ObjectMapper canonicalJson;
    private final Path uploadDir;
    private final Duration tokenTtl;
    private final String apiUrl;
    private final Map<String, ReentrantLock> uploadLocks = new ConcurrentHashMap<>();
    private final ResultSigner resultSigner = ResultSigner.training();

    Api(Store store, PortalClock clock, Catalogue catalogue, ObjectMapper json, Path uploadDir, Duration tokenTtl, String apiUrl) {
        this.store = store;
        this.clock = clock;
        this.catalogue = catalogue;
        this.json = json;
        this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
        this.uploadDir = uploadDir;
        this.tokenTtl = tokenTtl;
        this.apiUrl = apiUrl;
        String id = "(?<id>[A-Za-z0-9-]+)";
        route("POST", "/device-sessions", "createDeviceSession", false, this::createDeviceSession);
        route("GET", "/procedures", "listProcedures", true, c -> catalogueResponse(c, procedureList()));
        route("GET", "/agencies", "listAgencies", true, c -> catalogueResponse(c, agencyList()));
        route("POST", "/dossiers", "createDossier", true, this::createDossier);
        route("GET", "/dossiers/by-code/(?<code>[0-9A-Za-z.]+-\\d{6}-\\d{4})", "getStatusByCode", true, this::getStatusByCode);
        route("GET", "/dossiers/" + id, "getDossier", true, c -> json(200, dossierView(owned(c))));
        route("OPTIONS", "/dossiers/" + id + "/documents", "tusOptions", false, this::tusOptions);
        route("POST", "/dossiers/" + id + "/documents", "createUpload", true, this::createUpload);
        route("HEAD", "/dossiers/" + id + "/documents/(?<upload>[A-Za-z0-9-]+)", "headUpload", true, this::headUpload);
        route("PATCH", "/dossiers/" + id + "/documents/(?<upload>[A-Za-z0-9-]+)", "patchUpload", true, this::patchUpload);
        route("POST", "/dossiers/" + id + "/submit", "submitDossier", true, this::submitDossier);
        route("GET", "/dossiers/" + id + "/result", "getResult", true, c -> result(owned(c), c.decision));
        route("POST", "/dossiers/" + id + "/payment-intents", "createPaymentIntent", true, this::createPaymentIntent);
        route("GET", "/payment-intents/" + id, "getPaymentIntent", true, this::getPaymentIntent);
        route("POST", "/dossier-lookups", "lookupDossier", true, this::lookupDossier);
        route("GET", "/dossier-lookups/" + id + "/result", "getLookupResult", true, this::getLookupResult);
    }

    Catalogue catalogue() {
        return catalogue;
    }

    private void route(String method, String path, String op, boolean auth, Handler h) {
        routes.add(new Route(method, Pattern.compile(path), op, auth, h));
    }

    // ---------------------------------------------------------------- session

    private Response createDeviceSession(Call c) throws IOException {
        JsonNode body = readJson(c);
        List<FieldError> errors = new ArrayList<>();
        String kioskId = text(body, "kioskId", "$.kioskId", errors);
        String secret = text(body, "secret", "$.secret", errors);
        if (!errors.isEmpty()) {
            throw Http.validation(errors);
        }
        Optional<Map<String, Object>> device = store.one("SELECT secret_sha256 FROM devices WHERE kiosk_id = ?", kioskId);
        byte[] given = sha256(secret.getBytes(StandardCharsets.UTF_8));
        byte[] expected = device.map(d -> HexFormat.of().parseHex((String) d.get("secret_sha256"))).orElse(new byte[32]);
        if (device.isEmpty() | !MessageDigest.isEqual(given, expected)) {
            throw new ApiException(401, "bad-credentials", "Thiết bị không được nhận diện", "kioskId or secret wrong");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long expires = System.currentTimeMillis() + tokenTtl.toMillis();
        store.update("INSERT INTO tokens (token_sha256, kiosk_id, expires_at_ms) VALUES (?, ?, ?)",
                hex(sha256(token.getBytes(StandardCharsets.US_ASCII))), kioskId, expires);
        store.update("DELETE FROM tokens WHERE expires_at_ms < ?", System.currentTimeMillis() - Duration.ofDays(1).toMillis());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessToken", token);
        m.put("tokenType", "Bearer");
        m.put("expiresIn", tokenTtl.toSeconds());
        m.put("expiresAt", RFC3339.format(Instant.ofEpochMilli(expires)));
        m.put("kioskId", kioskId);
        return json(201, m).header("Cache-Control", "no-store");
    }

    /** Token times are real time, not the training clock: a fast clock must not log kiosks out. */
    String authenticate(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthorized("token-missing", "Authorization: Bearer <token> required");
        }
        String hash = hex(sha256(h.substring(7).trim().getBytes(StandardCharsets.US_ASCII)));
        Map<String, Object> t = store.one("SELECT kiosk_id, expires_at_ms FROM tokens WHERE token_sha256 = ?", hash)
                .orElseThrow(() -> unauthorized("token-invalid", "unknown token"));
        if (((Number) t.get("expires_at_ms")).longValue() <= System.currentTimeMillis()) {
            throw unauthorized("token-expired", "token expired; create a new device session");
        }
        return (String) t.get("kiosk_id");
    }

    private static ApiException unauthorized(String type, String detail) {
        return new ApiException(401, type, "Phiên thiết bị không hợp lệ", detail)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    }

    // ---------------------------------------------------------------- catalogue

    Map<String, Object> procedureList() {
        Set<String> withdrawn = withdrawn();
        List<JsonNode> list = new ArrayList<>();
        for (Catalogue.Procedure p : catalogue.procedures()) {
            if (!withdrawn.contains(p.id())) {
                com.fasterxml.jackson.databind.node.ObjectNode n = p.json().deepCopy();
                n.putNull("form");
                list.add(n);
            }
        }
        return Map.of("procedures", list);
    }

    private Map<String, Object> agencyList() {
        Set<String> withdrawn = withdrawn();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Catalogue.Agency a : catalogue.agencies()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", a.code());
            m.put("name", a.json().get("name"));
            m.put("procedures", a.procedures().stream().filter(p -> !withdrawn.contains(p)).toList());
            list.add(m);
        }
        return Map.of("agencies", list);
    }

    Set<String> withdrawn() {
        Set<String> s = new java.util.HashSet<>();
        store.query("SELECT procedure_id FROM withdrawn").forEach(r -> s.add((String) r.get("procedure_id")));
        return s;
    }

    private Response catalogueResponse(Call c, Map<String, Object> content) throws IOException {
        byte[] bytes = canonicalJson.writeValueAsBytes(content);
        String version = hex(sha256(bytes)).substring(0, 16);
        String etag = "\"" + version + "\"";
        String inm = c.header("If-None-Match");
        if (inm != null) {
            for (String candidate : inm.split(",")) {
                String t = candidate.trim();
                if (t.startsWith("W/")) {
                    t = t.substring(2);
                }
                if (t.equals(etag) || t.equals("*")) {
                    return Http.empty(304).header("ETag", etag).header("Cache-Control", "no-cache");
                }
            }
        }
        Map<String, Object> withVersion = new LinkedHashMap<>();
        withVersion.put("version", version);
        withVersion.putAll(content);
        return json(200, withVersion).header("ETag", etag).header("Cache-Control", "no-cache");
    }

    // ---------------------------------------------------------------- dossiers

    private Response createDossier(Call c) throws IOException {
        String key = c.header("Idempotency-Key");
        if (key == null) {
            throw Http.badRequest("idempotency-key-missing", "Idempotency-Key header required");
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw Http.badRequest("idempotency-key-invalid", "Idempotency-Key: 8-128 visible ASCII characters");
        }
        JsonNode body = readJson(c);
        String bodyHash = hex(sha256(canonicalJson.writeValueAsBytes(json.treeToValue(body, Object.class))));
        return store.tx(() -> {
            Optional<Map<String, Object>> seen = store.one(
                    "SELECT body_sha256, dossier_id FROM idempotency WHERE kiosk_id = ? AND key = ?", c.kioskId, key);
            if (seen.isPresent()) {
                if (!bodyHash.equals(seen.get().get("body_sha256"))) {
                    throw new ApiException(422, "idempotency-key-reused", "Khóa chống gửi trùng đã dùng cho hồ sơ khác",
                            "this Idempotency-Key was used with a different body");
                }
                Map<String, Object> d = dossierRow((String) seen.get().get("dossier_id")).orElseThrow();
                return json(200, dossierView(d)).header("Idempotent-Replayed", "true")
                        .header("Location", apiUrl + "/dossiers/" + d.get("id"));
            }
            NewDossier nd = validate(body);
            String id = "d-" + randomHex(6);
            Catalogue.Fee fee = Catalogue.fee(nd.procedure, nd.copies);
            store.update("INSERT INTO dossiers (id, kiosk_id, procedure_id, agency_code, copies, fee, fee_breakdown, phone_last4,"
                            + " body, local_ref, state, created_at) VALUES (?,?,?,?,?,?,?,?,?,?, 'DRAFT', ?)",
                    id, c.kioskId, nd.procedure.id(), nd.agency.code(), nd.copies, fee.amount(), fee.breakdown(),
                    nd.phone.substring(nd.phone.length() - 4), body.toString(), nd.localReference, clock.now().toString());
            store.update("INSERT INTO idempotency (kiosk_id, key, body_sha256, dossier_id) VALUES (?,?,?,?)", c.kioskId, key, bodyHash, id);
            return json(201, dossierView(dossierRow(id).orElseThrow())).header("Location", apiUrl + "/dossiers/" + id);
        });
    }

    private record NewDossier(Catalogue.Procedure procedure, Catalogue.Agency agency, int copies, String phone, String localReference) {
    }

    /** Every problem at once, each with the JSON path of its field, so the form can mark them all. */
    private NewDossier validate(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        Catalogue.Procedure procedure = null;
        Catalogue.Agency agency = null;
        String procedureId = text(body, "procedureId", "$.procedureId", errors);
        if (procedureId != null) {
            procedure = catalogue.procedure(procedureId).orElse(null);
            if (procedure == null) {
                errors.add(new FieldError("$.procedureId", "unknown", "Thủ tục không có trong danh mục"));
            } else if (withdrawn().contains(procedureId)) {
                errors.add(new FieldError("$.procedureId", "withdrawn", "Thủ tục đã ngừng tiếp nhận trực tuyến"));
                procedure = null;
            }
        }
        String agencyCode = text(body, "agencyCode", "$.agencyCode", errors);
        if (agencyCode != null) {
            agency = catalogue.agency(agencyCode).orElse(null);
            if (agency == null) {
                errors.add(new FieldError("$.agencyCode", "unknown", "Cơ quan tiếp nhận không có trong danh mục"));
            } else if (procedure != null && !agency.procedures().contains(procedure.id())) {
                errors.add(new FieldError("$.agencyCode", "not-offered", "Cơ quan này không tiếp nhận thủ tục đã chọn"));
            }
        }
        JsonNode applicant = body.get("applicant");
        String phone = null;
        if (applicant == null || !applicant.isObject()) {
            errors.add(new FieldError("$.applicant", "required", "Thiếu thông tin người nộp"));
        } else {
            String name = text(applicant, "fullName", "$.applicant.fullName", errors);
            if (name != null && name.length() > 100) {
                errors.add(new FieldError("$.applicant.fullName", "length", "Họ tên tối đa 100 ký tự"));
            }
            String idNumber = text(applicant, "idNumber", "$.applicant.idNumber", errors);
            if (idNumber != null && !ID_NUMBER.matcher(idNumber).matches()) {
                errors.add(new FieldError("$.applicant.idNumber", "pattern", "Số định danh gồm 12 chữ số"));
            }
            phone = text(applicant, "phone", "$.applicant.phone", errors);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add(new FieldError("$.applicant.phone", "pattern", "Số điện thoại gồm 10 chữ số, bắt đầu bằng 0"));
                phone = null;
            }
            JsonNode email = applicant.get("email");
            if (email != null && !email.isNull() && !(email.isTextual() && EMAIL.matcher(email.asText()).matches())) {
                errors.add(new FieldError("$.applicant.email", "pattern", "Địa chỉ thư điện tử chưa đúng"));
            }
        }
        int copies = 1;
        JsonNode copiesNode = body.get("copies");
        if (copiesNode != null && !copiesNode.isNull()) {
            if (!copiesNode.isInt() || copiesNode.asInt() < 1 || copiesNode.asInt() > 10) {
                errors.add(new FieldError("$.copies", "range", "Số bản từ 1 đến 10"));
            } else {
                copies = copiesNode.asInt();
            }
        }
        JsonNode form = body.get("form");
        if (form != null && !form.isNull() && !form.isObject()) {
            errors.add(new FieldError("$.form", "type", "Tờ khai phải là một đối tượng JSON"));
        }
        if (!errors.isEmpty()) {
            throw Http.validation(errors);
        }
        JsonNode ref = body.get("localReference");
        return new NewDossier(procedure, agency, copies, phone, ref == null || ref.isNull() ? null : ref.asText());
    }

    Optional<Map<String, Object>> dossierRow(String id) {
        return store.one("SELECT * FROM dossiers WHERE id = ?", id);
    }

    private Map<String, Object> owned(Call c) {
        return dossierRow(c.param("id")).filter(d -> c.kioskId.equals(d.get("kiosk_id")))
                .orElseThrow(() -> Http.notFound("no such dossier for this kiosk"));
    }

    private Map<String, Object> dossierView(Map<String, Object> d) {
        String id = (String) d.get("id");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("procedureId", d.get("procedure_id"));
        m.put("agencyCode", d.get("agency_code"));
        m.put("state", d.get("state"));
        m.put("fee", fee(d));
        m.put("copies", d.get("copies"));
        m.put("localReference", d.get("local_ref"));
        m.put("createdAt", time((String) d.get("created_at")));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Map<String, Object> u : store.query("SELECT * FROM uploads WHERE dossier_id = ? ORDER BY created_at, id", id)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("uploadId", u.get("id"));
            doc.put("uploadUrl", uploadUrl(id, (String) u.get("id")));
            doc.put("type", u.get("doc_type"));
            doc.put("filename", u.get("filename"));
            doc.put("length", u.get("length"));
            doc.put("offset", u.get("offset"));
            doc.put("sha256", u.get("sha256"));
            doc.put("state", u.get("state"));
            docs.add(doc);
        }
        m.put("documents", docs);
        m.put("uploadsUrl", apiUrl + "/dossiers/" + id + "/documents");
        m.put("receipt", "SUBMITTED".equals(d.get("state")) ? receipt(refresh(d)) : null);
        return m;
    }

    private static Map<String, Object> fee(Map<String, Object> d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("amount", ((Number) d.get("fee")).longValue());
        f.put("currency", "VND");
        f.put("breakdown", d.get("fee_breakdown"));
        return f;
    }

    // ---------------------------------------------------------------- tus uploads

    private Response tusOptions(Call c) {
        return Http.empty(204).header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation").header("Tus-Max-Size", MAX_UPLOAD);
    }

    private static void requireTus(Call c) {
        if (!TUS_VERSION.equals(c.header("Tus-Resumable"))) {
            throw new ApiException(412, "tus-version", "Phiên bản tus không được hỗ trợ", "Tus-Resumable: 1.0.0 required")
                    .header("Tus-Version", TUS_VERSION);
        }
    }

    private String uploadUrl(String dossierId, String uploadId) {
        return apiUrl + "/dossiers/" + dossierId + "/documents/" + uploadId;
    }

    private Response createUpload(Call c) throws IOException {
        requireTus(c);
        Map<String, Object> d = owned(c);
        if (!"DRAFT".equals(d.get("state"))) {
            throw Http.conflict("dossier-submitted", "documents can be added only before submit");
        }
        long length;
        try {
            length = Long.parseLong(String.valueOf(c.header("Upload-Length")));
        } catch (NumberFormatException e) {
            throw Http.badRequest("upload-length", "Upload-Length header required (bytes)");
        }
        if (length < 0) {
            throw Http.badRequest("upload-length", "Upload-Length must be >= 0");
        }
        if (length > MAX_UPLOAD) {
            throw new ApiException(413, "too-large", "Tệp quá lớn", "at most " + MAX_UPLOAD + " bytes");
        }
        Map<String, String> meta = parseMetadata(c.header("Upload-Metadata"));
        Catalogue.Procedure p = catalogue.procedure((String) d.get("procedure_id")).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        String filename = meta.get("filename");
        if (filename == null || filename.isBlank()) {
            errors.add(new FieldError("$.metadata.filename", "required", "Thiếu tên tệp"));
        }
        String type = meta.get("documentType");
        if (type == null || type.isBlank()) {
            errors.add(new FieldError("$.metadata.documentType", "required", "Thiếu loại giấy tờ"));
        } else if (!p.documentTypes().contains(type)) {
            errors.add(new FieldError("$.metadata.documentType", "unknown", "Thủ tục này không có loại giấy tờ đó"));
        }
        String sha = meta.get("sha256") == null ? null : meta.get("sha256").toLowerCase(java.util.Locale.ROOT);
        if (sha == null || !SHA256.matcher(sha).matches()) {
            errors.add(new FieldError("$.metadata.sha256", "pattern", "Thiếu mã SHA-256 (64 chữ số hex)"));
        }
        if (!errors.isEmpty()) {
            throw Http.validation(errors);
        }
        String id = "u-" + randomHex(8);
        Files.createFile(uploadDir.resolve(id));
        store.update("INSERT INTO uploads (id, dossier_id, doc_type, filename, length, offset, sha256, state, created_at)"
                + " VALUES (?,?,?,?,?,0,?,'UPLOADING',?)", id, d.get("id"), type, filename, length, sha, clock.now().toString());
        if (length == 0) {
            complete(id, sha);
        }
        return Http.empty(201).header("Location", uploadUrl((String) d.get("id"), id))
                .header("Tus-Resumable", TUS_VERSION).header("Upload-Offset", 0);
    }

    static Map<String, String> parseMetadata(String header) {
        Map<String, String> m = new LinkedHashMap<>();
        if (header == null || header.isBlank()) {
            return m;
        }
        for (String pair : header.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            try {
                m.put(kv[0], kv.length < 2 ? "" : new String(Base64.getDecoder().decode(kv[1].trim()), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw Http.badRequest("upload-metadata", "Upload-Metadata value of " + kv[0] + " is not base64");
            }
        }
        return m;
    }

    private Map<String, Object> upload(Call c) {
        Map<String, Object> d = owned(c);
        return store.one("SELECT * FROM uploads WHERE id = ? AND dossier_id = ?", c.param("upload"), d.get("id"))
                .orElseThrow(() -> Http.notFound("no such upload"));
    }

    private ReentrantLock lock(String uploadId) {
        return uploadLocks.computeIfAbsent(uploadId, k -> new ReentrantLock());
    }

    private Response headUpload(Call c) {
        requireTus(c);
        Map<String, Object> u = upload(c);
        ReentrantLock lock = lock((String) u.get("id"));
        lock.lock(); // a PATCH still draining a dropped connection finishes first, so the offset is settled
        try {
            u = upload(c);
            if ("REFUSED".equals(u.get("state"))) {
                return Http.empty(410).header("Tus-Resumable", TUS_VERSION);
            }
            return Http.empty(200).header("Upload-Offset", u.get("offset")).header("Upload-Length", u.get("length"))
                    .header("Cache-Control", "no-store").header("Tus-Resumable", TUS_VERSION);
        } finally {
            lock.unlock();
        }
    }

    private Response patchUpload(Call c) throws IOException {
        requireTus(c);
        String ct = c.header("Content-Type");
        if (ct == null || !ct.trim().toLowerCase(java.util.Locale.ROOT).startsWith("application/offset+octet-stream")) {
            throw new ApiException(415, "content-type", "Sai kiểu nội dung", "Content-Type: application/offset+octet-stream required");
        }
        Map<String, Object> d = owned(c);
        if (!"DRAFT".equals(d.get("state"))) {
            throw Http.conflict("dossier-submitted", "the dossier is already submitted");
        }
        long claimed;
        try {
            claimed = Long.parseLong(String.valueOf(c.header("Upload-Offset")));
        } catch (NumberFormatException e) {
            throw Http.badRequest("upload-offset", "Upload-Offset header required");
        }
        String uploadId = upload(c).get("id").toString();
        ReentrantLock lock = lock(uploadId);
        lock.lock();
        try {
            Map<String, Object> u = upload(c);
            if ("REFUSED".equals(u.get("state"))) {
                throw new ApiException(410, "upload-refused", "Tệp đã bị từ chối", "create a new upload");
            }
            long offset = ((Number) u.get("offset")).longValue();
            long length = ((Number) u.get("length")).longValue();
            if (claimed != offset) {
                throw Http.conflict("offset-mismatch", "Upload-Offset " + claimed + " but the portal holds " + offset)
                        .header("Upload-Offset", offset).header("Tus-Resumable", TUS_VERSION);
            }
            long allowed = length - offset;
            boolean drop = c.decision.is(Faults.Kind.DROP_MID_UPLOAD);
            long limit = drop ? Math.min(allowed, c.decision.outcome().afterBytes) : allowed;
            long written = 0;
            boolean excess = false;
            IOException broken = null;
            InputStream in = c.exchange.getRequestBody();
            try (FileChannel ch = FileChannel.open(uploadDir.resolve(uploadId), StandardOpenOption.WRITE)) {
                ch.position(offset);
                byte[] buf = new byte[64 * 1024];
                try {
                    while (written < limit) {
                        int n = in.read(buf, 0, (int) Math.min(buf.length, limit - written));
                        if (n < 0) {
                            break;
                        }
                        ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                        while (bb.hasRemaining()) {
                            ch.write(bb);
                        }
                        written += n;
                    }
                    if (!drop && written == allowed) {
                        excess = in.read() >= 0;
                    }
                } catch (IOException e) {
                    broken = e; // the kiosk went away: keep what arrived, as tus expects
                }
                ch.force(false);
            }
            long newOffset = offset + written;
            store.update("UPDATE uploads SET offset = ? WHERE id = ?", newOffset, uploadId);
            if ((drop || broken != null) && newOffset == length) {
                // Every byte arrived before the cut: finish now, or the upload would wait forever for
                // a PATCH that tus clients do not send once HEAD shows the full length.
                try {
                    complete(uploadId, (String) u.get("sha256"));
                } catch (ApiException refused) {
                    // refused and removed; the next HEAD answers 410
                }
            }
            if (drop) {
                c.connectionDropped = true;
                c.exchange.close(); // no response written yet, so this closes the socket
                return null;
            }
            if (broken != null) {
                throw broken;
            }
            if (excess) {
                throw new ApiException(413, "too-large", "Nhiều byte hơn Upload-Length", "body exceeds Upload-Length")
                        .header("Upload-Offset", newOffset);
            }
            if (newOffset == length) {
                complete(uploadId, (String) u.get("sha256"));
            }
            return Http.empty(204).header("Upload-Offset", newOffset).header("Tus-Resumable", TUS_VERSION);
        } finally {
            lock.unlock();
        }
    }

    /** The last byte arrived: the file must be what the kiosk hashed, or it is refused and removed. */
    private void complete(String uploadId, String expectedSha) throws IOException {
        Path file = uploadDir.resolve(uploadId);
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        String actual = hex(md.digest());
        if (!actual.equals(expectedSha)) {
            store.update("UPDATE uploads SET state = 'REFUSED' WHERE id = ?", uploadId);
            Files.deleteIfExists(file);
            throw new ApiException(460, "checksum-mismatch", "Tệp nhận được khác tệp đã gửi",
                    "SHA-256 of the received bytes differs from the metadata; create a new upload");
        }
        store.update("UPDATE uploads SET state = 'COMPLETE' WHERE id = ?", uploadId);
    }

    /** The stored bytes of a complete upload (for tests and tools comparing what arrived). */
    Path uploadFile(String uploadId) {
        return uploadDir.resolve(uploadId);
    }

    // ---------------------------------------------------------------- submit and status

    private Response submitDossier(Call c) {
        return store.tx(() -> {
            Map<String, Object> d = owned(c);
            if ("SUBMITTED".equals(d.get("state"))) {
                return json(200, receipt(refresh(d)));
            }
            String id = (String) d.get("id");
            Catalogue.Procedure p = catalogue.procedure((String) d.get("procedure_id")).orElseThrow();
            List<Map<String, Object>> uploads = store.query("SELECT doc_type, state FROM uploads WHERE dossier_id = ?", id);
            if (uploads.stream().anyMatch(u -> "UPLOADING".equals(u.get("state")))) {
                throw Http.conflict("upload-incomplete", "an upload of this dossier is not complete");
            }
            List<FieldError> errors = new ArrayList<>();
            for (String type : p.requiredDocuments()) {
                boolean present = uploads.stream().anyMatch(u -> type.equals(u.get("doc_type")) && "COMPLETE".equals(u.get("state")));
                if (!present) {
                    errors.add(new FieldError("$.documents." + type, "required", "Thiếu giấy tờ bắt buộc"));
                }
            }
            if (!errors.isEmpty()) {
                throw Http.validation(errors);
            }
            Instant now = clock.now();
            String agency = (String) d.get("agency_code");
            String day = DAY.format(now);
            store.update("INSERT INTO sequences (agency_code, day, last) VALUES (?, ?, 1)"
                    + " ON CONFLICT(agency_code, day) DO UPDATE SET last = last + 1", agency, day);
            int seq = ((Number) store.one("SELECT last FROM sequences WHERE agency_code = ? AND day = ?", agency, day)
                    .orElseThrow().get("last")).intValue();
            String code = String.format("%s-%s-%04d", agency, day, seq);
            Schedule.Plan plan = Schedule.plan(p, now, seq);
            store.update("UPDATE dossiers SET state = 'SUBMITTED', code = ?, seq = ?, received_at = ?, due_at = ?,"
                            + " in_progress_plan = ?, done_plan = ?, status = 'RECEIVED' WHERE id = ?",
                    code, seq, now.toString(), plan.dueAt().toString(), plan.inProgressAt().toString(), plan.doneAt().toString(), id);
            store.update("INSERT INTO history (dossier_id, status, at, note) VALUES (?, 'RECEIVED', ?, ?)", id, now.toString(),
                    "Tiếp nhận hồ sơ trực tuyến");
            return json(200, receipt(dossierRow(id).orElseThrow()));
        });
    }

    private Map<String, Object> receipt(Map<String, Object> d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dossierId", d.get("id"));
        m.put("dossierCode", d.get("code"));
        m.put("receivedAt", time((String) d.get("received_at")));
        m.put("dueAt", time((String) d.get("due_at")));
        m.put("fee", fee(d));
        m.put("status", d.get("status"));
        m.put("agencyName", catalogue.agency((String) d.get("agency_code")).map(Catalogue.Agency::name).orElse(null));
        m.put("procedureName", catalogue.procedure((String) d.get("procedure_id")).map(Catalogue.Procedure::name).orElse(null));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Map<String, Object> r : store.query("SELECT doc_type, COUNT(*) AS n FROM uploads WHERE dossier_id = ? AND state = 'COMPLETE'"
                + " GROUP BY doc_type ORDER BY doc_type", d.get("id"))) {
            docs.add(Map.of("type", r.get("doc_type"), "count", r.get("n")));
        }
        m.put("documents", docs);
        return m;
    }

    /**
     * Brings a submitted dossier's status up to the training clock, writing the history steps at
     * the times they were planned for. A status forced by the trainer stays until set back to AUTO.
     */
    Map<String, Object> refresh(Map<String, Object> d) {
        if (!"SUBMITTED".equals(d.get("state")) || ((Number) d.get("forced")).intValue() != 0) {
            return d;
        }
        return store.tx(() -> {
            Instant now = clock.now();
            Instant inProgress = Instant.parse((String) d.get("in_progress_plan"));
            Instant done = Instant.parse((String) d.get("done_plan"));
            String current = (String) d.get("status");
            String id = (String) d.get("id");
            int have = rank(current);
            int target = !now.isBefore(done) ? 2 : !now.isBefore(inProgress) ? 1 : 0;
            if (target <= have) {
                return d;
            }
            if (have < 1) {
                store.update("INSERT INTO history (dossier_id, status, at, note) VALUES (?, 'IN_PROGRESS', ?, ?)",
                        id, inProgress.toString(), "Đang giải quyết");
            }
            if (target == 2) {
                store.update("INSERT INTO history (dossier_id, status, at, note) VALUES (?, 'DONE', ?, ?)",
                        id, done.toString(), "Đã có kết quả");
                store.update("UPDATE dossiers SET status = 'DONE', done_at = ? WHERE id = ?", done.toString(), id);
            } else {
                store.update("UPDATE dossiers SET status = 'IN_PROGRESS' WHERE id = ?", id);
            }
            return dossierRow(id).orElseThrow();
        });
    }

    private static int rank(String status) {
        return switch (status) {
            case "IN_PROGRESS" -> 1;
            case "DONE" -> 2;
            default -> 0;
        };
    }

    Map<String, Object> statusView(Map<String, Object> d) {
        d = refresh(d);
        Instant due = Instant.parse((String) d.get("due_at"));
        String doneAt = (String) d.get("done_at");
        boolean late = doneAt != null ? Instant.parse(doneAt).isAfter(due) : clock.now().isAfter(due);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dossierCode", d.get("code"));
        m.put("procedureId", d.get("procedure_id"));
        m.put("procedureName", catalogue.procedure((String) d.get("procedure_id")).map(Catalogue.Procedure::name).orElse(null));
        m.put("status", d.get("status"));
        m.put("receivedAt", time((String) d.get("received_at")));
        m.put("dueAt", time((String) d.get("due_at")));
        m.put("doneAt", doneAt == null ? null : time(doneAt));
        m.put("late", late);
        m.put("onTime", !late);
        m.put("resultAvailable", "DONE".equals(d.get("status")));
        m.put("paymentStatus", paymentStatus(d));
        List<Map<String, Object>> history = new ArrayList<>();
        for (Map<String, Object> h : store.query("SELECT status, at, note FROM history WHERE dossier_id = ? ORDER BY at, rowid", d.get("id"))) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("status", h.get("status"));
            e.put("at", time((String) h.get("at")));
            e.put("note", h.get("note"));
            history.add(e);
        }
        m.put("history", history);
        return m;
    }

    private String paymentStatus(Map<String, Object> d) {
        if (((Number) d.get("fee")).longValue() == 0) {
            return "NOT_DUE";
        }
        return store.one("SELECT status FROM payments WHERE dossier_id = ? ORDER BY (status = 'PAID') DESC, created_at DESC LIMIT 1", d.get("id"))
                .map(r -> (String) r.get("status")).orElse("UNPAID");
    }

    private Response getStatusByCode(Call c) {
        Map<String, Object> d = store.one("SELECT * FROM dossiers WHERE code = ? AND kiosk_id = ?", c.param("code"), c.kioskId)
                .orElseThrow(() -> Http.notFound("no dossier with this code filed by this kiosk"));
        return json(200, statusView(d));
    }

    private Response lookupDossier(Call c) throws IOException {
        JsonNode body = readJson(c);
        List<FieldError> errors = new ArrayList<>();
        String code = text(body, "dossierCode", "$.dossierCode", errors);
        String last4 = text(body, "phoneLast4", "$.phoneLast4", errors);
        if (last4 != null && !last4.matches("\\d{4}")) {
            errors.add(new FieldError("$.phoneLast4", "pattern", "Nhập 4 chữ số cuối của số điện thoại"));
        }
        if (!errors.isEmpty()) {
            throw Http.validation(errors);
        }
        // Same answer for a wrong code and a wrong phone: the lookup must not confirm that a code exists.
        Map<String, Object> d = store.one("SELECT * FROM dossiers WHERE code = ? AND phone_last4 = ?", code.trim(), last4)
                .orElseThrow(() -> Http.notFound("no dossier with this code and phone"));
        String lookupId = "l-" + randomHex(12);
        store.update("INSERT INTO lookups (id, dossier_id, expires_at_ms) VALUES (?, ?, ?)", lookupId, d.get("id"),
                System.currentTimeMillis() + LOOKUP_TTL.toMillis());
        Map<String, Object> m = statusView(d);
        m.put("lookupId", lookupId);
        return json(200, m);
    }

    private Response getLookupResult(Call c) {
        Map<String, Object> l = store.one("SELECT dossier_id, expires_at_ms FROM lookups WHERE id = ?", c.param("id"))
                .filter(r -> ((Number) r.get("expires_at_ms")).longValue() > System.currentTimeMillis())
                .orElseThrow(() -> Http.notFound("lookup unknown or expired; look the dossier up again"));
        return result(dossierRow((String) l.get("dossier_id")).orElseThrow(), c.decision);
    }

    /** The e-result, signed by the training signer; a result fault (see {@link Faults.Kind}) spoils it on purpose. */
    private Response result(Map<String, Object> d, Faults.Decision fault) {
        if (!"SUBMITTED".equals(d.get("state"))) {
            throw new ApiException(409, "result-not-ready", "Hồ sơ chưa có kết quả", "the dossier is not submitted");
        }
        d = refresh(d);
        if (!"DONE".equals(d.get("status"))) {
            throw new ApiException(409, "result-not-ready", "Hồ sơ chưa có kết quả", "status is " + d.get("status"));
        }
        String name;
        try {
            name = json.readTree((String) d.get("body")).path("applicant").path("fullName").asText("");
        } catch (JsonProcessingException e) {
            name = "";
        }
        Instant doneAt = Instant.parse((String) d.get("done_at"));
        byte[] pdf = ResultPdf.render(new ResultPdf.Content((String) d.get("code"),
                catalogue.agency((String) d.get("agency_code")).map(Catalogue.Agency::name).orElse(""),
                catalogue.procedure((String) d.get("procedure_id")).map(Catalogue.Procedure::name).orElse(""),
                name, Instant.parse((String) d.get("received_at")), doneAt, resultSigner.signerName()));
        if (!fault.is(Faults.Kind.UNSIGNED_RESULT)) {
            // Signed when it was made (the portal clock's done time), as a portal signs a result once.
            pdf = resultSigner.sign(pdf, doneAt, "Kết quả giải quyết thủ tục hành chính (tập huấn)");
        }
        if (fault.is(Faults.Kind.TAMPERED_RESULT)) {
            pdf = ResultSigner.tampered(pdf);
        } else if (fault.is(Faults.Kind.APPENDED_RESULT)) {
            pdf = ResultSigner.appended(pdf);
        }
        return new Response(200, "application/pdf", pdf)
                .header("Content-Disposition", "attachment; filename=\"" + d.get("code") + ".pdf\"");
    }

    // ---------------------------------------------------------------- payments

    private Response createPaymentIntent(Call c) {
        return store.tx(() -> {
            Map<String, Object> d = owned(c);
            if (!"SUBMITTED".equals(d.get("state"))) {
                throw Http.conflict("not-submitted", "submit the dossier first; the payment names its code");
            }
            long amount = ((Number) d.get("fee")).longValue();
            if (amount == 0) {
                throw Http.conflict("no-fee-due", "this dossier has no fee");
            }
            Optional<Map<String, Object>> existing = store.one("SELECT * FROM payments WHERE dossier_id = ? ORDER BY created_at LIMIT 1", d.get("id"));
            if (existing.isPresent()) {
                return json(200, intentView(existing.get()));
            }
            String id = createIntent(d, "PENDING");
            return json(201, intentView(store.one("SELECT * FROM payments WHERE id = ?", id).orElseThrow()));
        });
    }

    String createIntent(Map<String, Object> d, String status) {
        String purpose = ((String) d.get("code")).replaceAll("[^\\x20-\\x7e]", "");
        if (purpose.length() > 25) {
            purpose = purpose.substring(purpose.length() - 25);
        }
        String payload = VietQr.payload(VietQr.TRAINING_BIN, VietQr.TRAINING_ACCOUNT, ((Number) d.get("fee")).longValue(), purpose);
        String id = "p-" + randomHex(8);
        String now = clock.now().toString();
        store.update("INSERT INTO payments (id, dossier_id, amount, payload, purpose, status, created_at, paid_at) VALUES (?,?,?,?,?,?,?,?)",
                id, d.get("id"), d.get("fee"), payload, purpose, status, now, "PAID".equals(status) ? now : null);
        return id;
    }

    private Map<String, Object> intentView(Map<String, Object> p) {
        Map<String, Object> d = dossierRow((String) p.get("dossier_id")).orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intentId", p.get("id"));
        m.put("dossierId", d.get("id"));
        m.put("dossierCode", d.get("code"));
        m.put("amount", ((Number) p.get("amount")).longValue());
        m.put("currency", "VND");
        m.put("status", p.get("status"));
        m.put("createdAt", time((String) p.get("created_at")));
        m.put("paidAt", p.get("paid_at") == null ? null : time((String) p.get("paid_at")));
        Map<String, Object> qr = new LinkedHashMap<>();
        qr.put("payload", p.get("payload"));
        qr.put("bankBin", VietQr.TRAINING_BIN);
        qr.put("accountNumber", VietQr.TRAINING_ACCOUNT);
        qr.put("accountName", VietQr.TRAINING_ACCOUNT_NAME);
        qr.put("purpose", p.get("purpose"));
        m.put("vietqr", qr);
        return m;
    }

    private Response getPaymentIntent(Call c) {
        Map<String, Object> p = store.one("SELECT p.* FROM payments p JOIN dossiers d ON d.id = p.dossier_id WHERE p.id = ? AND d.kiosk_id = ?",
                c.param("id"), c.kioskId).orElseThrow(() -> Http.notFound("no such payment intent for this kiosk"));
        return json(200, intentView(p));
    }

    // ---------------------------------------------------------------- helpers

    private JsonNode readJson(Call c) throws IOException {
        byte[] bytes = c.exchange.getRequestBody().readNBytes(1024 * 1024 + 1);
        if (bytes.length > 1024 * 1024) {
            throw new ApiException(413, "too-large", "Yêu cầu quá lớn", "JSON bodies are limited to 1 MiB");
        }
        try {
            JsonNode n = json.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw Http.badRequest("malformed-request", "a JSON object is expected");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw Http.badRequest("malformed-request", "the body is not valid JSON");
        }
    }

    private static String text(JsonNode n, String field, String path, List<FieldError> errors) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isTextual() || v.asText().isBlank()) {
            errors.add(new FieldError(path, "required", "Trường này bắt buộc"));
            return null;
        }
        return v.asText().trim();
    }

    Response json(int status, Object body) {
        try {
            return new Response(status, "application/json", json.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String time(String instant) {
        return instant == null ? null : RFC3339.format(Instant.parse(instant));
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return hex(b);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
