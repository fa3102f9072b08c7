package vn.motcua.kiosk.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.Language;
import vn.motcua.kiosk.config.Mode;
import vn.motcua.kiosk.config.ReceiptPaper;
import vn.motcua.kiosk.config.TonePlacement;
import vn.motcua.kiosk.staff.PinHash;

/** A kiosk core on a temporary folder, a test clock and a fast PIN hash (PIN {@value #PIN}). */
public final class TestKiosk {
    public static final String PIN = "2468";
    // Few iterations: the PIN pad tests check behaviour, not hashing cost.
    private static final String FAST_HASH = PinHash.create(PIN.toCharArray(), 1_000);
    /** The test kiosk's volunteer, Hoa. */
    public static final String VOLUNTEER_PIN = "8642";
    private static final String FAST_VOLUNTEER_HASH = PinHash.create(VOLUNTEER_PIN.toCharArray(), 1_000);

    private TestKiosk() {}

    public static KioskConfig config(Mode mode, Language language, int warnSeconds, int endSeconds) {
        return new KioskConfig("TEST-01",
                new KioskConfig.Agency("000.00.14.H56", "Bộ phận Một cửa — Sở Tư pháp (kiểm thử)", "56"),
                mode, new KioskConfig.Portal(URI.create("http://127.0.0.1:8787/api/v1"), "portal-secret.txt"), language,
                new KioskConfig.Timeouts(warnSeconds, endSeconds),
                new KioskConfig.Devices("auto", "auto", ReceiptPaper.A5,
                        new KioskConfig.IdCardReader(KioskConfig.ReaderType.keyboard, null), KioskConfig.ChipReader.NONE),
                new KioskConfig.Staff(FAST_HASH),
                new KioskConfig.Volunteers(30, List.of(new KioskConfig.Member("Hoa", FAST_VOLUNTEER_HASH))),
                new KioskConfig.Signing(null, false, List.of("result-signers/training-ca.pem")),
                new KioskConfig.Keyboard(TonePlacement.NEW), new KioskConfig.Privacy(15, 30, 14, 7));
    }

    public static KioskConfig config() {
        return config(Mode.training, Language.vi, 90, 120);
    }

    /**
     * The test kiosk talking to a (training) portal as the training kiosk does (id TAP-HUAN-01, the
     * shipped secret file), printing to {@code printer}.
     */
    public static KioskConfig withPortal(URI api, String printer) {
        KioskConfig c = config();
        return new KioskConfig("TAP-HUAN-01", c.agency(), c.mode(), new KioskConfig.Portal(api, "portal-secret.txt"), c.language(),
                c.timeouts(), new KioskConfig.Devices(c.devices().scanner(), printer, c.devices().receiptPaper(), c.devices().idCardReader(),
                        c.devices().chipReader()),
                c.staff(), c.volunteers(), c.signing(), c.keyboard(), c.privacy());
    }

    public static KioskServices open(Path dataDir, TestClock clock) {
        return open(config(), dataDir, clock);
    }

    /** As the kiosk starts: in training when staff switched this (production) configuration into it. */
    public static KioskServices openAsSwitched(KioskConfig configured, Path dataDir, TestClock clock) {
        try {
            return KioskServices.openAsSwitched(ConfigSource.embedded(), configured, dataDir, TestKeys.forFolder(dataDir), clock);
        } catch (ConfigException | DataException e) {
            throw new AssertionError("the shipped configuration must be valid", e);
        }
    }

    /** With the shipped configuration folder's other files (signing drivers). */
    public static KioskServices open(KioskConfig config, Path dataDir, TestClock clock) {
        try {
            return KioskServices.open(ConfigSource.embedded(), config, dataDir, TestKeys.forFolder(dataDir), clock);
        } catch (ConfigException | DataException e) {
            throw new AssertionError("the shipped configuration must be valid", e);
        }
    }
}
