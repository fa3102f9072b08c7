package vn.motcua.kiosk.session;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import vn.motcua.kiosk.dossier.DossierDocument;

/**
 * One citizen's visit. Holds everything personal the kiosk knows about them — answers in memory,
 * scans in {@link #workFolder()} — so that ending the session can erase all of it in one place.
 * The id is random and names nobody; it is what the event log and the database refer to.
 */
public final class KioskSession {
    private final String id = UUID.randomUUID().toString();
    private final String draftId = UUID.randomUUID().toString();
    private final Instant startedAt;
    private final Path workFolder;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final List<DossierDocument> documents = new ArrayList<>();
    private String procedureId;
    private LocalDate dueDate;
    private String filedAs;
    private boolean consented;
    private boolean parked;
    private Step step = Step.CONSENT;
    private long revision;

    KioskSession(Instant startedAt, Path sessionsRoot) {
        this.startedAt = startedAt;
        this.workFolder = sessionsRoot.resolve(id);
    }

    public String id() {
        return id;
    }

    String draftId() {
        return draftId;
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** The session's private folder for scans and generated PDFs; erased with the session. */
    public Path workFolder() {
        return workFolder;
    }

    public synchronized boolean consented() {
        return consented;
    }

    synchronized void consent() {
        consented = true;
        step = Step.PROCEDURE;
    }

    /** The catalogue id of the chosen procedure, or null before the citizen chooses. */
    public synchronized String procedureId() {
        return procedureId;
    }

    synchronized void procedureId(String id) {
        procedureId = id;
    }

    /** The return date promised when the form was completed (for the receipt); null before. */
    public synchronized LocalDate dueDate() {
        return dueDate;
    }

    synchronized void dueDate(LocalDate date) {
        dueDate = date;
    }

    public synchronized Step step() {
        return step;
    }

    synchronized void step(Step next) {
        step = next;
    }

    public synchronized Map<String, String> answers() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    synchronized void answer(String key, String value) {
        answers.put(key, value);
    }

    synchronized void forgetAnswer(String key) {
        answers.remove(key);
    }

    /** The dossier's papers, in the order the catalogue lists them. */
    public synchronized List<DossierDocument> documents() {
        return List.copyOf(documents);
    }

    synchronized void documents(List<DossierDocument> replacement) {
        documents.clear();
        documents.addAll(replacement);
    }

    /** The outbox's local reference once "Nộp hồ sơ" stored the dossier; null before. */
    public synchronized String filedAs() {
        return filedAs;
    }

    synchronized void filedAs(String localReference) {
        filedAs = localReference;
    }

    synchronized long nextRevision() {
        return ++revision;
    }

    public synchronized boolean parked() {
        return parked;
    }

    synchronized void park() {
        parked = true;
    }

    /** The sealed draft could not be stored (its code was taken): the session goes on unparked. */
    synchronized void unpark() {
        parked = false;
    }

    /** Drops the in-memory personal data. */
    synchronized void forget() {
        answers.clear();
        documents.clear();
        procedureId = null;
        dueDate = null;
        filedAs = null;
    }
}
