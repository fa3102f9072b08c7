// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.identity.chip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import net.sf.scuba.smartcards.CardService;
import net.sf.scuba.smartcards.CardServiceException;
import org.jmrtd.BACKey;
import org.jmrtd.PassportService;
import org.jmrtd.lds.CardAccessFile;
import org.jmrtd.lds.PACEInfo;
import org.jmrtd.lds.SecurityInfo;
import org.jmrtd.lds.icao.COMFile;
import org.jmrtd.lds.icao.DG2File;
import org.jmrtd.lds.iso19794.FaceImageInfo;
import org.jmrtd.lds.iso19794.FaceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chip read through PC/SC (javax.smartcardio) with JMRTD: PACE when EF.CardAccess offers it,
 * else BAC, both keyed by the MRZ data the QR gave; then DG1, DG2, DG13 (and DG14 when EF.COM
 * lists it) and EF.SOD, checked by {@link PassiveAuthentication} before anything is returned.
 * The reader is the first whose name holds one of the configured fragments (kiosk.json
 * {@code devices.chipReader.readers}), so the signing token's reader is never touched.
 * Logs say which step failed, never what the card holds.
 */
public final class PcscChipReader implements ChipReader {
    private static final Logger LOG = LoggerFactory.getLogger(PcscChipReader.class);
    /**
     * JMRTD and scuba log through java.util.logging, with APDUs and file bytes in their warnings:
     * on a shared kiosk those stay silent and this class says which step failed. Held here because
     * java.util.logging keeps loggers only weakly.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.jmrtd"), java.util.logging.Logger.getLogger("net.sf.scuba"));

    static {
        QUIET.forEach(l -> l.setLevel(java.util.logging.Level.OFF));
    }
    private static final short EF_DG13 = 0x010D;
    private static final short EF_DG14 = 0x010E;
    /** How long pcscd may take to notice a card lifted mid-exchange (it polls readers about every 0.4 s). */
    private static final Duration REMOVAL_NOTICE = Duration.ofSeconds(3);

    /** Where the readers come from: a fresh PC/SC context each time (pcscd may have restarted). */
    @FunctionalInterface
    public interface Terminals {
        CardTerminals open() throws Exception;
    }

    private final Terminals terminals;
    private final List<String> readerNames;
    private final PassiveAuthentication authentication;
    private final Function<CardTerminal, CardService> connect;

    public PcscChipReader(Terminals terminals, List<String> readerNames, PassiveAuthentication authentication) {
        this(terminals, readerNames, authentication, CardService::getInstance);
    }

    /** @param connect the link to a card in a reader (the bench times the exchanges through it) */
    PcscChipReader(Terminals terminals, List<String> readerNames, PassiveAuthentication authentication,
                   Function<CardTerminal, CardService> connect) {
        this.terminals = terminals;
        this.readerNames = List.copyOf(readerNames);
        this.authentication = authentication;
        this.connect = connect;
    }

    /** The machine's PC/SC service. */
    public static PcscChipReader system(List<String> readerNames, PassiveAuthentication authentication) {
        return new PcscChipReader(() -> TerminalFactory.getInstance("PC/SC", null).terminals(), readerNames, authentication);
    }

    private Optional<CardTerminal> terminal() {
        if (readerNames.isEmpty()) {
            return Optional.empty();
        }
        try {
            for (CardTerminal t : terminals.open().list()) {
                if (readerNames.stream().anyMatch(n -> t.getName().contains(n))) {
                    return Optional.of(t);
                }
            }
        } catch (Throwable e) { // LinkageError too: no libpcsclite is "no reader", not a crash
            LOG.debug("no PC/SC readers: {}", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    @Override
    public boolean connected() {
        return terminal().isPresent();
    }

    /** The reader's PC/SC name, when one is connected (for doctor and the staff's device list). */
    public Optional<String> readerName() {
        return terminal().map(CardTerminal::getName);
    }

    @Override
    public boolean awaitCard(Duration timeout) throws ChipException {
        CardTerminal t = terminal().orElseThrow(() -> new NoChipReaderException("no contactless reader"));
        try {
            return t.waitForCardPresent(Math.max(1, timeout.toMillis()));
        } catch (CardException e) {
            throw new ReaderDroppedException("reader went away while waiting", e);
        }
    }

    @Override
    public ChipReading read(AccessKey key, Progress progress) throws ChipException {
        CardTerminal t = terminal().orElseThrow(() -> new NoChipReaderException("no contactless reader"));
        PassportService service = null;
        String step = "connect";
        try {
            progress.at(Step.OPENING, 0);
            service = new PassportService(connect.apply(t), PassportService.NORMAL_MAX_TRANCEIVE_LENGTH,
                    PassportService.DEFAULT_MAX_BLOCKSIZE, false, true);
            service.open();
            step = "access";
            BACKey bac = new BACKey(key.documentNumber(), key.birthDate(), key.expiryDate());
            ChipReading.Protocol protocol = pace(t, service, bac) ? ChipReading.Protocol.PACE : ChipReading.Protocol.BAC;
            service.sendSelectApplet(protocol == ChipReading.Protocol.PACE);
            if (protocol == ChipReading.Protocol.BAC) {
                try {
                    service.doBAC(bac);
                } catch (CardServiceException e) {
                    throw gone(t, e).orElseGet(() -> new AccessKeyRefusedException("BAC refused", e));
                }
            }
            progress.at(Step.OPENING, 1);

            step = "read";
            COMFile com = new COMFile(new ByteArrayInputStream(readFile(service, PassportService.EF_COM)));
            List<Integer> tags = java.util.Arrays.stream(com.getTagList()).boxed().toList();
            Map<Integer, byte[]> groups = new LinkedHashMap<>();
            List<Short> files = new java.util.ArrayList<>(List.of(PassportService.EF_DG1, PassportService.EF_DG2, EF_DG13));
            if (tags.contains(0x6E)) { // DG14's tag: chip authentication keys, hashed like the others
                files.add(EF_DG14);
            }
            for (int i = 0; i < files.size(); i++) {
                progress.at(Step.READING, (double) i / (files.size() + 1));
                groups.put(files.get(i) & 0xFF, readFile(service, files.get(i)));
            }
            progress.at(Step.READING, (double) files.size() / (files.size() + 1));
            byte[] sod = readFile(service, PassportService.EF_SOD);
            progress.at(Step.READING, 1);

            step = "check";
            progress.at(Step.CHECKING, 0);
            PassiveAuthentication.Trust trust = authentication.check(sod, groups);
            Dg13 citizen = Dg13.parse(groups.get(13));
            byte[] face = new byte[0];
            String mime = "";
            for (FaceInfo info : new DG2File(new ByteArrayInputStream(groups.get(2))).getFaceInfos()) {
                for (FaceImageInfo image : info.getFaceImageInfos()) {
                    try (InputStream in = image.getImageInputStream()) {
                        face = in.readAllBytes();
                    }
                    mime = image.getMimeType();
                    break;
                }
            }
            progress.at(Step.CHECKING, 1);
            LOG.info("chip read over {}: {}", protocol, trust);
            return new ChipReading(citizen, face, mime, trust, protocol);
        } catch (CardServiceException | IOException | RuntimeException e) {
            String failedAt = step;
            LOG.info("chip read failed at {}: {}", failedAt, e.getClass().getSimpleName());
            throw gone(t, e).orElseGet(() -> new ChipDataException("chip unreadable at " + failedAt, e));
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    /**
     * PACE with the MRZ key when EF.CardAccess offers it; false (use BAC) when it does not, or fails
     * for another reason than the key (ICAO 9303 lets a terminal fall back to BAC then). A key the
     * chip refuses (mutual authentication answered 63xx) is refused at once: trying it again over BAC
     * would only count a second failure against the card.
     */
    private boolean pace(CardTerminal t, PassportService service, BACKey key) throws ChipException {
        CardAccessFile access;
        try (InputStream in = service.getInputStream(PassportService.EF_CARD_ACCESS, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            access = new CardAccessFile(in);
        } catch (CardServiceException | IOException | RuntimeException e) {
            return false; // no EF.CardAccess: a BAC-only chip
        }
        for (SecurityInfo info : access.getSecurityInfos()) {
            if (info instanceof PACEInfo p) {
                try {
                    service.doPACE(key, p.getObjectIdentifier(), PACEInfo.toParameterSpec(p.getParameterId()), p.getParameterId());
                    return true;
                } catch (CardServiceException e) {
                    if (keyRefused(e)) {
                        throw gone(t, e).orElseGet(() -> new AccessKeyRefusedException("PACE refused", e));
                    }
                    LOG.info("PACE failed ({}), trying BAC", e.getClass().getSimpleName());
                    return false;
                } catch (RuntimeException e) {
                    LOG.info("PACE failed ({}), trying BAC", e.getClass().getSimpleName());
                    return false;
                }
            }
        }
        return false;
    }

    /** JMRTD 0.8.3 reports a wrong PACE password as step 4 (mutual authentication) failing with 63xx. */
    private static boolean keyRefused(CardServiceException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof CardServiceException s && (s.getSW() & 0xFF00) == 0x6300) {
                return true;
            }
        }
        return false;
    }

    private static byte[] readFile(PassportService service, short fid) throws CardServiceException, IOException {
        try (InputStream in = service.getInputStream(fid, PassportService.DEFAULT_MAX_BLOCKSIZE)) {
            return in.readAllBytes();
        }
    }

    /** Why a card exchange failed when the card or the reader is no longer there. */
    private Optional<ChipException> gone(CardTerminal t, Exception cause) {
        try {
            if (terminal().filter(now -> now.getName().equals(t.getName())).isEmpty()) {
                return Optional.of(new ReaderDroppedException("reader went away", cause));
            }
            if (cause instanceof CardServiceException c && c.getSW() != CardServiceException.SW_NONE
                    && c.getSW() != -1 && c.getSW() != 0) {
                return Optional.empty(); // the card answered with a status word: it is there
            }
            // pcscd learns of a lifted card at its next poll of the reader, which may come just after
            // the exchange failed: give it that long before calling the card unreadable.
            if (!t.isCardPresent() || t.waitForCardAbsent(REMOVAL_NOTICE.toMillis())) {
                return Optional.of(new CardRemovedException("card removed", cause));
            }
        } catch (CardException e) {
            return Optional.of(new ReaderDroppedException("reader went away", cause));
        }
        return Optional.empty();
    }
}
