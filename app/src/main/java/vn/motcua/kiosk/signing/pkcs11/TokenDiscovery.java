package vn.motcua.kiosk.signing.pkcs11;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.signing.CertificateInfo;
import vn.motcua.kiosk.signing.DriverCatalogue.PresentDriver;
import vn.motcua.kiosk.signing.DriverException;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.TokenInfo.PinState;

/**
 * Lists the tokens of every present driver and their certificates, without a PIN. A driver that
 * fails is reported and the others are still listed: one vendor's broken driver must not hide
 * another vendor's token.
 */
public final class TokenDiscovery {
    private static final Logger LOG = LoggerFactory.getLogger(TokenDiscovery.class);

    /** Tokens found, and the drivers that could not be asked. */
    public record Result(List<TokenInfo> tokens, List<DriverException> driverProblems) {
        public Result {
            tokens = List.copyOf(tokens);
            driverProblems = List.copyOf(driverProblems);
        }
    }

    public Result scan(List<PresentDriver> drivers) {
        List<TokenInfo> tokens = new ArrayList<>();
        List<DriverException> problems = new ArrayList<>();
        for (PresentDriver d : drivers) {
            try {
                tokens.addAll(scan(d));
            } catch (DriverException e) {
                LOG.warn("PKCS#11 driver {} ({}) failed: {}", d.vendor(), d.library(), e.getMessage());
                problems.add(e);
            }
        }
        return new Result(tokens, problems);
    }

    public List<TokenInfo> scan(PresentDriver driver) throws DriverException {
        Cryptoki p11 = load(driver.library());
        List<TokenInfo> tokens = new ArrayList<>();
        try {
            for (Cryptoki.Slot slot : p11.slots()) {
                if (!slot.tokenPresent()) {
                    continue;
                }
                Cryptoki.Token t;
                try {
                    t = p11.token(slot.id());
                } catch (Cryptoki.CryptokiException e) {
                    // An empty or uninitialised slot (SoftHSM keeps one free slot) is not a problem.
                    continue;
                }
                List<CertificateInfo> certs = new ArrayList<>();
                try {
                    for (byte[] der : p11.publicCertificates(slot.id())) {
                        parse(der, certs);
                    }
                } catch (Cryptoki.CryptokiException e) {
                    LOG.debug("certificates of slot index {} not readable without PIN: {}", slot.listIndex(), e.getMessage());
                }
                tokens.add(new TokenInfo(driver.vendor(), driver.library(), slot.listIndex(), t.label(), t.manufacturer(),
                        t.model(), t.serial(), pinState(t.flags()), driver.userPinTries(), certs));
            }
        } catch (Cryptoki.CryptokiException | RuntimeException e) {
            throw new DriverException(DriverException.Kind.CRASHED, driver.library(), e);
        }
        return tokens;
    }

    /** The token's PIN flags right now (after a wrong PIN, tokens that count raise COUNT_LOW or FINAL_TRY). */
    static PinState pinState(String library, int slotListIndex) {
        try {
            Cryptoki p11 = Cryptoki.load(library);
            List<Cryptoki.Slot> slots = p11.slots();
            if (slotListIndex < slots.size()) {
                return pinState(p11.token(slots.get(slotListIndex).id()).flags());
            }
        } catch (Cryptoki.CryptokiException | RuntimeException e) {
            LOG.debug("token flags not readable: {}", e.getMessage());
        }
        return PinState.OK;
    }

    static PinState pinState(long flags) {
        if ((flags & Cryptoki.CKF_USER_PIN_LOCKED) != 0) {
            return PinState.LOCKED;
        }
        if ((flags & Cryptoki.CKF_USER_PIN_FINAL_TRY) != 0) {
            return PinState.FINAL_TRY;
        }
        return (flags & Cryptoki.CKF_USER_PIN_COUNT_LOW) != 0 ? PinState.COUNT_LOW : PinState.OK;
    }

    static Cryptoki load(String library) throws DriverException {
        if (!Files.isRegularFile(Path.of(library))) {
            throw new DriverException(DriverException.Kind.MISSING, library, null);
        }
        try {
            return Cryptoki.load(library);
        } catch (Cryptoki.CryptokiException | UnsatisfiedLinkError | RuntimeException e) {
            // A file that is not a loadable PKCS#11 library, a wrong architecture, or an init failure.
            throw new DriverException(DriverException.Kind.CRASHED, library, e);
        }
    }

    private static void parse(byte[] der, List<CertificateInfo> out) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            out.add(CertificateInfo.of(cert));
        } catch (CertificateException | ClassCastException e) {
            LOG.info("a certificate object could not be parsed: {}", e.getMessage());
        }
    }
}
