package vn.motcua.kiosk.signing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears cards and readers come and go through PC/SC (javax.smartcardio) and says so at once, so
 * the signing screen need not wait for {@link TokenWatcher}'s next look. A USB signing token
 * usually shows up in PC/SC as a reader with a card always in it, so a reader appearing or
 * disappearing counts as much as a card being inserted or removed.
 *
 * <p>It only pokes: what the tokens are is still asked of the PKCS#11 drivers (vendor drivers
 * often bypass PC/SC, so polling stays). Where there is no PC/SC at all (no pcscd, no
 * libpcsclite) {@link #start} says so and starts nothing. One daemon thread blocks in
 * {@code CardTerminals.waitForChange} with a timeout, re-listing the readers after each wake-up:
 * the JDK only watches readers it already knew, so a new reader is noticed within one timeout.
 *
 * <p>The JDK keeps a single PC/SC context per process: if pcscd restarts after the kiosk started,
 * the JDK does not reconnect. The thread then backs off to a slow retry and polling carries on.
 */
public final class PcscWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PcscWatcher.class);
    /** How long one wait blocks: bounds how late a newly attached reader is noticed. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Where the readers come from: PC/SC in the kiosk, a stand-in in tests. */
    @FunctionalInterface
    public interface Source {
        /** The readers; throws when there is no PC/SC service. */
        CardTerminals open() throws Exception;
    }

    /** How the watcher pauses between looks; tests record the pauses instead of timing them. */
    @FunctionalInterface
    interface Pause {
        void sleep(long millis) throws InterruptedException;
    }

    private final Source source;
    private final Duration wait;
    private final Pause pause;
    private volatile boolean closed;
    private volatile Thread thread;

    /** The machine's PC/SC service, waiting {@link #DEFAULT_WAIT} at a time. */
    public static PcscWatcher system() {
        return new PcscWatcher(PcscWatcher::openSystem, DEFAULT_WAIT);
    }

    public PcscWatcher(Source source, Duration wait) {
        this(source, wait, Thread::sleep);
    }

    PcscWatcher(Source source, Duration wait, Pause pause) {
        this.source = Objects.requireNonNull(source);
        this.wait = wait;
        this.pause = Objects.requireNonNull(pause);
    }

    /**
     * A fresh factory each time rather than {@code TerminalFactory.getDefault()}, which remembers
     * "no PC/SC" forever if pcscd was not up at the first call. Listing once proves the service answers.
     */
    private static CardTerminals openSystem() throws Exception {
        CardTerminals terminals = TerminalFactory.getInstance("PC/SC", null).terminals();
        terminals.list();
        return terminals;
    }

    /**
     * Starts watching on a daemon thread; {@code onChange} runs on that thread after each change.
     * Returns false, having started nothing, when there is no PC/SC service or reader library.
     */
    public synchronized boolean start(Runnable onChange) {
        Objects.requireNonNull(onChange);
        if (thread != null || closed) {
            throw new IllegalStateException("already started or closed");
        }
        CardTerminals terminals;
        Map<String, Boolean> first;
        try {
            terminals = source.open();
            first = snapshot(terminals);
        } catch (Throwable e) { // LinkageError too: a broken libpcsclite must not take the kiosk down
            LOG.info("no PC/SC service ({}); tokens are noticed by polling only", describe(e));
            return false;
        }
        LOG.info("PC/SC: watching {} reader(s) for cards coming and going", first.size());
        Thread t = new Thread(() -> run(terminals, first, onChange), "pcsc-watcher");
        t.setDaemon(true);
        thread = t;
        t.start();
        return true;
    }

    /** Whether the watching thread is alive (false before start, after close, or without PC/SC). */
    public boolean running() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    private void run(CardTerminals terminals, Map<String, Boolean> first, Runnable onChange) {
        Map<String, Boolean> last = first;
        int failures = 0;
        while (!closed) {
            try {
                if (last.isEmpty()) {
                    // The JDK refuses to wait with no reader ("No terminals available"): look again later.
                    pause.sleep(wait.toMillis());
                } else {
                    terminals.waitForChange(wait.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (CardException | RuntimeException e) {
                // A reader vanished mid-wait (a USB token pulled out) or the service hiccuped:
                // the snapshot below tells which.
                LOG.debug("PC/SC wait: {}", describe(e));
            }
            if (closed) {
                return;
            }
            Map<String, Boolean> now;
            try {
                now = snapshot(terminals);
                failures = 0;
            } catch (CardException | RuntimeException e) {
                failures++;
                long backoff = Math.min(MAX_BACKOFF.toMillis(), wait.toMillis() * (1L << Math.min(failures, 5)));
                if (failures == 1 || failures % 20 == 0) {
                    LOG.warn("PC/SC not answering ({}); polling carries on, next try in {} ms", describe(e), backoff);
                }
                if (!pause(backoff)) {
                    return;
                }
                continue;
            }
            if (!now.equals(last)) {
                LOG.debug("PC/SC readers and cards: {}", now);
                last = now;
                try {
                    onChange.run();
                } catch (RuntimeException e) {
                    LOG.warn("PC/SC change listener failed: {}", describe(e));
                }
            }
        }
    }

    /** Reader name → card present, in PC/SC's order. */
    private static Map<String, Boolean> snapshot(CardTerminals terminals) throws CardException {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (CardTerminal t : terminals.list()) {
            seen.put(t.getName(), t.isCardPresent());
        }
        return seen;
    }

    private boolean pause(long millis) {
        try {
            pause.sleep(millis);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Stops the thread; it ends within one wait (a native PC/SC wait cannot be interrupted). */
    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
