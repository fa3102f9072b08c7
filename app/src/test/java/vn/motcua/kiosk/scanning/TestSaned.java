// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.scanning;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * The private saned of scripts/services/saned.sh (SANE's test backend). Missing on CI is a
 * failure; on a developer's machine the scanning tests skip and say how to start it.
 */
public final class TestSaned {
    private TestSaned() {}

    public static InetSocketAddress address() {
        String where = System.getenv("KIOSK_TEST_SANED");
        if (where == null || where.isBlank()) {
            String why = "KIOSK_TEST_SANED is not set: run scripts/test-all.sh, or source scripts/services/saned.sh"
                    + " (with KIOSK_TEST_SERVICES set to a temp folder) before mvn";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        int colon = where.lastIndexOf(':');
        return new InetSocketAddress(where.substring(0, colon), Integer.parseInt(where.substring(colon + 1)));
    }

    /** The test backend's first virtual scanner (test:1 is its twin, left for other tests). */
    public static SaneScanner scanner() {
        return scanner(address(), "test:0");
    }

    public static SaneScanner scanner(InetSocketAddress at, String device) {
        return new SaneScanner(at, device, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
}
