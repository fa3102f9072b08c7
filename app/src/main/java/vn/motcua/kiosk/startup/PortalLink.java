// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigProblem;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.outbox.DiscardReason;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.outbox.OutboxQueue;
import vn.motcua.kiosk.outbox.OutboxWorker;
import vn.motcua.kiosk.portal.Answers;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.RetryPolicy;
import vn.motcua.kiosk.portal.TusUpload;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.catalogue.Office;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.store.PortalCatalogueCache;
import vn.motcua.portal.training.TrainingPortal;

/**
 * The kiosk's side of the portal: the outbox (usable at once, even offline), and — once
 * {@link #start()} runs after the first frame — the client, the outbox worker, a minute-by-minute
 * probe for the online dot, and in training mode the embedded training portal.
 */
public final class PortalLink implements AutoCloseable, OutboxQueue {
    private static final Logger LOG = LoggerFactory.getLogger(PortalLink.class);
    private static final Duration PROBE_EVERY = Duration.ofSeconds(60);

    private final KioskConfig.Portal config;
    private final String kioskId;
    private final String ownAgency;
    private final String secret;
    private final Path dataDir;
    private final int trainingDossierDays;
    private final Clock clock;
    private final Outbox outbox;
    private final EventLog events;
    private final Connectivity connectivity = new Connectivity();
    private volatile PortalClient client;
    private TrainingPortal embedded;
    private OutboxWorker worker;
    private ScheduledExecutorService probe;
    private volatile String catalogueEtag;
    private volatile String agenciesEtag;
    private volatile List<Answers.PortalAgency> agencies = List.of();
    private volatile Consumer<List<Office>> agencyListener = offices -> { };
    private final PortalCatalogueCache cache;
    private final Consumer<Set<String>> offers;

    /**
     * @param offers told which procedure ids the portal accepts: at once from the cached list (if
     *               any), then after every fetch that brings a new one
     */
    PortalLink(KioskConfig config, ConfigSource source, Database database, Path dataDir, Clock clock,
            Consumer<Set<String>> offers) throws ConfigException {
        this.config = config.portal();
        this.kioskId = config.kioskId();
        this.ownAgency = config.agency().code();
        this.secret = readSecret(source, config.portal().secretFile());
        this.dataDir = dataDir;
        this.trainingDossierDays = config.privacy().trainingDossierDays();
        this.clock = clock;
        this.outbox = new Outbox(new OutboxStore(database), dataDir.resolve("outbox"), clock);
        this.events = new EventLog(database, clock);
        outbox.sweepOrphans();
        this.offers = offers;
        this.cache = new PortalCatalogueCache(database);
        cache.get(PROCEDURES).ifPresent(c -> {
            catalogueEtag = c.etag();
            applyOffers(c.body());
        });
        cache.get(AGENCIES).ifPresent(c -> {
            agenciesEtag = c.etag();
            applyAgencies(c.body());
        });
    }

    private static final String PROCEDURES = "procedures";
    private static final String AGENCIES = "agencies";

    private void applyAgencies(String body) {
        try {
            useAgencies(JSON.readValue(body, Answers.AgencyList.class).agencies());
        } catch (IOException e) {
            LOG.warn("cached agency list unreadable; dossiers go to the kiosk's own agency");
        }
    }

    private void useAgencies(List<Answers.PortalAgency> list) {
        agencies = list;
        agencyListener.accept(offices(list));
    }

    /** Told the receiving offices each time the portal's agency list is read (the cache at start, then fetches). */
    public void onAgencies(Consumer<List<Office>> listener) {
        agencyListener = listener;
        listener.accept(offices(agencies));
    }

    private static List<Office> offices(List<Answers.PortalAgency> list) {
        return list.stream().map(a -> new Office(a.code(), new Label(a.name().vi(), a.name().en() == null ? a.name().vi() : a.name().en()),
                a.provinceCode(), a.procedures())).toList();
    }

    /** For the outbox worker: the agency list is fetched first if this kiosk has never had one. */
    private String agencyForSending(String procedureId) throws PortalException {
        if (agencies.isEmpty()) {
            Answers.Fetched<Answers.AgencyList> listed = client.agencies(null);
            cache.put(AGENCIES, listed.etag(), listed.json(), clock.instant());
            useAgencies(listed.body().agencies());
            agenciesEtag = listed.etag();
        }
        return agencyFor(procedureId);
    }

    /**
     * The code of the agency that receives this procedure: the kiosk's own agency when the portal
     * lists it for the procedure (or when no list has been fetched yet), else the first agency the
     * portal lists for it. A wrong guess made offline is refused by the portal and parked for staff.
     */
    private String agencyFor(String procedureId) {
        List<Answers.PortalAgency> known = agencies;
        List<String> receiving = known.stream().filter(a -> a.procedures().contains(procedureId))
                .map(Answers.PortalAgency::code).toList();
        if (receiving.isEmpty() || receiving.contains(ownAgency)) {
            return ownAgency;
        }
        return receiving.get(0);
    }
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private void applyOffers(String body) {
        try {
            Answers.ProcedureList list = JSON.readValue(body, Answers.ProcedureList.class);
            offers.accept(list.procedures().stream().map(Answers.PortalProcedure::id)
                    .collect(Collectors.toSet()));
        } catch (IOException e) {
            LOG.warn("cached portal catalogue unreadable; every procedure stays offered");
        }
    }

    private static String readSecret(ConfigSource source, String file) throws ConfigException {
        try (InputStream in = source.open(file)) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            if (s.isEmpty()) {
                throw new ConfigException(List.of(new ConfigProblem(source.describe(file), "-",
                        ConfigProblem.Expectation.NOT_BLANK, List.of(), "")));
            }
            return s;
        } catch (IOException e) {
            throw new ConfigException(List.of(new ConfigProblem(source.describe(file), "-",
                    ConfigProblem.Expectation.FILE_PRESENT, List.of(), null)));
        }
    }

    /** Starts the embedded training portal (if configured), the worker and the probe. Off the FX thread. */
    public synchronized void start() throws IOException {
        if (client != null) {
            return;
        }
        URI api = config.url();
        if (config.embeddedTraining()) {
            embedded = TrainingPortal.start(new TrainingPortal.Options(0, dataDir.resolve("training-portal"), 1, Duration.ofMinutes(15),
                    trainingDossierDays));
            api = URI.create(embedded.apiUrl());
            LOG.info("training portal started at {} (trainer page {}/trainer)", api, embedded.baseUrl());
        }
        client = new PortalClient(new PortalClient.Endpoint(api, kioskId, secret));
        PortalClient patient = client.withPolicy(new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10)));
        worker = new OutboxWorker(outbox, patient, TusUpload.withDefaults(patient, new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(10))),
                new RetryPolicy(1, Duration.ofSeconds(5), Duration.ofMinutes(5)), clock, new OutboxWorker.Listener() {
                    @Override
                    public void online(boolean reachable) {
                        connectivity.report(reachable);
                    }

                    @Override
                    public void changed(OutboxStore.Entry entry) {
                        if (entry.state() == OutboxStore.State.SENT) {
                            // How long it waited tells the figures whether it went online at once or queued.
                            events.record(EventType.DOSSIER_SENT, null, "procedure=" + entry.procedureId() + " waitedSeconds="
                                    + java.time.Duration.between(entry.createdAt(), entry.updatedAt()).toSeconds());
                        }
                    }
                }, this::agencyForSending);
        worker.start();
        probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "portal-probe");
            t.setDaemon(true);
            return t;
        });
        probe.scheduleWithFixedDelay(this::probeOnce, 0, PROBE_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** One look at the portal (cheap: the catalogue and agencies with their ETags, usually 304s). */
    void probeOnce() {
        synchronized (probeLock) { // the scheduled probe and an explicit one never fetch twice at once
            probe();
        }
    }

    private final Object probeLock = new Object();

    private void probe() {
        PortalClient c = client;
        if (c == null) {
            return;
        }
        try {
            Answers.Fetched<Answers.ProcedureList> fetched = c.procedures(catalogueEtag);
            if (!fetched.notModified()) {
                cache.put(PROCEDURES, fetched.etag(), fetched.json(), clock.instant());
                applyOffers(fetched.json());
                LOG.info("portal catalogue updated: {} procedure(s) accepted", fetched.body().procedures().size());
            }
            catalogueEtag = fetched.etag();
            Answers.Fetched<Answers.AgencyList> listed = c.agencies(agenciesEtag);
            if (!listed.notModified()) {
                cache.put(AGENCIES, listed.etag(), listed.json(), clock.instant());
                useAgencies(listed.body().agencies());
            }
            agenciesEtag = listed.etag();
            boolean wasOffline = connectivity.state() == Connectivity.State.OFFLINE;
            connectivity.report(true);
            if (wasOffline && worker != null) {
                worker.wake(); // the network is back: send what waited
            }
        } catch (PortalException e) {
            connectivity.report(e.status() > 0);
        }
    }

    public Outbox outbox() {
        return outbox;
    }

    public Connectivity connectivity() {
        return connectivity;
    }

    /** The client once started; doctor and the status screens use it. */
    public PortalClient client() {
        return client;
    }

    @Override
    public List<Outbox.QueueItem> items() {
        return outbox.queue();
    }

    @Override
    public void discard(String localRef, DiscardReason reason) {
        outbox.discard(localRef, reason).ifPresent(t -> {
            LOG.info("outbox {} discarded by staff ({})", localRef, reason);
            events.record(EventType.OUTBOX_DISCARDED, null, "procedure=" + t.procedureId() + " reason=" + reason);
        });
    }

    @Override
    public void resend(String localRef) {
        if (outbox.resend(localRef)) {
            LOG.info("outbox {} sent again by staff", localRef);
            wakeWorker();
        }
    }

    /** Whether this kiosk runs its own training portal ({@code embedded:training}). */
    public boolean embeddedTraining() {
        return config.embeddedTraining();
    }

    /** Erases every dossier on the embedded training portal, through the portal client (not on the FX thread). */
    public void eraseTrainingPortal() throws PortalException {
        PortalClient c = client;
        if (!config.embeddedTraining() || c == null) {
            throw new IllegalStateException("no embedded training portal running");
        }
        c.eraseTrainingDossiers();
    }

    /** A new entry was stored: the worker looks now. */
    public void wakeWorker() {
        if (worker != null) {
            worker.wake();
        }
    }

    @Override
    public synchronized void close() {
        if (probe != null) {
            probe.shutdownNow();
        }
        if (worker != null) {
            worker.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }
}
