// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.portal.Answers;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.PortalRefusedException;
import vn.motcua.kiosk.portal.Problem;
import vn.motcua.kiosk.portal.RetryPolicy;
import vn.motcua.kiosk.portal.TusUpload;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * Sends queued dossiers: create (Idempotency-Key from the entry) → upload each document (tus,
 * URLs kept in SQLite) → submit. Every step is recorded before the next, and every step is safe
 * to repeat, so a kill at any point resumes where it stopped and the portal gets each dossier once.
 * A refusal for good parks the entry with the portal's reason; anything else is tried later.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    /** What the screens hear: entries changing, bytes moving, the portal answering or not. */
    public interface Listener {
        default void changed(OutboxStore.Entry entry) {}

        default void uploading(String localRef, int document, long bytes, long total) {}

        default void online(boolean reachable) {}
    }

    /** The receiving agency for a procedure, known once the portal's agency list has been fetched. */
    public interface AgencyResolver {
        String agencyFor(String procedureId) throws PortalException;
    }

    private final Outbox outbox;
    private final OutboxStore store;
    private final AgencyResolver agencies;
    private final PortalClient client;
    private final TusUpload tus;
    private final DossierRepair repair;
    private final RetryPolicy entryBackoff;
    private final Clock clock;
    private final Listener listener;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ObjectMapper json = new ObjectMapper();
    private final Object signal = new Object();
    private volatile boolean running;
    private volatile boolean woken;
    private Thread thread;

    /**
     * @param entryBackoff how long a failed entry waits before its next attempt (grows with its attempts)
     */
    public OutboxWorker(Outbox outbox, PortalClient client, TusUpload tus, RetryPolicy entryBackoff, Clock clock, Listener listener) {
        this(outbox, client, tus, entryBackoff, clock, listener, null);
    }

    /**
     * @param agencies fills in the receiving agency of entries stored without one (filed before the
     *                 kiosk ever saw the portal's agency list); null sends bodies as stored
     */
    public OutboxWorker(Outbox outbox, PortalClient client, TusUpload tus, RetryPolicy entryBackoff, Clock clock, Listener listener,
            AgencyResolver agencies) {
        this.agencies = agencies;
        this.outbox = outbox;
        this.store = outbox.store();
        this.client = client;
        this.tus = tus;
        this.repair = new DossierRepair(store, client);
        this.entryBackoff = entryBackoff;
        this.clock = clock;
        this.listener = listener == null ? new Listener() {} : listener;
    }

    /** Starts the background thread (daemon: it never keeps the kiosk from closing). */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(() -> {
            try {
                requeueRepairable();
            } catch (RuntimeException e) {
                LOG.error("outbox: parked entries not looked at: {}", e.getClass().getName());
            }
            loop();
        }, "outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** A new entry, or the network came back: look now instead of at the next due time. */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** Sends every entry due now, once each; returns how many reached SENT. */
    public int drainOnce() throws InterruptedException {
        int sent = 0;
        for (OutboxStore.Entry e : store.due(clock.instant())) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (send(e)) {
                sent++;
            }
        }
        return sent;
    }

    private void loop() {
        while (running) {
            try {
                drainOnce();
                Duration wait = store.nextDue().map(t -> Duration.between(clock.instant(), t)).orElse(Duration.ofMinutes(1));
                long millis = Math.max(50, Math.min(wait.toMillis(), 60_000));
                synchronized (signal) {
                    if (!woken) {
                        signal.wait(millis);
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // A database or disk failure: say so and keep the thread alive for the next round. The
                // type only: a parser's message can quote the body it choked on.
                LOG.error("outbox round failed: {}", e.getClass().getName());
                sleepQuietly(5_000);
            }
        }
    }

    /** Walks one entry as far as it goes; true when it reached SENT. */
    boolean send(OutboxStore.Entry e) throws InterruptedException {
        String ref = e.localRef();
        try {
            String dossierId = e.dossierId();
            if (dossierId == null) {
                String body = withAgency(e);
                Answers.Dossier d = client.createDossier(e.idempotencyKey(), body);
                dossierId = d.id();
                store.dossierCreated(ref, dossierId, clock.instant());
            }
            // Tried before (a failure, a kill, staff's "Gửi lại"): the portal's view is read before submit.
            boolean look = e.attempts() > 0;
            Answers.SubmitReceipt receipt;
            for (int pass = 0; ; pass++) {
                uploadPending(ref, dossierId);
                if (look && repair.reconcile(ref, dossierId) > 0) {
                    uploadPending(ref, dossierId);
                }
                try {
                    receipt = client.submit(dossierId);
                    break;
                } catch (PortalRefusedException refused) {
                    if (pass > 0 || look || !repairable(refused)) {
                        throw refused;
                    }
                    look = true; // an unfinished upload or a missing document: the kiosk can mend that itself
                }
            }
            store.sent(ref, receipt.dossierCode(), json.writeValueAsString(receipt), clock.instant());
            outbox.eraseFiles(ref);
            listener.online(true);
            LOG.info("outbox {} sent as {}", ref, receipt.dossierCode());
            notifyChanged(ref);
            return true;
        } catch (PortalRefusedException refused) {
            listener.online(true);
            if (refused.status() == 401 || refused.status() == 403) {
                // The kiosk's own credentials, not this dossier: never park the whole queue for it.
                retryLater(e, refused);
            } else if (unfinishedUpload(refused)) {
                // Still an unfinished upload after the repair (one arrived meanwhile): mend it next round, never park.
                retryLater(e, refused);
            } else {
                store.parked(ref, reason(refused), clock.instant());
                LOG.warn("outbox {} parked: {}", ref, loggable(refused));
            }
        } catch (PortalException failure) {
            listener.online(failure.status() > 0);
            retryLater(e, failure);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        notifyChanged(ref);
        return false;
    }

    private void uploadPending(String ref, String dossierId) throws PortalException, InterruptedException {
        for (OutboxStore.Document doc : store.find(ref).orElseThrow().documents()) {
            if (doc.uploaded()) {
                continue;
            }
            TusUpload.Document file = new TusUpload.Document(doc.type(), doc.filename(), () -> outbox.open(ref, doc), doc.length(),
                    doc.sha256());
            tus.upload(dossierId, file, slot(ref, doc), (bytes, total) -> listener.uploading(ref, doc.position(), bytes, total));
            store.uploaded(ref, doc.position());
        }
    }

    /** A submit refusal the kiosk can mend by itself: an unfinished upload, or a document the portal lacks. */
    static boolean repairable(PortalRefusedException r) {
        return unfinishedUpload(r) || ("submitDossier".equals(r.operation()) && r.status() == 422 && !r.problem().errors().isEmpty()
                && r.problem().errors().stream().allMatch(f -> f.path() != null && f.path().startsWith("$.documents.")));
    }

    private static boolean unfinishedUpload(PortalRefusedException r) {
        return "submitDossier".equals(r.operation()) && r.status() == 409 && "upload-incomplete".equals(r.problem().kind());
    }

    /**
     * Entries parked by a kiosk from before this repair for an unfinished upload go back in the
     * queue: the kiosk mends that by itself. Their reason begins with the operation and status.
     */
    int requeueRepairable() {
        int n = 0;
        for (OutboxStore.Entry e : store.all()) {
            if (e.state() == OutboxStore.State.PARKED && e.parkedReason() != null && e.parkedReason().startsWith("submitDossier 409")) {
                store.requeue(e.localRef(), clock.instant());
                n++;
            }
        }
        if (n > 0) {
            LOG.info("{} parked entr(y/ies) with an unfinished upload queued again for repair", n);
        }
        return n;
    }

    /**
     * The body with its receiving agency. Decided once, before the first create, and stored: the
     * Idempotency-Key must always travel with the same body.
     */
    private String withAgency(OutboxStore.Entry e) throws PortalException, JsonProcessingException {
        if (agencies == null) {
            return e.bodyJson();
        }
        com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(e.bodyJson());
        if (body.hasNonNull("agencyCode")) {
            return e.bodyJson();
        }
        body.put("agencyCode", agencies.agencyFor(e.procedureId()));
        String text = json.writeValueAsString(body);
        store.updateBody(e.localRef(), text, clock.instant());
        return text;
    }

    private void retryLater(OutboxStore.Entry e, PortalException failure) {
        Duration wait = entryBackoff.delay(e.attempts() + 1, failure.retryAfter(), random);
        Instant now = clock.instant();
        store.failed(e.localRef(), failure.getMessage(), now.plus(wait), now);
        LOG.info("outbox {} not sent yet ({}); next attempt in {} s", e.localRef(), loggable(failure), wait.toSeconds());
    }

    /**
     * What a log may say of a failure: the operation, the status and the problem's kind. Never the
     * portal's title or detail, which may echo the citizen's name or ID number back (those stay
     * sealed in the outbox row for staff).
     */
    static String loggable(PortalException failure) {
        String kind = failure instanceof PortalRefusedException r ? " " + r.problem().kind() : "";
        return failure.operation() + " " + failure.status() + " " + failure.getClass().getSimpleName() + kind;
    }

    private void notifyChanged(String ref) {
        store.find(ref).ifPresent(listener::changed);
    }

    private TusUpload.UrlSlot slot(String ref, OutboxStore.Document doc) {
        return new TusUpload.UrlSlot() {
            private String url = doc.uploadUrl();

            @Override
            public Optional<String> get() {
                return Optional.ofNullable(url);
            }

            @Override
            public void put(String uploadUrl) {
                store.uploadUrl(ref, doc.position(), uploadUrl);
                url = uploadUrl;
            }

            @Override
            public void clear() {
                store.uploadUrl(ref, doc.position(), null);
                url = null;
            }
        };
    }

    /** The portal's reason in words staff can act on: title, detail and the fields it names. */
    static String reason(PortalRefusedException e) {
        Problem p = e.problem();
        StringBuilder b = new StringBuilder().append(e.operation()).append(" ").append(p.status());
        if (p.title() != null) {
            b.append(": ").append(p.title());
        }
        if (p.detail() != null) {
            b.append(" — ").append(p.detail());
        }
        if (!p.errors().isEmpty()) {
            b.append(" [").append(p.errors().stream().map(f -> f.path() + ": " + f.message()).collect(Collectors.joining("; "))).append("]");
        }
        return b.toString();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
