package vn.motcua.kiosk.signing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a token being plugged in or pulled out by asking the drivers for their tokens every
 * {@code interval} (PKCS#11 has no portable insertion event, and vendor drivers often bypass
 * PC/SC). Listeners hear only changes, on the watcher's thread. With a one-second interval the
 * screen follows within two.
 */
public final class TokenWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TokenWatcher.class);

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
    private List<List<Object>> last;

    public TokenWatcher(Supplier<List<TokenInfo>> scan, Listener listener) {
        this.scan = scan;
        this.listener = listener;
    }

    public TokenWatcher start(Duration interval) {
        timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
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
        timer.shutdownNow();
    }
}
