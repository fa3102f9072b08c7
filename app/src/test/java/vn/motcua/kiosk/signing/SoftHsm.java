package vn.motcua.kiosk.signing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.signing.pkcs11.TokenDiscovery;

/**
 * The SoftHSM2 tokens made by scripts/services/softhsm.sh (sourced by scripts/test-all.sh). Under
 * CI a missing set-up fails the test; on a developer's machine it skips with how to set it up.
 */
public final class SoftHsm {
    public static final String RSA = "kiosk-rsa";
    public static final String EC = "kiosk-ec";
    public static final String EXPIRED = "kiosk-expired";
    public static final String SPARE = "kiosk-spare";

    private SoftHsm() {}

    public static String lib() {
        require();
        return System.getenv("KIOSK_TEST_SOFTHSM_LIB");
    }

    public static Path dir() {
        require();
        return Path.of(System.getenv("KIOSK_TEST_SOFTHSM_DIR"));
    }

    public static char[] pin() {
        require();
        return System.getenv("KIOSK_TEST_PIN").toCharArray();
    }

    public static void require() {
        String conf = System.getenv("SOFTHSM2_CONF");
        String lib = System.getenv("KIOSK_TEST_SOFTHSM_LIB");
        String dir = System.getenv("KIOSK_TEST_SOFTHSM_DIR");
        boolean ready = conf != null && lib != null && dir != null && System.getenv("KIOSK_TEST_PIN") != null
                && Files.isRegularFile(Path.of(conf)) && Files.isRegularFile(Path.of(lib))
                && Files.isDirectory(Path.of(dir, "tokens"));
        String how = "SoftHSM test tokens not set up: run scripts/test-all.sh, or "
                + "`export KIOSK_TEST_SERVICES=$PWD/target/test-services; source scripts/services/softhsm.sh` before mvn";
        if (!ready) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how);
            }
            assumeTrue(false, how);
        }
    }

    /** The shipped catalogue with SoftHSM as the custom driver (wrong-PIN limit given by the test). */
    public static DriverCatalogue catalogue(Integer userPinTries) {
        try {
            return DriverCatalogue.load(ConfigSource.folder(Path.of("..", "kiosk-config")))
                    .withCustom("SoftHSM (test)", lib(), userPinTries);
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /** The SoftHSM tokens only (OpenSC may also be present on the machine, with no token). */
    public static List<TokenInfo> tokens(Integer userPinTries) throws DriverException {
        return new TokenDiscovery().scan(new DriverCatalogue.PresentDriver("SoftHSM (test)", lib(), userPinTries));
    }

    public static TokenInfo token(String label, Integer userPinTries) throws DriverException {
        return tokens(userPinTries).stream().filter(t -> t.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no SoftHSM token " + label));
    }
}
