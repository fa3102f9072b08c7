package vn.motcua.kiosk.signing.pkcs11;

import java.security.AuthProvider;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.login.LoginException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.signing.CertificateInfo;
import vn.motcua.kiosk.signing.DriverException;
import vn.motcua.kiosk.signing.NoSigningCertificateException;
import vn.motcua.kiosk.signing.PinLockedException;
import vn.motcua.kiosk.signing.SigningException;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.TokenInfo.PinState;
import vn.motcua.kiosk.signing.TokenRemovedException;
import vn.motcua.kiosk.signing.WrongPinException;

/**
 * One logged-in use of a token: from the PIN entry to the last document of the dossier. The PIN
 * goes to the token once and the array is wiped right after; {@link #close()} logs out.
 */
public final class TokenLogin implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLogin.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final PinAttempts ATTEMPTS = new PinAttempts();

    private final Provider provider;
    private final PrivateKey key;
    private final Certificate[] chain;
    private final CertificateInfo certificate;

    private TokenLogin(Provider provider, PrivateKey key, Certificate[] chain, CertificateInfo certificate) {
        this.provider = provider;
        this.key = key;
        this.chain = chain;
        this.certificate = certificate;
    }

    /** The kiosk-wide wrong-PIN counts (memory only). */
    public static PinAttempts attempts() {
        return ATTEMPTS;
    }

    /**
     * Logs in to the token with {@code pin} and finds the key of the certificate whose SHA-256
     * fingerprint is given. Refuses an expired or not-yet-valid certificate before asking the
     * token anything. Wipes {@code pin} in every case.
     */
    public static TokenLogin open(TokenInfo token, String fingerprint, char[] pin, Clock clock) throws SigningException {
        try {
            CertificateInfo chosen = token.certificates().stream()
                    .filter(c -> c.fingerprint().equals(fingerprint)).findFirst()
                    .orElseThrow(() -> new NoSigningCertificateException("certificate not on this token"));
            chosen.requireValid(clock);
            if (token.pinState() == PinState.LOCKED) {
                throw new PinLockedException(null);
            }
            Provider p = configure(token);
            KeyStore ks;
            try {
                ks = KeyStore.getInstance("PKCS11", p);
                ks.load(null, pin);
            } catch (Exception e) {
                throw loginFailure(token, e);
            }
            ATTEMPTS.recordGood(attemptKey(token));
            try {
                return find(ks, p, chosen);
            } catch (SigningException e) {
                new TokenLogin(p, null, new Certificate[0], chosen).close(); // log out again
                throw e;
            }
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    public Provider provider() {
        return provider;
    }

    public PrivateKey key() {
        return key;
    }

    public Certificate[] chain() {
        return chain.clone();
    }

    public CertificateInfo certificate() {
        return certificate;
    }

    @Override
    public void close() {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException | RuntimeException e) {
                // A token pulled out is already logged out.
                LOG.debug("logout: {}", e.getMessage());
            }
        }
    }

    /**
     * The library path as SunPKCS11's config reads it: a path with spaces (Windows "Program
     * Files") must be quoted, and inside quotes a backslash escapes the next character, so
     * Windows' backslashes are doubled ({@code C:\\Program Files\\…}).
     */
    static String libraryValue(String library) {
        return library.contains(" ") ? "\"" + library.replace("\\", "\\\\") + "\"" : library;
    }

    private static Provider configure(TokenInfo token) throws SigningException {
        String library = token.library();
        if (!java.nio.file.Files.isRegularFile(java.nio.file.Path.of(library))) {
            throw new DriverException(DriverException.Kind.MISSING, library, null);
        }
        String config = "--name=KioskToken" + COUNTER.incrementAndGet() + "\nlibrary=" + libraryValue(library)
                + "\nslotListIndex=" + token.slotListIndex() + "\n";
        Provider base = Security.getProvider("SunPKCS11");
        try {
            return base.configure(config);
        } catch (RuntimeException e) {
            Optional<String> ckr = Pkcs11Errors.ckr(e);
            if (ckr.isPresent() && Pkcs11Errors.isRemoval(ckr.get())
                    || String.valueOf(e.getMessage()).contains("slotListIndex")) {
                throw new TokenRemovedException(0, e);
            }
            throw new DriverException(DriverException.Kind.CRASHED, library, e);
        }
    }

    private static SigningException loginFailure(TokenInfo token, Exception e) {
        String ckr = Pkcs11Errors.ckr(e).orElse("");
        String key = attemptKey(token);
        switch (ckr) {
            case "CKR_PIN_INCORRECT", "CKR_PIN_INVALID", "CKR_PIN_LEN_RANGE" -> {
                ATTEMPTS.recordWrong(key);
                // Ask the token again: many raise COUNT_LOW / FINAL_TRY / LOCKED after a wrong PIN.
                PinState now = TokenDiscovery.pinState(token.library(), token.slotListIndex());
                if (now == PinState.LOCKED) {
                    return new PinLockedException(e);
                }
                OptionalInt left = now == PinState.FINAL_TRY ? OptionalInt.of(1)
                        : ATTEMPTS.triesLeft(key, token.userPinTries());
                LOG.info("wrong PIN on a token (slot index {}), tries left {}", token.slotListIndex(),
                        left.isPresent() ? left.getAsInt() : "unknown");
                return new WrongPinException(left, now == PinState.COUNT_LOW, e);
            }
            case "CKR_PIN_LOCKED", "CKR_PIN_EXPIRED" -> {
                return new PinLockedException(e);
            }
            default -> {
                if (Pkcs11Errors.isRemoval(ckr)) {
                    return new TokenRemovedException(0, e);
                }
                return new DriverException(DriverException.Kind.CRASHED, token.library(), e);
            }
        }
    }

    private static TokenLogin find(KeyStore ks, Provider p, CertificateInfo chosen) throws SigningException {
        try {
            for (String alias : Collections.list(ks.aliases())) {
                Certificate c = ks.getCertificate(alias);
                if (c instanceof X509Certificate x && CertificateInfo.of(x).fingerprint().equals(chosen.fingerprint())) {
                    if (!ks.isKeyEntry(alias)) {
                        break;
                    }
                    PrivateKey key = (PrivateKey) ks.getKey(alias, null);
                    Certificate[] chain = ks.getCertificateChain(alias);
                    if (chain == null || chain.length == 0) {
                        chain = new Certificate[] {x};
                    }
                    return new TokenLogin(p, key, chain, chosen);
                }
            }
        } catch (Exception e) {
            String ckr = Pkcs11Errors.ckr(e).orElse("");
            if (Pkcs11Errors.isRemoval(ckr)) {
                throw new TokenRemovedException(0, e);
            }
            throw new DriverException(DriverException.Kind.CRASHED, "keystore", e);
        }
        throw new NoSigningCertificateException("no private key for the chosen certificate");
    }

    private static String attemptKey(TokenInfo token) {
        return token.library() + "|" + token.manufacturer() + "|" + token.serial();
    }
}
