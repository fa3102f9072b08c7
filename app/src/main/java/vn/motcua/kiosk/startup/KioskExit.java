// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.startup;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the kiosk ends: whoever asks ({@link #request}: staff, an installed update) chooses the
 * {@link ExitStatus} and starts the application's orderly shutdown; when that is done (sessions
 * erased, services closed) {@link #afterShutdown} ends the JVM with the chosen status. Both ends
 * are injected, so tests see the status without ending their JVM.
 */
public final class KioskExit {
    private static final Logger LOG = LoggerFactory.getLogger(KioskExit.class);

    private final Runnable shutdown;
    private final IntConsumer jvmExit;
    private ExitStatus chosen;

    /**
     * @param shutdown starts the orderly shutdown (JavaFX: {@code Platform::exit}, which calls the application's stop)
     * @param jvmExit  ends the process ({@code System::exit})
     */
    public KioskExit(Runnable shutdown, IntConsumer jvmExit) {
        this.shutdown = shutdown;
        this.jvmExit = jvmExit;
    }

    /**
     * Ends the kiosk with {@code status}. The first choice stands: staff who left with the PIN
     * while an update was about to restart the kiosk must still get the console, not a restart.
     */
    public void request(ExitStatus status) {
        synchronized (this) {
            if (chosen != null) {
                return;
            }
            chosen = status;
        }
        shutdown.run();
    }

    /** The status chosen so far: {@link ExitStatus#NORMAL} when nobody chose (the window system ended the kiosk). */
    public synchronized ExitStatus chosen() {
        return chosen == null ? ExitStatus.NORMAL : chosen;
    }

    /** The last step of the shutdown: the JVM ends with the chosen status. */
    public void afterShutdown() {
        ExitStatus status = chosen();
        LOG.info("kiosk ends: {} (exit status {})", status, status.code());
        jvmExit.accept(status.code());
    }
}
