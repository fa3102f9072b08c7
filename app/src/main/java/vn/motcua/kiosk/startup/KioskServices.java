package vn.motcua.kiosk.startup;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.documents.DocumentLimits;
import vn.motcua.kiosk.drafts.DraftSealer;
import vn.motcua.kiosk.figures.Figures;
import vn.motcua.kiosk.filing.Filing;
import vn.motcua.kiosk.help.Chime;
import vn.motcua.kiosk.help.HelpCall;
import vn.motcua.kiosk.printing.JavaxPrinter;
import vn.motcua.kiosk.privacy.DataKey;
import vn.motcua.kiosk.privacy.PrivateFiles;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.scanning.SaneScanner;
import vn.motcua.kiosk.scanning.Scanner;
import vn.motcua.kiosk.receipt.Reprints;
import vn.motcua.kiosk.retention.Housekeeping;
import vn.motcua.kiosk.session.ApplicantBirthYear;
import vn.motcua.kiosk.session.InactivityMonitor;
import vn.motcua.kiosk.session.InterruptedDrafts;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.PapersStep;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.session.SigningStep;
import vn.motcua.kiosk.sound.SampledChime;
import vn.motcua.kiosk.identity.chip.ChipReader;
import vn.motcua.kiosk.identity.chip.PassiveAuthentication;
import vn.motcua.kiosk.identity.chip.PcscChipReader;
import vn.motcua.kiosk.speech.EspeakSpeech;
import vn.motcua.kiosk.speech.Speech;
import vn.motcua.kiosk.signing.DriverCatalogue;
import vn.motcua.kiosk.signing.TrustedSigners;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.pades.PadesSigner;
import vn.motcua.kiosk.signing.pades.PadesVerifier;
import vn.motcua.kiosk.signing.pades.ResultVerifier;
import vn.motcua.kiosk.signing.pkcs11.TokenDiscovery;
import vn.motcua.kiosk.staff.PinHash;
import vn.motcua.kiosk.staff.StaffGate;
import vn.motcua.kiosk.store.VolunteerStore;
import vn.motcua.kiosk.session.ApplicantName;
import vn.motcua.kiosk.session.ParkedDrafts;
import vn.motcua.kiosk.payment.FeeArrivals;
import vn.motcua.kiosk.health.DeviceHealth;
import vn.motcua.kiosk.figures.Timeliness;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.config.ReceiptPaper;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.volunteer.VolunteerDesk;
import vn.motcua.kiosk.volunteer.Volunteers;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.DraftStore;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.store.KioskSecrets;
import vn.motcua.kiosk.store.OutboxStore;
import vn.motcua.kiosk.store.ReceiptStore;
import vn.motcua.kiosk.store.SessionStore;
import vn.motcua.kiosk.store.StoreException;
import vn.motcua.kiosk.tracking.Results;
import vn.motcua.kiosk.tracking.Tracking;

/**
 * The composition root: builds the core from a valid configuration and a data folder. The UI
 * gets what it needs from here — the session workflow, the staff gate — and nothing of storage.
 */
public final class KioskServices implements AutoCloseable {
    public static final String DATABASE_FILE = "kiosk.db";

    private final KioskConfig config;
    private final Clock clock;
    private Tracking tracking;
    private final Database database;
    private final EventLog events;
    private final SessionService sessions;
    private final InterruptedDrafts interruptedDrafts;
    private final StaffGate staffGate;
    private final SigningStep signingStep;
    private final CatalogueService catalogue;
    private final Supplier<List<TokenInfo>> tokenScan;
    private PortalLink portal;
    private volatile Supplier<Scanner> scanner;
    private volatile Supplier<Printer> printer;
    private PapersStep papers;
    private volatile List<Path> removableMedia = defaultRemovableMedia();
    private Filing filing;
    private Reprints reprints;
    private TrainingAfresh trainingAfresh;
    private Housekeeping housekeeping;
    private ResultVerifier resultVerifier;
    private volatile Chime chime = new SampledChime();
    /** espeak-ng when the PATH has it (the .deb recommends it); else silent, and no "Nghe" button. */
    private volatile Speech speech = EspeakSpeech.orNone();
    private volatile ChipReader chipReader;
    private final HelpCall helpCall;
    private final Volunteers volunteers;
    private final ParkedDrafts parkedDrafts;
    private final FeeArrivals feeArrivals;
    private final DeviceHealth health;
    private volatile TrainingSwitch trainingSwitch;
    private final VolunteerDesk volunteerDesk;

    private KioskServices(KioskConfig config, DriverCatalogue drivers, CatalogueService catalogue, Path dataDir,
                          Database database, Clock clock) {
        this.catalogue = catalogue;
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.events = new EventLog(database, clock);
        DraftSealer sealer = new DraftSealer(new KioskSecrets(database).getOrCreate("parked-draft-salt", 16));
        this.sessions = new SessionService(new SessionStore(database), new DraftStore(database), events,
                dataDir.resolve("sessions"), clock, sealer, new ApplicantName(catalogue));
        this.parkedDrafts = new ParkedDrafts(new DraftStore(database), Duration.ofDays(config.privacy().parkedDraftDays()), clock);
        this.interruptedDrafts = new InterruptedDrafts(sessions, new ApplicantBirthYear(catalogue),
                Duration.ofMinutes(config.privacy().interruptedDraftMinutes()), clock);
        List<StaffGate.Member> staff = staffMembers(config.staff());
        this.volunteers = new Volunteers(volunteerMembers(config.volunteers()), staff, new VolunteerStore(database), clock,
                PinHash.DEFAULT_ITERATIONS);
        this.staffGate = new StaffGate(staff, volunteers::members, clock, events);
        this.volunteerDesk = new VolunteerDesk(clock, Duration.ofMinutes(config.volunteers().signOutMinutes()),
                sessions::record);
        Optional<String> tsa = Optional.ofNullable(config.signing().tsaUrl()).map(URI::toString);
        // The visible signature is in Vietnamese whatever the screen's language: it is an official paper.
        this.signingStep = new SigningStep(sessions, new PadesSigner(clock, tsa, PadesSigner.AppearanceWords.VIETNAMESE),
                new PadesVerifier(), config.agency().name());
        TokenDiscovery discovery = new TokenDiscovery();
        List<DriverCatalogue.PresentDriver> present = drivers.present(DriverCatalogue.Os.current());
        this.tokenScan = () -> discovery.scan(present).tokens();
        this.scanner = () -> SaneScanner.forConfiguredScanner(config.devices().scanner());
        this.printer = () -> new JavaxPrinter(config.devices().printer());
        this.health = new DeviceHealth(() -> printer.get(),
                config.devices().receiptPaper() == ReceiptPaper.A5 ? PaperSize.A5 : PaperSize.ROLL_80MM, () -> scanner.get(), tokenScan,
                new DeviceHealth.IdCardReader(config.devices().idCardReader().type() == KioskConfig.ReaderType.serial,
                        config.devices().idCardReader().serialPort()),
                () -> portal == null ? Connectivity.State.UNKNOWN : portal.connectivity().state(), dataDir, clock);
        // Through device health, which notes when a scan or a print last worked.
        this.papers = new PapersStep(sessions, catalogue, () -> health.watch(scanner.get()), DocumentLimits.defaults(), clock);
        // Through the field, so that useChime takes effect for a call already made.
        this.feeArrivals = new FeeArrivals(clock, sessions::record, () -> sessions.current().map(KioskSession::id).orElse(null));
        this.helpCall = new HelpCall(() -> chime.ring(), clock, HelpCall.REPEAT, sessions::record,
                () -> sessions.current().map(KioskSession::id).orElse(null));
    }

    /**
     * Opens the kiosk as configured, or in training when staff switched this production kiosk into
     * training ({@link TrainingSwitch}: its own portal and data folder). {@link #config()} then
     * says which it runs.
     */
    public static KioskServices openAsSwitched(ConfigSource source, KioskConfig configured, Path dataDir, DataKey key,
            Clock clock) throws ConfigException, DataException {
        TrainingSwitch training = new TrainingSwitch(dataDir);
        KioskServices services = open(source, training.apply(configured), training.dataDir(configured), key, clock);
        services.useTrainingSwitch(training, configured);
        return services;
    }

    /**
     * Opens the database, erases what earlier runs left behind, and records the start. The
     * configuration folder's other files (signing drivers) are validated here too. {@code key}
     * seals the personal data kept in {@code dataDir} ({@link vn.motcua.kiosk.privacy.KeyFile}).
     */
    public static KioskServices open(ConfigSource source, KioskConfig config, Path dataDir, DataKey key, Clock clock)
            throws ConfigException, DataException {
        // The database opens beside the catalogue's reading: on two cores the start-up is shorter.
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(() -> openDatabase(dataDir, key),
                task -> new Thread(task, "open-database").start());
        DriverCatalogue drivers;
        CatalogueService catalogue;
        TrustedSigners resultSigners;
        TrustedSigners cscas;
        try {
            drivers = DriverCatalogue.load(source);
            catalogue = CatalogueService.load(source, clock);
            resultSigners = TrustedSigners.load(source, config.signing().resultSigners());
            cscas = TrustedSigners.load(source, "devices.chipReader.csca", config.devices().chipReader().csca());
        } catch (ConfigException | DataException | RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e;
        }
        Database database;
        try {
            database = opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof StoreException store) {
                throw new StartupFailure(dataDir.resolve(DATABASE_FILE).toString(), store);
            }
            // Another failure of the opening thread surfaces as itself, not wrapped in the future's exception.
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        KioskServices services;
        try {
            services = new KioskServices(config, drivers, catalogue, dataDir, database, clock);
        } catch (StoreException e) {
            database.close();
            throw new StartupFailure(dataDir.resolve(DATABASE_FILE).toString(), e);
        }
        try {
            services.portal = new PortalLink(config, source, services.database, dataDir, clock, catalogue::portalOffers);
            services.portal.onAgencies(catalogue::portalAgencies);
        } catch (ConfigException | RuntimeException e) {
            services.close();
            throw e;
        }
        services.filing = new Filing(services.sessions, catalogue, services.portal.outbox(), services.portal::wakeWorker, services.events,
                new Filing.Counter(config.agency().name(), config.kioskId(), config.training(), config.agency().code(),
                        config.agency().trackingUrl()),
                config.agency().provinceCode(), clock);
        services.chipReader = PcscChipReader.system(config.devices().chipReader().readers(),
                new PassiveAuthentication(cscas.authorities()));
        services.resultVerifier = new ResultVerifier(new PadesVerifier(), resultSigners, clock);
        ReceiptStore receipts = new ReceiptStore(services.database);
        services.reprints = new Reprints(receipts, ref -> services.portal.outbox().store().find(ref)
                .map(OutboxStore.Entry::dossierCode), clock);
        if (services.portal.embeddedTraining()) {
            services.trainingAfresh = new TrainingAfresh(services.portal, receipts, new DraftStore(services.database), services.events);
        }
        // At start the sessions' sweep also erases every earlier run's session folder; later runs are the housekeeping's.
        services.sessions.sweep(Duration.ofMinutes(config.privacy().interruptedDraftMinutes()),
                Duration.ofDays(config.privacy().parkedDraftDays()));
        services.housekeeping = new Housekeeping(services.reprints, services.portal.outbox(), services.sessions::expire, services.events,
                new Housekeeping.Rules(Duration.ofMinutes(config.privacy().interruptedDraftMinutes()),
                        Duration.ofDays(config.privacy().parkedDraftDays()), Duration.ofDays(config.privacy().refusedOutboxDays())),
                clock);
        services.housekeeping.runOnce();
        services.housekeeping.start();
        services.events.record(EventType.KIOSK_STARTED, null, "mode=" + config.mode());
        return services;
    }

    /** The kiosk's database, its older plain-text entries sealed and what they left scrubbed. */
    private static Database openDatabase(Path dataDir, DataKey key) {
        try {
            PrivateFiles.tightenTree(dataDir);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot make the data folder " + dataDir + " private", e);
        }
        Database database = Database.open(dataDir.resolve(DATABASE_FILE), key);
        try {
            // Dossiers an older kiosk left waiting in plain text are sealed; the file is then scrubbed.
            new OutboxStore(database).sealPlaintext();
            database.eraseTraces();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** The staff of a validated configuration: named members first, then the shared PIN. */
    static List<StaffGate.Member> staffMembers(KioskConfig.Staff staff) {
        List<StaffGate.Member> out = new java.util.ArrayList<>();
        if (staff.members() != null) {
            for (KioskConfig.Member m : staff.members()) {
                out.add(new StaffGate.Member(m.name().strip(), PinHash.parse(m.pinHash())));
            }
        }
        if (staff.pinHash() != null) {
            out.add(new StaffGate.Member(null, PinHash.parse(staff.pinHash())));
        }
        return out;
    }

    static List<StaffGate.Member> volunteerMembers(KioskConfig.Volunteers volunteers) {
        List<StaffGate.Member> out = new java.util.ArrayList<>();
        if (volunteers.members() != null) {
            for (KioskConfig.Member m : volunteers.members()) {
                out.add(new StaffGate.Member(m.name().strip(), PinHash.parse(m.pinHash()), StaffGate.Role.VOLUNTEER));
            }
        }
        return out;
    }

    public KioskConfig config() {
        return config;
    }

    public SessionService sessions() {
        return sessions;
    }

    /** Welcome's offer to take up a draft an earlier run left cut off (a crash, a power cut). */
    public InterruptedDrafts interruptedDrafts() {
        return interruptedDrafts;
    }

    public StaffGate staffGate() {
        return staffGate;
    }

    /** The counter's figures for staff, from the event log. */
    public Figures figures() {
        return new Figures(events, clock);
    }

    /** On time or late: this kiosk's sent dossiers as the portal tracks them. */
    public Timeliness timeliness() {
        return new Timeliness(portal.outbox().store(), code -> {
            PortalClient c = portal.client();
            if (c == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(c.status(code));
            } catch (PortalException e) {
                return Optional.empty();
            }
        }, clock);
    }

    /** Procedures, forms, fees, due dates and places, as shipped in the configuration folder. */
    public CatalogueService catalogue() {
        return catalogue;
    }

    /** Design step 7: signing the session's papers. */
    public SigningStep signingStep() {
        return signingStep;
    }

    /** Design step 6: the papers of the session's dossier (declaration, scans, imports). */
    public PapersStep papers() {
        return papers;
    }

    /** Design step 9: "Nộp hồ sơ" into the outbox, where the dossier is, its receipt. */
    public Filing filing() {
        return filing;
    }

    /** Where USB sticks appear: the papers screen offers files from there and nowhere else. */
    public List<Path> removableMedia() {
        return removableMedia;
    }

    /** Other folders for USB sticks (tests: a temporary folder). */
    public void useRemovableMedia(List<Path> roots) {
        removableMedia = List.copyOf(roots);
    }

    /**
     * Linux desktops mount sticks under /media/&lt;user&gt; or /run/media/&lt;user&gt;; on Windows
     * every drive but the system's is offered (sticks get the next free letter).
     */
    private static List<Path> defaultRemovableMedia() {
        if (System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
            String system = System.getenv().getOrDefault("SystemDrive", "C:");
            return java.util.stream.StreamSupport.stream(java.nio.file.FileSystems.getDefault().getRootDirectories().spliterator(), false)
                    .filter(r -> !r.toString().toUpperCase(java.util.Locale.ROOT).startsWith(system.toUpperCase(java.util.Locale.ROOT)))
                    .toList();
        }
        return List.of(Path.of("/media"), Path.of("/run/media"));
    }

    /** Retention carried out by the kiosk: at start, every ten minutes, just after midnight. */
    public Housekeeping housekeeping() {
        return housekeeping;
    }

    /** Today's receipts for staff to reprint. */
    public Reprints reprints() {
        return reprints;
    }

    /** "Bắt đầu tập huấn lại", only where the kiosk runs its own training portal. */
    public Optional<TrainingAfresh> trainingAfresh() {
        return Optional.ofNullable(trainingAfresh);
    }

    /** Another scanner than the configured one (tests: the private saned's test backend). */
    public void useScanner(Supplier<Scanner> other) {
        scanner = other;
    }

    /** The tokens plugged in now, through every driver present (what the token watcher polls). */
    public Supplier<List<TokenInfo>> tokenScan() {
        return tokenScan;
    }

    /** The outbox, the portal client and the online dot (started after the first frame). */
    public PortalLink portal() {
        return portal;
    }

    /**
     * "Nhận kết quả": the e-result through the same lookup, its signature checked against the
     * configured result signers; a refused one goes into the event log for staff.
     */
    public Results results() {
        return new Results(tracking(), resultVerifier,
                (problem, detail) -> events.record(EventType.RESULT_REFUSED, null, "problem=" + problem + " " + detail));
    }

    /** The configured printer (javax.print: CUPS here, the spooler on Windows). */
    public Printer printer() {
        return health.watch(printer.get());
    }

    /** The counter's devices for staff: states, last print and scan, test print and scan. */
    public DeviceHealth health() {
        return health;
    }

    /** The kiosk's volunteers, for staff to add and remove. */
    public Volunteers volunteers() {
        return volunteers;
    }

    public Clock clock() {
        return clock;
    }

    /** Lets staff switch training on and off on this kiosk (a production one): where the choice is kept. */
    public void useTrainingSwitch(TrainingSwitch sw, KioskConfig configured) {
        this.trainingSwitch = TrainingSwitch.offered(configured) ? sw : null;
    }

    /** The switch between training and production, or empty on a kiosk configured for training only. */
    public Optional<TrainingSwitch> trainingSwitch() {
        return Optional.ofNullable(trainingSwitch);
    }

    /** Fees the bank confirmed, announced to staff. */
    public FeeArrivals feeArrivals() {
        return feeArrivals;
    }

    /** The drafts parked here, for a signed-in volunteer's list. */
    public ParkedDrafts parkedDrafts() {
        return parkedDrafts;
    }

    /** Who is signed in to help. */
    public VolunteerDesk volunteerDesk() {
        return volunteerDesk;
    }

    /** "Cần hỗ trợ?": the chime and the waiting state until someone answers with their PIN. */
    public HelpCall helpCall() {
        return helpCall;
    }

    /** Read-aloud's engine ("Nghe"). */
    /** The contactless reader for the ID card's chip (it says when none is connected). */
    public ChipReader chipReader() {
        return chipReader;
    }

    /** Another chip reader (tests: the virtual reader only, or a stand-in that fails on cue). */
    public void useChipReader(ChipReader other) {
        chipReader = other;
    }

    public Speech speech() {
        return speech;
    }

    /** Another speech engine than espeak-ng (tests: one that records what it is asked to say). */
    public void useSpeech(Speech other) {
        speech = other;
    }

    /** Another chime than the sound card's (tests: one that counts). */
    public void useChime(Chime other) {
        chime = other;
    }

    /** Another printer than the configured one (tests: a paused queue). */
    public void usePrinter(Supplier<Printer> other) {
        printer = other;
    }

    /**
     * "Tra cứu hồ sơ" through the portal link's client (offline until it has started); a queued
     * receipt's local reference through this kiosk's outbox.
     */
    public synchronized Tracking tracking() {
        // One for the kiosk: the track and result screens share its limit on wrong digits.
        if (tracking == null) {
            tracking = new Tracking(() -> portal.client(), portal.outbox()::whereabouts, clock);
        }
        return tracking;
    }

    public EventLog events() {
        return events;
    }

    /** Runs {@code hook} on the writing thread before each database write (tests: which thread writes). */
    public void beforeEachWrite(Runnable hook) {
        database.beforeEachWrite(hook);
    }

    /** A fresh inactivity monitor with the configured limits, for a new session. */
    public InactivityMonitor newInactivityMonitor() {
        return new InactivityMonitor(clock,
                Duration.ofSeconds(config.timeouts().inactivityWarningSeconds()),
                Duration.ofSeconds(config.timeouts().inactivityEndSeconds()));
    }

    @Override
    public void close() {
        speech.stop(); // no voice goes on talking after the kiosk has closed
        if (housekeeping != null) {
            housekeeping.close(); // a retention run under way finishes before the database closes
        }
        sessions.close(); // an erasure under way finishes before the database closes
        if (portal != null) {
            portal.close();
        }
        database.close();
    }
}
