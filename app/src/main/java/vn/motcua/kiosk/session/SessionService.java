package vn.motcua.kiosk.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.drafts.DraftSealer;
import vn.motcua.kiosk.drafts.ResumeCode;
import vn.motcua.kiosk.guard.AttemptLimiter;
import vn.motcua.kiosk.privacy.PrivateFiles;
import vn.motcua.kiosk.store.Draft;
import vn.motcua.kiosk.store.DraftStore;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.store.SessionStore;

/**
 * The citizen's visit from first touch to erasure: the workflow the screens drive. One session
 * at a time (one kiosk, one citizen). The screens' calls change memory and return; the disk work
 * follows at once on the session's own thread ({@link SessionDisk}): every answer is saved as a
 * draft there (keystrokes that come while a save is under way become one save of the latest), so
 * a crash or a power cut loses at most the keystrokes of one write. Ending the session forgets
 * memory at once and erases files and unparked drafts before the next session writes anything.
 * The lock guards memory only: no disk work and no key derivation is done while holding it.
 */
public final class SessionService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Wrong resume codes: five, then a minute's wait. */
    static final int RESUME_ATTEMPTS = 5;

    private final SessionStore sessions;
    private final DraftStore drafts;
    private final EventLog events;
    private final Path sessionsRoot;
    private final Clock clock;
    private final DraftSealer sealer;
    private final ParkedLabel label;
    private final AttemptLimiter resumeLimiter;
    private final SessionDisk disk = new SessionDisk();
    private KioskSession current;
    /** Sessions this process began: they end through {@link #end}, never as interrupted ones. */
    private final java.util.Set<String> begunHere = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Interrupted sessions resumed (or locked out) here: their erasure is queued, they are never offered again. */
    private final java.util.Set<String> takenUp = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The session whose save is queued and has not yet read the answers; null when none is. */
    private KioskSession saveQueued;

    public SessionService(SessionStore sessions, DraftStore drafts, EventLog events, Path sessionsRoot, Clock clock,
                          DraftSealer sealer) {
        this(sessions, drafts, events, sessionsRoot, clock, sealer, (procedure, answers) -> "");
    }

    /** @param label what a parked draft shows in a volunteer's list (the applicant's name, masked) */
    public SessionService(SessionStore sessions, DraftStore drafts, EventLog events, Path sessionsRoot, Clock clock,
                          DraftSealer sealer, ParkedLabel label) {
        this.label = label;
        this.sessions = sessions;
        this.drafts = drafts;
        this.events = events;
        this.sessionsRoot = sessionsRoot;
        this.clock = clock;
        this.sealer = sealer;
        this.resumeLimiter = new AttemptLimiter(clock, RESUME_ATTEMPTS, Duration.ofMinutes(1));
    }

    /** How a resume attempt went. */
    public sealed interface Resume {
        record Restored(Step step) implements Resume {}

        record WrongCode(int attemptsLeft) implements Resume {}

        record Locked(long secondsLeft) implements Resume {}

        /** An interrupted draft no longer there: its window passed, or it was resumed already. */
        record Gone() implements Resume {}

        /** Too many wrong birth years for an interrupted draft: locked, and the draft erased. */
        record LockedAndErased(long secondsLeft) implements Resume {}
    }

    public synchronized Optional<KioskSession> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Starts a session; it waits for consent before anything personal is taken. Its folder and
     * its record are written after whatever the disk is still doing (the last session's erasure).
     */
    public synchronized KioskSession begin() {
        if (current != null) {
            throw new IllegalStateException("a session is already open");
        }
        KioskSession session = new KioskSession(clock.instant(), sessionsRoot);
        current = session;
        begunHere.add(session.id());
        disk.execute("starting a session", () -> {
            try {
                PrivateFiles.folder(session.workFolder());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the session folder", e);
            }
            sessions.started(session.id(), session.startedAt());
            events.record(EventType.SESSION_STARTED, session.id(), null);
        });
        return session;
    }

    public synchronized void acceptConsent() {
        KioskSession s = require();
        s.consent();
        record(EventType.CONSENT_GIVEN, s.id(), null);
        autosave(s);
    }

    /** Declining ends the session at once; nothing is kept. */
    public synchronized CompletableFuture<Erasure> declineConsent() {
        KioskSession s = require();
        record(EventType.CONSENT_DECLINED, s.id(), null);
        return end(EndReason.CONSENT_DECLINED);
    }

    /** Records one answer; the draft is saved on the session's disk thread. */
    public synchronized void answer(String key, String value) {
        KioskSession s = requireConsented();
        s.answer(key, value);
        autosave(s);
    }

    /** The return date for the completed form, kept with the dossier for the receipt. */
    public synchronized void recordDueDate(LocalDate date) {
        KioskSession s = requireConsented();
        s.dueDate(date);
        autosave(s);
    }

    /** An answer that no longer exists (a removed row's last paths); saved at once. */
    public synchronized void removeAnswer(String key) {
        KioskSession s = requireConsented();
        s.forgetAnswer(key);
        autosave(s);
    }

    /** The citizen picked a procedure: the form starts afresh for it. */
    public synchronized void chooseProcedure(String procedureId) {
        KioskSession s = requireConsented();
        s.procedureId(procedureId);
        s.step(Step.APPLICANT);
        autosave(s);
    }

    /** Several answers at once (the ID-card prefill), saved in one draft write. */
    public synchronized void answerAll(Map<String, String> values) {
        KioskSession s = requireConsented();
        values.forEach(s::answer);
        autosave(s);
    }

    public synchronized void moveTo(Step step) {
        KioskSession s = requireConsented();
        s.step(step);
        autosave(s);
    }

    /**
     * "Lưu nháp": seals the answers with a new resume code and the citizen's birth year, then ends
     * the session (everything else is erased). Slow on purpose (key derivation): not on the UI thread.
     * Returns once the sealed draft is stored and the rest erased.
     */
    public ResumeCode park(int birthYear) {
        KioskSession s;
        byte[] payload;
        String listing;
        synchronized (this) {
            s = requireConsented();
            payload = payload(s);
            listing = listing(s);
        }
        for (int attempt = 0; ; attempt++) {
            ResumeCode code = ResumeCode.random();
            DraftSealer.Sealed sealed = sealer.seal(payload, code, birthYear); // outside the lock: slow
            // After the queued saves, so the draft's row exists; nothing plain is saved over it after.
            if (disk.submit(() -> sealInto(s, sealed, listing)).join()) {
                CompletableFuture<Erasure> erased;
                synchronized (this) {
                    record(EventType.DRAFT_PARKED, s.id(), null);
                    if (current != s) {
                        // The timeout ended it meanwhile (keeping the sealed draft); nobody is there for the code.
                        throw new IllegalStateException("the session ended while its draft was being sealed");
                    }
                    erased = end(EndReason.PARKED);
                }
                erased.join();
                return code;
            }
            if (attempt > 5) {
                throw new IllegalStateException("no free resume code");
            }
        }
    }

    /** On the disk thread: replaces the draft by its sealed box; false when the code is taken. */
    private boolean sealInto(KioskSession s, DraftSealer.Sealed sealed, String listing) {
        synchronized (this) {
            if (current != s) {
                throw new IllegalStateException("the session ended while its draft was being sealed");
            }
            s.park(); // from here on no save writes the plain answers
        }
        if (drafts.park(s.draftId(), sealed.lookup(), sealed.box(), listing, clock.instant())) {
            return true;
        }
        s.unpark();
        return false;
    }

    /**
     * Restores a parked draft into the current (consented) session: every answer and the step the
     * citizen was on. Wrong codes count towards a lock. Slow on purpose: not on the UI thread.
     * Returns once the restored draft is stored.
     */
    public Resume resume(ResumeCode code, int birthYear) {
        return resumeInto(s -> {
            // Key derivation and the lookup outside the lock: slow on purpose.
            Optional<Draft> parked = drafts.findParked(sealer.lookup(code, birthYear));
            Optional<byte[]> plain = parked.flatMap(d -> {
                try {
                    return Optional.of(sealer.open(d.payload(), code, birthYear));
                } catch (GeneralSecurityException e) {
                    return Optional.empty();
                }
            });
            return restore(s, parked, plain);
        });
    }

    /**
     * What both kinds of resume share: the current session must have consent, and wrong attempts
     * may have locked resuming for now. {@code open} runs outside this object's lock (it is slow);
     * the disk is flushed after it so the outcome is stored when this returns.
     */
    private Resume resumeInto(Function<KioskSession, Resume> open) {
        KioskSession s;
        synchronized (this) {
            s = requireConsented();
            long locked = resumeLimiter.lockedForSeconds();
            if (locked > 0) {
                return new Resume.Locked(locked);
            }
        }
        Resume outcome = open.apply(s);
        disk.flush();
        return outcome;
    }

    private synchronized Resume restore(KioskSession s, Optional<Draft> parked, Optional<byte[]> plain) {
        if (current != s) {
            throw new IllegalStateException("the session ended while its draft was being opened");
        }
        if (plain.isEmpty()) {
            int left = resumeLimiter.failed();
            record(EventType.DRAFT_RESUME_REFUSED, s.id(), "attemptsLeft=" + left);
            return left == 0 ? new Resume.Locked(resumeLimiter.lockedForSeconds()) : new Resume.WrongCode(left);
        }
        resumeLimiter.succeeded();
        SavedDraft saved = SavedDraft.read(plain.get());
        saved.into(s, saved.step());
        // The parked copy becomes this session's working draft again; parking anew gives a new code.
        String parkedId = parked.orElseThrow().id();
        disk.execute("deleting a resumed draft's parked copy", () -> drafts.delete(parkedId));
        autosave(s);
        record(EventType.DRAFT_RESUMED, s.id(), null);
        return new Resume.Restored(s.step());
    }

    /**
     * Sessions an earlier run left cut off, still inside {@code window}, whose answers a birth year
     * can unlock: newest first. Never this process's own sessions, nor a dossier already filed
     * (it waits in the outbox; resuming it would file it twice). Reads the database: not on the UI thread.
     */
    List<InterruptedDraft> interruptedDrafts(Duration window, BirthYearOf birthYears) {
        Instant now = clock.instant();
        List<InterruptedDraft> out = new ArrayList<>();
        for (SessionStore.Interrupted i : sessions.interrupted()) {
            if (resumable(i, now, window)) {
                workingDraft(i.id()).filter(d -> birthYears.of(d.procedureId(), d.answers()).isPresent())
                        .ifPresent(d -> out.add(new InterruptedDraft(i.id(), d.procedureId(), i.lastSaved(),
                                i.lastSaved().plus(window))));
            }
        }
        out.sort(java.util.Comparator.comparing(InterruptedDraft::lastSaved).reversed());
        return out;
    }

    /**
     * Takes an interrupted session's answers into the current (consented) session when
     * {@code birthYear} is the one its answers give; its record (draft row, folder) is then erased
     * so it cannot be resumed twice. Wrong years count on the same limiter as resume codes; as a
     * birth year alone is easy to guess, reaching the lock also erases the interrupted draft.
     * The citizen lands on the form at the latest: the papers were erased at start and are scanned
     * again. Returns once the restored draft is stored and the old record erased.
     */
    Resume resumeInterrupted(String sessionId, int birthYear, Duration window, BirthYearOf birthYears) {
        return resumeInto(s -> {
            Instant now = clock.instant();
            Optional<SavedDraft> saved = sessions.interrupted().stream()
                    .filter(i -> i.id().equals(sessionId) && resumable(i, now, window)).findFirst()
                    .flatMap(i -> workingDraft(i.id()));
            return restoreInterrupted(s, sessionId, saved, birthYear, birthYears);
        });
    }

    private synchronized Resume restoreInterrupted(KioskSession s, String sessionId, Optional<SavedDraft> saved,
                                                   int birthYear, BirthYearOf birthYears) {
        if (current != s) {
            throw new IllegalStateException("the session ended while an interrupted draft was being opened");
        }
        if (saved.isEmpty() || takenUp.contains(sessionId)) {
            return new Resume.Gone();
        }
        SavedDraft d = saved.get();
        if (birthYears.of(d.procedureId(), d.answers()).orElse(-1) != birthYear) {
            int left = resumeLimiter.failed();
            record(EventType.DRAFT_RESUME_REFUSED, s.id(), "interrupted=true attemptsLeft=" + left);
            if (left > 0) {
                return new Resume.WrongCode(left);
            }
            takenUp.add(sessionId);
            disk.execute("erasing a guessed-at interrupted draft", () -> eraseInterrupted(sessionId));
            return new Resume.LockedAndErased(resumeLimiter.lockedForSeconds());
        }
        resumeLimiter.succeeded();
        takenUp.add(sessionId);
        d.into(s, d.step().compareTo(Step.FORM) > 0 ? Step.FORM : d.step());
        // Erased before this session's first save: one copy of the answers on disk at a time.
        disk.execute("erasing a resumed interrupted draft", () -> eraseInterrupted(sessionId));
        autosave(s);
        record(EventType.INTERRUPTED_DRAFT_RESUMED, s.id(), "answers=" + d.answers().size());
        return new Resume.Restored(s.step());
    }

    /** An earlier run's session, not one of this process, last saved inside {@code window}. */
    private boolean resumable(SessionStore.Interrupted i, Instant now, Duration window) {
        synchronized (this) {
            if (current != null && current.id().equals(i.id())) {
                return false;
            }
        }
        return !begunHere.contains(i.id()) && !takenUp.contains(i.id()) && i.lastSaved().isAfter(now.minus(window));
    }

    /** The session's working draft, when it chose a procedure and was not filed yet. */
    private Optional<SavedDraft> workingDraft(String sessionId) {
        return drafts.workingDraft(sessionId).map(d -> SavedDraft.read(d.payload()))
                .filter(d -> d.procedureId() != null && d.filedAs() == null);
    }

    /** On the disk thread: an interrupted session's folder and draft go, and it is marked ended. */
    private Erasure eraseInterrupted(String sessionId) {
        Erasure erasure = erase(sessionId, sessionsRoot.resolve(sessionId), 0, false);
        sessions.ended(sessionId, clock.instant());
        events.record(EventType.INTERRUPTED_SESSION_ERASED, sessionId, erasure.detail());
        return erasure;
    }

    /** Adds a finished paper (a PDF already in the session folder) to the dossier. */
    public synchronized void addDocument(DossierDocument document) {
        KioskSession s = requireConsented();
        requireInFolder(s, document);
        List<DossierDocument> all = new ArrayList<>(s.documents());
        all.add(document);
        s.documents(all);
    }

    /**
     * The finished PDF of one paper: replaces the paper of the same type (a rescan), or joins the
     * dossier in the catalogue's order ({@code order} lists the types).
     */
    public synchronized void putDocument(DossierDocument document, List<String> order) {
        KioskSession s = requireConsented();
        requireInFolder(s, document);
        List<DossierDocument> all = new ArrayList<>(s.documents());
        all.removeIf(d -> d.type().equals(document.type()));
        all.add(document);
        all.sort(java.util.Comparator.comparingInt(d -> order.indexOf(d.type())));
        s.documents(all);
    }

    /** The citizen removed a paper; its file goes at once (it is personal), outside the lock. */
    public void removeDocument(String type) {
        List<DossierDocument> gone;
        synchronized (this) {
            KioskSession s = requireConsented();
            List<DossierDocument> all = new ArrayList<>(s.documents());
            gone = all.stream().filter(d -> d.type().equals(type)).toList();
            all.removeAll(gone);
            s.documents(all);
        }
        gone.forEach(d -> Erasing.deleteTree(d.file()));
    }

    /** "Nộp hồ sơ" stored the dossier in the outbox under this reference (saved with the draft). */
    public synchronized void filed(String localReference) {
        KioskSession s = requireConsented();
        s.filedAs(localReference);
        autosave(s);
    }

    /** Replaces the papers after signing (same order). */
    public synchronized void replaceDocuments(List<DossierDocument> signed) {
        requireConsented().documents(signed);
    }

    /**
     * Ends the open session (if any): its memory is forgotten at once; its files and unparked
     * drafts are erased on the disk thread before anything of the next session is written. The
     * future completes when the erasure has.
     */
    public synchronized CompletableFuture<Erasure> end(EndReason reason) {
        KioskSession s = current;
        if (s == null) {
            return CompletableFuture.completedFuture(new Erasure(0, 0, 0, false));
        }
        current = null;
        int answers = s.answers().size();
        boolean parked = s.parked();
        Step at = s.step();
        s.forget();
        Instant endedAt = clock.instant();
        return disk.submit(() -> {
            Erasure erasure = erase(s.id(), s.workFolder(), answers, parked);
            sessions.ended(s.id(), endedAt);
            events.record(EventType.SESSION_ERASED, s.id(), erasure.detail());
            events.record(EventType.SESSION_ENDED, s.id(), "reason=" + reason + " step=" + at);
            LOG.info("session ended ({}), {}", reason, erasure.detail());
            return erasure;
        });
    }

    /** Returns once every change so far is on disk (a save, an erasure). Not on the UI thread. */
    public void flush() {
        disk.flush();
    }

    /** Finishes the disk work asked for (an erasure is never cut short); before the database closes. */
    @Override
    public void close() {
        disk.close();
    }

    /**
     * At start-up: sessions cut off by a crash or power cut keep their draft (sealed) for
     * {@code resumeWindow}, so the citizen still at the desk can go on; older ones are erased.
     * Their folders go at once whatever their age: the papers in them are plain PDFs and images,
     * and a draft restores answers, not papers. Parked drafts past {@code parkedFor} expire.
     */
    public synchronized void sweep(Duration resumeWindow, Duration parkedFor) {
        expireDrafts(resumeWindow, parkedFor);
        eraseOrphanFolders();
    }

    /**
     * While the kiosk runs (its housekeeping): drafts of sessions an earlier run left interrupted,
     * once past {@code resumeWindow}, and parked drafts past {@code parkedFor}, are erased. On the
     * disk thread, after whatever it was doing, and never a session this process began: one that
     * just ended is erased by {@link #end}, not taken for an interrupted one. Folders are left to
     * {@link #sweep} at start (an earlier run's are gone by then; this run's belong to its sessions).
     */
    public Expired expire(Duration resumeWindow, Duration parkedFor) {
        return disk.submit(() -> expireDrafts(resumeWindow, parkedFor)).join();
    }

    private Expired expireDrafts(Duration resumeWindow, Duration parkedFor) {
        Instant now = clock.instant();
        String open;
        synchronized (this) {
            open = current == null ? null : current.id();
        }
        int interrupted = 0;
        for (SessionStore.Interrupted i : sessions.interrupted()) {
            if (i.id().equals(open) || begunHere.contains(i.id()) || i.lastSaved().isAfter(now.minus(resumeWindow))) {
                continue;
            }
            eraseInterrupted(i.id());
            interrupted++;
        }
        int parked = drafts.eraseParkedBefore(now.minus(parkedFor));
        if (parked > 0) {
            events.record(EventType.PARKED_DRAFTS_EXPIRED, null, "drafts=" + parked);
        }
        return new Expired(interrupted, parked);
    }

    /** Every session folder but the open session's. */
    private void eraseOrphanFolders() {
        if (!Files.isDirectory(sessionsRoot)) {
            return;
        }
        try (var folders = Files.list(sessionsRoot)) {
            for (Path folder : folders.toList()) {
                if (current == null || !current.id().equals(folder.getFileName().toString())) {
                    Erasing.deleteTree(folder);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not list the sessions folder: {}", e.getClass().getSimpleName());
        }
    }

    private Erasure erase(String sessionId, Path folder, int answers, boolean parked) {
        int files = Erasing.deleteTree(folder);
        int erasedDrafts = drafts.eraseUnparked(sessionId);
        return new Erasure(files, erasedDrafts, answers, parked);
    }

    /** Under the lock: one save queued per session at a time; it reads the answers when it runs. */
    private void autosave(KioskSession s) {
        if (saveQueued != s) {
            saveQueued = s;
            disk.execute("saving a draft", () -> saveLatest(s));
        }
    }

    /** On the disk thread: the session's latest answers, unless it has ended or been sealed since. */
    private void saveLatest(KioskSession s) {
        Draft latest;
        synchronized (this) {
            if (saveQueued == s) {
                saveQueued = null;
            }
            if (current != s || s.parked()) {
                return; // an ended session's draft is erased, a parked one sealed: neither is written again
            }
            latest = new Draft(s.draftId(), s.id(), s.step().name(), payload(s), false, s.nextRevision(),
                    clock.instant());
        }
        drafts.save(latest);
    }

    /** Events go to disk in order with the drafts, never on the caller's thread (the FX thread). */
    public void record(EventType type, String sessionId, String detail) {
        disk.execute("recording an event", () -> events.record(type, sessionId, detail));
    }

    /** A parked draft's line in a volunteer's list: the procedure and the masked name, nothing else. */
    private String listing(KioskSession s) {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("procedure", s.procedureId());
        listing.put("name", label.maskedName(s.procedureId(), s.answers()));
        try {
            return JSON.writeValueAsString(listing);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    private static byte[] payload(KioskSession s) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("step", s.step().name());
        payload.put("procedure", s.procedureId());
        payload.put("dueDate", s.dueDate() == null ? null : s.dueDate().toString());
        payload.put("filedAs", s.filedAs());
        payload.put("answers", s.answers());
        try {
            return JSON.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers are plain strings and always serialise", e);
        }
    }

    private static void requireInFolder(KioskSession s, DossierDocument document) {
        if (!document.file().toAbsolutePath().normalize().startsWith(s.workFolder().toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("a dossier's papers live in its session folder");
        }
    }

    private KioskSession require() {
        if (current == null) {
            throw new IllegalStateException("no session is open");
        }
        return current;
    }

    private KioskSession requireConsented() {
        KioskSession s = require();
        if (!s.consented()) {
            throw new IllegalStateException("nothing personal is taken before consent");
        }
        return s;
    }

    /** An I/O failure the kiosk cannot work around (the disk is full or read-only). */
    public static final class UncheckedIOException extends RuntimeException {
        UncheckedIOException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
