// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.ApiException;
import static vn.motcua.portal.training.Http.FieldError;
import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.hex;
import static vn.motcua.portal.training.Wire.randomHex;
import static vn.motcua.portal.training.Wire.sha256;
import static vn.motcua.portal.training.Wire.text;
import static vn.motcua.portal.training.Wire.time;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.motcua.portal.training.Api.Call;

/** POST /dossiers and GET /dossiers/{id}: a draft dossier, created once per Idempotency-Key. */
final class Dossiers {
    private static final Pattern PHONE = Pattern.compile("0\\d{9}");
    private static final Pattern ID_NUMBER = Pattern.compile("\\d{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{8,128}");

    private final Store store;
    private final PortalClock clock;
    private final Catalogue catalogue;
    private final Wire wire;
    private final String apiUrl;
    private final Listings listings;
    private final Uploads uploads;
    private final Statuses statuses;
    private final Submissions submissions;

    Dossiers(Store store, PortalClock clock, Catalogue catalogue, Wire wire, String apiUrl, Listings listings, Uploads uploads,
            Statuses statuses, Submissions submissions) {
        this.store = store;
        this.clock = clock;
        this.catalogue = catalogue;
        this.wire = wire;
        this.apiUrl = apiUrl;
        this.listings = listings;
        this.uploads = uploads;
        this.statuses = statuses;
        this.submissions = submissions;
    }

    Response get(Call c) {
        return wire.json(200, dossierView(owned(store, c)));
    }

    Response create(Call c) throws IOException {
        String key = c.header("Idempotency-Key");
        if (key == null) {
            throw Http.badRequest("idempotency-key-missing", "Idempotency-Key header required");
        }
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw Http.badRequest("idempotency-key-invalid", "Idempotency-Key: 8-128 visible ASCII characters");
        }
        JsonNode body = wire.readJson(c);
        String bodyHash = hex(sha256(wire.canonicalJson.writeValueAsBytes(wire.json.treeToValue(body, Object.class))));
        return store.tx(() -> {
            Optional<Map<String, Object>> seen = store.one(
                    "SELECT body_sha256, dossier_id FROM idempotency WHERE kiosk_id = ? AND key = ?", c.kioskId, key);
            if (seen.isPresent()) {
                if (!bodyHash.equals(seen.get().get("body_sha256"))) {
                    throw new ApiException(422, "idempotency-key-reused", "Khóa chống gửi trùng đã dùng cho hồ sơ khác",
                            "this Idempotency-Key was used with a different body");
                }
                Map<String, Object> d = store.dossier((String) seen.get().get("dossier_id")).orElseThrow();
                return wire.json(200, dossierView(d)).header("Idempotent-Replayed", "true")
                        .header("Location", apiUrl + "/dossiers/" + d.get("id"));
            }
            NewDossier nd = validate(body);
            String id = "d-" + randomHex(6);
            Catalogue.Fee fee = Catalogue.fee(nd.procedure, nd.copies);
            // stored_at_ms is the real time, for erasure; created_at the training clock's, for the citizen.
            store.update("INSERT INTO dossiers (id, kiosk_id, procedure_id, agency_code, copies, fee, fee_breakdown, phone_last4,"
                            + " body, local_ref, state, created_at, stored_at_ms) VALUES (?,?,?,?,?,?,?,?,?,?, 'DRAFT', ?, ?)",
                    id, c.kioskId, nd.procedure.id(), nd.agency.code(), nd.copies, fee.amount(), fee.breakdown(),
                    nd.phone.substring(nd.phone.length() - 4), body.toString(), nd.localReference, clock.now().toString(),
                    System.currentTimeMillis());
            store.update("INSERT INTO idempotency (kiosk_id, key, body_sha256, dossier_id) VALUES (?,?,?,?)", c.kioskId, key, bodyHash, id);
            return wire.json(201, dossierView(store.dossier(id).orElseThrow())).header("Location", apiUrl + "/dossiers/" + id);
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
            } else if (listings.withdrawn().contains(procedureId)) {
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

    static Map<String, Object> owned(Store store, Call c) {
        return store.dossier(c.param("id")).filter(d -> c.kioskId.equals(d.get("kiosk_id")))
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
        // An upload the kiosk terminated is no longer one of the dossier's documents.
        for (Map<String, Object> u : store.query("SELECT * FROM uploads WHERE dossier_id = ? AND state <> 'TERMINATED'"
                + " ORDER BY created_at, id", id)) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("uploadId", u.get("id"));
            doc.put("uploadUrl", uploads.uploadUrl(id, (String) u.get("id")));
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
        m.put("receipt", "SUBMITTED".equals(d.get("state")) ? submissions.receipt(statuses.refresh(d)) : null);
        return m;
    }

    static Map<String, Object> fee(Map<String, Object> d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("amount", ((Number) d.get("fee")).longValue());
        f.put("currency", "VND");
        f.put("breakdown", d.get("fee_breakdown"));
        return f;
    }
}
