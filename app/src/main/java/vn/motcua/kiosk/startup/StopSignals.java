// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Makes a stop signal (TERM from {@code systemctl stop} or a shutdown, INT from a terminal, HUP)
 * an orderly end: the open session is ended and erased and the core closed before the JVM exits.
 * By default the JVM would exit at once, with JavaFX still drawing (its own shutdown hook then
 * races the FX thread) and the citizen's session left on disk until the next start.
 */
public final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");
    /** How long the orderly end may take before the JVM exits anyway (systemd waits 30 s). */
    private static final long GRACE_MILLIS = 20_000;

    private StopSignals() {}

    /** From now on a stop signal runs {@code orderlyEnd}, which ends the JVM itself. */
    public static void install(Runnable orderlyEnd) {
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("stop signal {}: ending the kiosk", signal.getName());
                    startGraceTimer(128 + signal.getNumber());
                    orderlyEnd.run();
                });
            } catch (IllegalArgumentException e) {
                // The signal is unknown here, or the JVM runs with -Xrs: it keeps its default.
                LOG.warn("stop signal {} keeps the JVM's default: {}", name, e.getMessage());
            }
        }
    }

    /** A hung FX thread must not keep the kiosk from stopping. */
    private static void startGraceTimer(int status) {
        Thread timer = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            LOG.error("the orderly end took longer than {} ms: exiting", GRACE_MILLIS);
            System.exit(status);
        }, "stop-grace");
        timer.setDaemon(true);
        timer.start();
    }
}
