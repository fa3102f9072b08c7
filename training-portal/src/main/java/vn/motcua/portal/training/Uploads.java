// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.portal.training;

import static vn.motcua.portal.training.Http.ApiException;
import static vn.motcua.portal.training.Http.FieldError;
import static vn.motcua.portal.training.Http.Response;
import static vn.motcua.portal.training.Wire.hex;
import static vn.motcua.portal.training.Wire.randomHex;
import static vn.motcua.portal.training.Wire.sha256;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import vn.motcua.portal.training.Api.Call;

/** The tus 1.0 uploads of a draft dossier's documents; the bytes go to one file per upload. */
final class Uploads {
    static final String TUS_VERSION = "1.0.0";
    static final long MAX_UPLOAD = 50L * 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Store store;
    private final PortalClock clock;
    private final Catalogue catalogue;
    private final Path uploadDir;
    private final String apiUrl;
    private final Map<String, ReentrantLock> uploadLocks = new ConcurrentHashMap<>();

    Uploads(Store store, PortalClock clock, Catalogue catalogue, Path uploadDir, String apiUrl) {
        this.store = store;
        this.clock = clock;
        this.catalogue = catalogue;
        this.uploadDir = uploadDir;
        this.apiUrl = apiUrl;
    }

    Response options(Call c) {
        return Http.empty(204).header("Tus-Resumable", TUS_VERSION).header("Tus-Version", TUS_VERSION)
                .header("Tus-Extension", "creation,termination").header("Tus-Max-Size", MAX_UPLOAD);
    }

    static void requireTus(Call c) {
        if (!TUS_VERSION.equals(c.header("Tus-Resumable"))) {
            throw new ApiException(412, "tus-version", "Phiên bản tus không được hỗ trợ", "Tus-Resumable: 1.0.0 required")
                    .header("Tus-Version", TUS_VERSION);
        }
    }

    String uploadUrl(String dossierId, String uploadId) {
        return apiUrl + "/dossiers/" + dossierId + "/documents/" + uploadId;
    }

    Response create(Call c) throws IOException {
        requireTus(c);
        Map<String, Object> d = Dossiers.owned(store, c);
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
        String key = c.header("Idempotency-Key");
        if (key != null && !Dossiers.IDEMPOTENCY_KEY.matcher(key).matches()) {
            errors.add(new FieldError("$.headers.Idempotency-Key", "pattern", "Khóa chống gửi trùng: 8–128 ký tự ASCII"));
        }
        if (!errors.isEmpty()) {
            throw Http.validation(errors);
        }
        String dossierId = (String) d.get("id");
        // Check and insert under the store's lock: a late copy of this request must find this upload, not race it.
        return store.tx(() -> {
            if (key != null) {
                Optional<Map<String, Object>> seen = store.one("SELECT * FROM uploads WHERE dossier_id = ? AND idempotency_key = ?",
                        dossierId, key);
                if (seen.isPresent()) {
                    return replay(seen.get(), type, filename, length, sha);
                }
            }
            String id = "u-" + randomHex(8);
            try {
                Files.createFile(uploadDir.resolve(id));
                store.update("INSERT INTO uploads (id, dossier_id, doc_type, filename, length, offset, sha256, state, created_at, idempotency_key)"
                        + " VALUES (?,?,?,?,?,0,?,'UPLOADING',?,?)", id, dossierId, type, filename, length, sha, clock.now().toString(), key);
                if (length == 0) {
                    complete(id, sha);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Http.empty(201).header("Location", uploadUrl(dossierId, id))
                    .header("Tus-Resumable", TUS_VERSION).header("Upload-Offset", 0);
        });
    }

    /** The upload this key made before, if the request announces the same document; else the key is misused. */
    private Response replay(Map<String, Object> u, String type, String filename, long length, String sha) {
        if (!type.equals(u.get("doc_type")) || !filename.equals(u.get("filename")) || length != ((Number) u.get("length")).longValue()
                || !sha.equals(u.get("sha256"))) {
            throw new ApiException(422, "idempotency-key-reused", "Khóa chống gửi trùng đã dùng cho giấy tờ khác",
                    "this Idempotency-Key was used for another document of this dossier");
        }
        return Http.empty(200).header("Location", uploadUrl((String) u.get("dossier_id"), (String) u.get("id")))
                .header("Tus-Resumable", TUS_VERSION).header("Upload-Offset", ((Number) u.get("offset")).longValue())
                .header("Idempotent-Replayed", "true");
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
        Map<String, Object> d = Dossiers.owned(store, c);
        return store.one("SELECT * FROM uploads WHERE id = ? AND dossier_id = ?", c.param("upload"), d.get("id"))
                .orElseThrow(() -> Http.notFound("no such upload"));
    }

    ReentrantLock lock(String uploadId) {
        return uploadLocks.computeIfAbsent(uploadId, k -> new ReentrantLock());
    }

    Response head(Call c) {
        requireTus(c);
        Map<String, Object> u = upload(c);
        ReentrantLock lock = lock((String) u.get("id"));
        lock.lock(); // a PATCH still draining a dropped connection finishes first, so the offset is settled
        try {
            u = upload(c);
            if ("REFUSED".equals(u.get("state")) || "TERMINATED".equals(u.get("state"))) {
                return Http.empty(410).header("Tus-Resumable", TUS_VERSION);
            }
            return Http.empty(200).header("Upload-Offset", u.get("offset")).header("Upload-Length", u.get("length"))
                    .header("Cache-Control", "no-store").header("Tus-Resumable", TUS_VERSION);
        } finally {
            lock.unlock();
        }
    }

    Response patch(Call c) throws IOException {
        requireTus(c);
        String ct = c.header("Content-Type");
        if (ct == null || !ct.trim().toLowerCase(java.util.Locale.ROOT).startsWith("application/offset+octet-stream")) {
            throw new ApiException(415, "content-type", "Sai kiểu nội dung", "Content-Type: application/offset+octet-stream required");
        }
        Map<String, Object> d = Dossiers.owned(store, c);
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
            if ("TERMINATED".equals(u.get("state"))) {
                throw new ApiException(410, "upload-terminated", "Tệp đã bị hủy", "the kiosk removed this upload; create a new one");
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
            // The key is freed with it: "create a new upload" must be able to use the same key.
            store.update("UPDATE uploads SET state = 'REFUSED', idempotency_key = NULL WHERE id = ?", uploadId);
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
}
