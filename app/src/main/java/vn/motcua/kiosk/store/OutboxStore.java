// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.privacy.DataKey;

/**
 * The outbox tables. Every change is its own durable transaction, so a power cut leaves each
 * entry either before or after a step, never in between. The body (name, ID number, phone,
 * address, every answer) and the portal's words about it are sealed with the data key; the
 * {@link Entry} holds them opened.
 */
public final class OutboxStore {
    public enum State {
        /** waiting to be sent (or to be tried again after {@code nextAttemptAt}) */
        QUEUED,
        /** on the portal, with a dossier code; body and files erased */
        SENT,
        /** refused by the portal for good; staff look at {@code parkedReason} */
        PARKED
    }

    /** One dossier on its way. {@code bodyJson} is null once sent (erased). */
    public record Entry(String localRef, String procedureId, String idempotencyKey, String bodyJson, State state, String dossierId,
            String dossierCode, String receiptJson, int attempts, Instant nextAttemptAt, String lastError, String parkedReason,
            Instant createdAt, Instant updatedAt, List<Document> documents) {}

    /** What is left of a discarded entry: nothing personal. {@code reason} is the caller's word for why. */
    public record Tombstone(String localRef, String procedureId, String reason, Instant discardedAt) {}

    /** One file of an entry; {@code path} is null once erased. */
    public record Document(int position, String type, String filename, Path path, long length, String sha256, String uploadUrl,
            boolean uploaded) {}

    private final Database db;

    public OutboxStore(Database db) {
        this.db = db;
    }

    /** The key the entries are sealed with; the outbox seals their files with it too. */
    public DataKey key() {
        return db.key();
    }

    /** Writes the entry and its documents in one transaction. */
    public void add(String localRef, String procedureId, String idempotencyKey, String bodyJson, List<Document> documents, Instant now) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox(local_ref, procedure_id, idempotency_key, body_json, state,"
                    + " created_at, updated_at) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, localRef);
                ps.setString(2, procedureId);
                ps.setString(3, idempotencyKey);
                ps.setBytes(4, seal(bodyJson, "body", localRef));
                ps.setString(5, State.QUEUED.name());
                ps.setLong(6, now.toEpochMilli());
                ps.setLong(7, now.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox_documents(local_ref, position, doc_type, filename, path,"
                    + " length, sha256) VALUES (?,?,?,?,?,?,?)")) {
                for (Document d : documents) {
                    ps.setString(1, localRef);
                    ps.setInt(2, d.position());
                    ps.setString(3, d.type());
                    ps.setString(4, d.filename());
                    ps.setString(5, d.path().toString());
                    ps.setLong(6, d.length());
                    ps.setString(7, d.sha256());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public Optional<Entry> find(String localRef) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox WHERE local_ref = ?")) {
                ps.setString(1, localRef);
                return entries(c, ps).stream().findFirst();
            }
        });
    }

    /** Queued entries whose next attempt is due, oldest first. */
    public List<Entry> due(Instant now) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM outbox WHERE state = 'QUEUED' AND next_attempt_at <= ? ORDER BY created_at, local_ref")) {
                ps.setLong(1, now.toEpochMilli());
                return entries(c, ps);
            }
        });
    }

    /**
     * The entries sent to the portal since {@code from}, most recently sent first, at most
     * {@code limit}: the figures' on time / late. Their bodies are already erased, so nothing
     * personal is opened to read them.
     */
    public List<Entry> sentSince(Instant from, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox WHERE state = 'SENT' AND dossier_code IS NOT NULL"
                    + " AND updated_at >= ? ORDER BY updated_at DESC, local_ref LIMIT ?")) {
                ps.setLong(1, from.toEpochMilli());
                ps.setInt(2, limit);
                return entries(c, ps);
            }
        });
    }

    /** Sent since {@code from}, however many. */
    public int countSentSince(Instant from) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM outbox WHERE state = 'SENT' AND dossier_code IS NOT NULL AND updated_at >= ?")) {
                ps.setLong(1, from.toEpochMilli());
                try (var rs = ps.executeQuery()) {
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Every entry, newest first (the staff outbox list). */
    public List<Entry> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM outbox ORDER BY created_at DESC, local_ref")) {
                return entries(c, ps);
            }
        });
    }

    /** When the next queued entry is due, if any is queued. */
    public Optional<Instant> nextDue() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'QUEUED'");
                    ResultSet rs = ps.executeQuery()) {
                long v = rs.getLong(1);
                return rs.wasNull() ? Optional.<Instant>empty() : Optional.of(Instant.ofEpochMilli(v));
            }
        });
    }

    public int count(State state) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state = ?")) {
                ps.setString(1, state.name());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.getInt(1);
                }
            }
        });
    }

    public void dossierCreated(String localRef, String dossierId, Instant now) {
        update("UPDATE outbox SET dossier_id = ?, updated_at = ? WHERE local_ref = ?", dossierId, now.toEpochMilli(), localRef);
    }

    public void uploadUrl(String localRef, int position, String url) {
        update("UPDATE outbox_documents SET upload_url = ? WHERE local_ref = ? AND position = ?", url, localRef, position);
    }

    public void uploaded(String localRef, int position) {
        update("UPDATE outbox_documents SET uploaded = 1 WHERE local_ref = ? AND position = ?", localRef, position);
    }

    /**
     * The portal does not hold this document complete (its view says so): upload it again, from the
     * same upload when it is still there ({@code keepUrl}), else from a new one.
     */
    public void notUploaded(String localRef, int position, boolean keepUrl) {
        update("UPDATE outbox_documents SET uploaded = 0" + (keepUrl ? "" : ", upload_url = NULL") + " WHERE local_ref = ? AND position = ?",
                localRef, position);
    }

    /** Sent: keeps the code and receipt, erases the body and forgets the files (the caller deletes them). */
    public void sent(String localRef, String dossierCode, String receiptJson, Instant now) {
        db.inTransaction(c -> {
            exec(c, "UPDATE outbox SET state = 'SENT', dossier_code = ?, receipt_json = ?, body_json = NULL, last_error = NULL,"
                    + " parked_reason = NULL, updated_at = ? WHERE local_ref = ?", dossierCode, receiptJson, now.toEpochMilli(), localRef);
            exec(c, "UPDATE outbox_documents SET path = NULL WHERE local_ref = ?", localRef);
            return null;
        });
        db.eraseTraces();
    }

    /** Erases every entry, whatever its state (the training kiosk starting afresh), traces too; returns how many. */
    public int eraseAll() {
        int erased = db.inTransaction(c -> {
            exec(c, "DELETE FROM outbox_documents");
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox")) {
                return ps.executeUpdate();
            }
        });
        db.eraseTraces();
        return erased;
    }

    /** The create body completed before its first sending (the receiving agency filled in). */
    public void updateBody(String localRef, String bodyJson, Instant now) {
        update("UPDATE outbox SET body_json = ?, updated_at = ? WHERE local_ref = ? AND dossier_id IS NULL",
                seal(bodyJson, "body", localRef), now.toEpochMilli(), localRef);
    }

    /** A failure worth trying again: counts it and sets when. */
    public void failed(String localRef, String error, Instant nextAttempt, Instant now) {
        update("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, updated_at = ? WHERE local_ref = ?",
                seal(error, "error", localRef), nextAttempt.toEpochMilli(), now.toEpochMilli(), localRef);
    }

    /** Refused for good: kept with the portal's reason until staff resend or discard it. */
    public void parked(String localRef, String reason, Instant now) {
        update("UPDATE outbox SET state = 'PARKED', attempts = attempts + 1, parked_reason = ?, updated_at = ? WHERE local_ref = ?",
                seal(reason, "reason", localRef), now.toEpochMilli(), localRef);
    }

    /** Staff send a parked entry again (after the portal's problem was fixed). */
    public void requeue(String localRef, Instant now) {
        update("UPDATE outbox SET state = 'QUEUED', parked_reason = NULL, next_attempt_at = 0, updated_at = ? WHERE local_ref = ?"
                + " AND state = 'PARKED'", now.toEpochMilli(), localRef);
    }

    /**
     * Erases a refused entry — its row with the body and the portal's words, its documents' rows —
     * and leaves a {@link Tombstone} in their place, in one transaction; then empties the WAL.
     * The caller deletes the entry's files. Empty when the entry is not (or no longer) refused.
     */
    public Optional<Tombstone> discard(String localRef, String reason, Instant now) {
        Optional<Tombstone> left = db.inTransaction(c -> {
            String procedure;
            try (PreparedStatement ps = c.prepareStatement("SELECT procedure_id FROM outbox WHERE local_ref = ? AND state = 'PARKED'")) {
                ps.setString(1, localRef);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Tombstone>empty();
                    }
                    procedure = rs.getString(1);
                }
            }
            exec(c, "DELETE FROM outbox_documents WHERE local_ref = ?", localRef);
            exec(c, "DELETE FROM outbox WHERE local_ref = ?", localRef);
            exec(c, "INSERT INTO outbox_tombstones(local_ref, procedure_id, reason, discarded_at) VALUES (?,?,?,?)",
                    localRef, procedure, reason, now.toEpochMilli());
            return Optional.of(new Tombstone(localRef, procedure, reason, now));
        });
        if (left.isPresent()) {
            db.eraseTraces();
        }
        return left;
    }

    /** Refused entries refused before {@code cutoff} (their retention is over), oldest first. */
    public List<String> refusedBefore(Instant cutoff) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT local_ref FROM outbox WHERE state = 'PARKED' AND updated_at < ? ORDER BY updated_at, local_ref")) {
                ps.setLong(1, cutoff.toEpochMilli());
                List<String> refs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.add(rs.getString(1));
                    }
                }
                return refs;
            }
        });
    }

    public Optional<Tombstone> tombstone(String localRef) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT local_ref, procedure_id, reason, discarded_at FROM outbox_tombstones WHERE local_ref = ?")) {
                ps.setString(1, localRef);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Tombstone(rs.getString(1), rs.getString(2), rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)))) : Optional.<Tombstone>empty();
                }
            }
        });
    }

    /**
     * Seals what an older kiosk stored in plain text (entries still waiting when it was updated);
     * returns how many rows it sealed. The caller then scrubs the file ({@link Database#eraseTraces()}).
     */
    public int sealPlaintext() {
        return db.inTransaction(c -> {
            int sealed = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT local_ref, body_json, last_error, parked_reason FROM outbox"
                    + " WHERE typeof(body_json) = 'text' OR typeof(last_error) = 'text' OR typeof(parked_reason) = 'text'");
                    ResultSet rs = ps.executeQuery()) {
                List<Object[]> rows = new ArrayList<>();
                while (rs.next()) {
                    String ref = rs.getString(1);
                    rows.add(new Object[] {seal(rs.getString(2), "body", ref), seal(rs.getString(3), "error", ref),
                            seal(rs.getString(4), "reason", ref), ref});
                }
                for (Object[] row : rows) {
                    exec(c, "UPDATE outbox SET body_json = ?, last_error = ?, parked_reason = ? WHERE local_ref = ?", row);
                    sealed++;
                }
            }
            return sealed;
        });
    }

    private byte[] seal(String text, String what, String localRef) {
        return text == null ? null : db.key().sealText(text, "outbox-" + what + ":" + localRef);
    }

    private String open(byte[] box, String what, String localRef) {
        return box == null ? null : db.key().openText(box, "outbox-" + what + ":" + localRef);
    }

    private void update(String sql, Object... args) {
        db.inTransaction(c -> {
            exec(c, sql, args);
            return null;
        });
    }

    private static void exec(java.sql.Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    private List<Entry> entries(java.sql.Connection c, PreparedStatement ps) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String ref = rs.getString("local_ref");
                out.add(new Entry(ref, rs.getString("procedure_id"), rs.getString("idempotency_key"),
                        open(rs.getBytes("body_json"), "body", ref),
                        State.valueOf(rs.getString("state")), rs.getString("dossier_id"), rs.getString("dossier_code"),
                        rs.getString("receipt_json"), rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
                        open(rs.getBytes("last_error"), "error", ref), open(rs.getBytes("parked_reason"), "reason", ref),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        Instant.ofEpochMilli(rs.getLong("updated_at")), null));
            }
        }
        List<Entry> withDocs = new ArrayList<>(out.size());
        try (PreparedStatement ds = c.prepareStatement("SELECT * FROM outbox_documents WHERE local_ref = ? ORDER BY position")) {
            for (Entry e : out) {
                ds.setString(1, e.localRef());
                List<Document> docs = new ArrayList<>();
                try (ResultSet rs = ds.executeQuery()) {
                    while (rs.next()) {
                        String path = rs.getString("path");
                        docs.add(new Document(rs.getInt("position"), rs.getString("doc_type"), rs.getString("filename"),
                                path == null ? null : Path.of(path), rs.getLong("length"), rs.getString("sha256"), rs.getString("upload_url"),
                                rs.getInt("uploaded") == 1));
                    }
                }
                withDocs.add(new Entry(e.localRef(), e.procedureId(), e.idempotencyKey(), e.bodyJson(), e.state(), e.dossierId(),
                        e.dossierCode(), e.receiptJson(), e.attempts(), e.nextAttemptAt(), e.lastError(), e.parkedReason(), e.createdAt(),
                        e.updatedAt(), List.copyOf(docs)));
            }
        }
        return withDocs;
    }
}
