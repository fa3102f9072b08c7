package vn.motcua.kiosk.startup;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.drafts.DraftSealer;
import vn.motcua.kiosk.session.InactivityMonitor;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.staff.PinHash;
import vn.motcua.kiosk.staff.StaffGate;
import vn.motcua.kiosk.store.Database;
import vn.motcua.kiosk.store.DraftStore;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;
import vn.motcua.kiosk.store.KioskSecrets;
import vn.motcua.kiosk.store.SessionStore;
import vn.motcua.kiosk.store.StoreException;

/**
 * The composition root: builds the core from a valid configuration and a data folder. The UI
 * gets what it needs from here — the session workflow, the staff gate — and nothing of storage.
 */
public final class KioskServices implements AutoCloseable {
    public static final String DATABASE_FILE = "kiosk.db";

    private final KioskConfig config;
    private final Clock clock;
    private final Database database;
    private final EventLog events;
    private final SessionService sessions;
    private final StaffGate staffGate;

    private KioskServices(KioskConfig config, Path dataDir, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.database = Database.open(dataDir.resolve(DATABASE_FILE));
        this.events = new EventLog(database, clock);
        DraftSealer sealer = new DraftSealer(new KioskSecrets(database).getOrCreate("parked-draft-salt", 16));
        this.sessions = new SessionService(new SessionStore(database), new DraftStore(database), events,
                dataDir.resolve("sessions"), clock, sealer);
        this.staffGate = new StaffGate(PinHash.parse(config.staff().pinHash()), clock, events);
    }

    /** Opens the database, erases what earlier runs left behind, and records the start. */
    public static KioskServices open(KioskConfig config, Path dataDir, Clock clock) {
        KioskServices services;
        try {
            services = new KioskServices(config, dataDir, clock);
        } catch (StoreException e) {
            throw new StartupFailure(dataDir.resolve(DATABASE_FILE).toString(), e);
        }
        services.sessions.sweep(Duration.ofMinutes(config.privacy().interruptedDraftMinutes()),
                Duration.ofDays(config.privacy().parkedDraftDays()));
        services.events.record(EventType.KIOSK_STARTED, null, "mode=" + config.mode());
        return services;
    }

    public KioskConfig config() {
        return config;
    }

    public SessionService sessions() {
        return sessions;
    }

    public StaffGate staffGate() {
        return staffGate;
    }

    public EventLog events() {
        return events;
    }

    /** A fresh inactivity monitor with the configured limits, for a new session. */
    public InactivityMonitor newInactivityMonitor() {
        return new InactivityMonitor(clock,
                Duration.ofSeconds(config.timeouts().inactivityWarningSeconds()),
                Duration.ofSeconds(config.timeouts().inactivityEndSeconds()));
    }

    @Override
    public void close() {
        database.close();
    }
}
