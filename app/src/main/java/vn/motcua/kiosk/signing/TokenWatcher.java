package vn.motcua.kiosk.signing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a token being plugged in or pulled out by asking the drivers for their tokens every
 * {@code interval} (PKCS#11 has no portable insertion event, and vendor drivers often bypass
 * PC/SC). Listeners hear only changes, on the watcher's thread. With a one-second interval the
 * screen follows within two. Where PC/SC exists, {@link #pokeOn(PcscWatcher)} adds a look the
 * moment a card or reader comes or goes; the polling stays (it is what sees tokens PC/SC does not).
 */
public final class TokenWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenWatcher.class);
    private static final Duration POKE_SECOND_LOOK = Duration.ofMillis(500);

    /** Lives with the core so the screen implements it without the core knowing the screen. */
    public interface Listener {
        void tokensChanged(List<TokenInfo> tokens);
    }

    private final Supplier<List<TokenInfo>> scan;
    private final Listener listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "token-watcher");
        t.setDaemon(true);
        return t;
    });
    private final List<AutoCloseable> triggers = new CopyOnWriteArrayList<>();
    private List<List<Object>> last;

    public TokenWatcher(Supplier<List<TokenInfo>> scan, Listener listener) {
        this.scan = scan;
        this.listener = listener;
    }

    public TokenWatcher start(Duration interval) {
        timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Looks at once whenever {@code pcsc} hears a card or reader come or go, and closes it with
     * this watcher. Without PC/SC on the machine this does nothing and polling alone carries on.
     */
    public TokenWatcher pokeOn(PcscWatcher pcsc) {
        if (pcsc.start(this::poke)) {
            triggers.add(pcsc);
        }
        return this;
    }

    /**
     * A look as soon as possible on the watcher's thread, and one more shortly after: a driver may
     * list the token a moment later than the reader reports the card.
     */
    public void poke() {
        try {
            timer.execute(this::poll);
            timer.schedule(this::poll, POKE_SECOND_LOOK.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            // closed meanwhile: nobody is listening any more
        }
    }

    /** One look at the drivers; tests call it directly instead of waiting for the timer. */
    public synchronized void poll() {
        try {
            List<TokenInfo> tokens = scan.get();
            // Compared by what a person would call "the same token with the same certificates".
            List<List<Object>> seen = tokens.stream().map(t -> List.<Object>of(t.library(), t.slotListIndex(),
                    Objects.toString(t.serial()), Objects.toString(t.label()), t.pinState(), t.certificates().size()))
                    .toList();
            if (!seen.equals(last)) {
                last = seen;
                listener.tokensChanged(tokens);
            }
        } catch (RuntimeException e) {
            LOG.warn("token scan failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        for (AutoCloseable t : triggers) {
            try {
                t.close();
            } catch (Exception e) {
                LOG.debug("closing a token-watcher trigger: {}", e.toString());
            }
        }
        timer.shutdownNow();
    }
}
