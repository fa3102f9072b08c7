package vn.motcua.kiosk.config;

import java.net.URI;
import java.util.List;

/**
 * The kiosk's configuration, as read from {@code kiosk.json}. Every key is required so that a
 * kiosk never runs on a value nobody chose; {@link ConfigLoader} names the ones that are missing.
 */
public record KioskConfig(
        String kioskId,
        Agency agency,
        Mode mode,
        Portal portal,
        Language language,
        Timeouts timeouts,
        Devices devices,
        Staff staff,
        Volunteers volunteers,
        Signing signing,
        Keyboard keyboard,
        Privacy privacy) {

    /**
     * The receiving agency; {@code provinceCode} (2 digits, as in admin-units) picks online fee
     * discounts; {@code trackingUrl} (or null) is the province portal's tracking page with
     * {@code {code}} where the dossier code goes: the receipt's QR opens it on a phone.
     */
    public record Agency(String code, String name, String provinceCode, String trackingUrl) {
        public Agency(String code, String name, String provinceCode) {
            this(code, name, provinceCode, null);
        }

    }

    /**
     * @param url the portal API, or {@code embedded:training} (training mode only): the kiosk
     *            starts its own training portal on a free loopback port
     * @param secretFile file of this folder holding the kiosk's device secret (one line)
     */
    public record Portal(URI url, String secretFile) {
        public static final URI EMBEDDED_TRAINING = URI.create("embedded:training");

        public boolean embeddedTraining() {
            return EMBEDDED_TRAINING.equals(url);
        }
    }

    /** Inactivity: warn with a countdown, then end the session and erase it. */
    public record Timeouts(Integer inactivityWarningSeconds, Integer inactivityEndSeconds) {}

    /** Device choices; {@code "auto"} lets the kiosk pick the first device it finds (the system default printer). */
    public record Devices(String scanner, String printer, ReceiptPaper receiptPaper, IdCardReader idCardReader,
                          ChipReader chipReader) {}

    /**
     * The contactless reader for the ID card's chip: the first PC/SC reader whose name holds one of
     * {@code readers} (so the signing token's reader is never used; empty: no chip reading), and
     * the CSCA certificates (PEM files of this folder) the chip's signer must chain to (empty: the
     * chip's signature is checked, its signer is not).
     */
    public record ChipReader(List<String> readers, List<String> csca) {
        public static final ChipReader NONE = new ChipReader(List.of(), List.of());
    }

    /** How ID-card QR text reaches the kiosk: a desk reader typing like a keyboard, or a serial port. */
    public record IdCardReader(ReaderType type, String serialPort) {}

    public enum ReaderType { keyboard, serial }

    /**
     * Signing: a timestamp authority makes signatures PAdES B-T ({@code null}: B-B); shuffled digits
     * on the token PIN pad keep bystanders from reading the PIN off finger positions;
     * {@code resultSigners}: PEM files of this folder with the CA certificates whose signatures on
     * e-results count (a result signed by anyone else is not printed).
     */
    public record Signing(URI tsaUrl, Boolean shuffledPinPad, List<String> resultSigners) {}

    /** The on-screen Vietnamese keyboard: tone placement on open oa/oe/uy (hòa or hoà). */
    public record Keyboard(TonePlacement tonePlacement) {}

    /**
     * Who may open the staff menu: each staff member with a name and their own PIN, so that every
     * staff action is recorded with who did it; and/or one shared PIN. PINs are salted slow hashes
     * (see {@code hash-pin}), never the PIN itself.
     *
     * @param pinHash the shared PIN, or null when every member has their own
     * @param members named staff, or null
     */
    public record Staff(String pinHash, List<Member> members) {
        /** One shared PIN, no names (a kiosk configured before staff were named). */
        public Staff(String pinHash) {
            this(pinHash, null);
        }
    }

    /**
     * The youth volunteers who help citizens at the counter: each signs in with their own PIN (the
     * header then shows who is helping) and is signed out after {@code signOutMinutes} without a
     * touch. Staff may add and remove volunteers on the kiosk too; these are the ones it ships with.
     *
     * @param members volunteers with their names and PIN hashes, or null for none
     */
    public record Volunteers(Integer signOutMinutes, List<Member> members) {}

    /** A staff member as the event log names them (a first name or a staff number), and their PIN. */
    public record Member(String name, String pinHash) {}

    /**
     * How long personal data may wait on the machine: a session interrupted by a crash or power
     * cut keeps its draft this many minutes for the volunteer to resume; parked drafts expire
     * after this many days; a dossier the portal refused, which staff neither resent nor discarded,
     * is erased after {@code refusedOutboxDays} (a tombstone without personal data stays); the
     * embedded training portal erases its dossiers after {@code trainingDossierDays} days.
     */
    public record Privacy(Integer interruptedDraftMinutes, Integer parkedDraftDays, Integer refusedOutboxDays,
            Integer trainingDossierDays) {}

    public boolean training() {
        return mode == Mode.training;
    }

    /** This configuration in training mode: the kiosk's own training portal, everything else kept. */
    public KioskConfig inTraining() {
        return new KioskConfig(kioskId, agency, Mode.training, new Portal(Portal.EMBEDDED_TRAINING, portal.secretFile()), language,
                timeouts, devices, staff, volunteers, signing, keyboard, privacy);
    }
}
