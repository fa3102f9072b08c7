package vn.motcua.kiosk.session;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's disk work — drafts, events, the session folder, erasure — on one thread, in the
 * order it was asked for: the screens' thread never waits for an fsync, and a new session's first
 * write comes after the last session's erasure.
 */
final class SessionDisk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionDisk.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-session-disk");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread worker;

    /** Work whose failure is only logged (a draft save, an event): the next save tries again. */
    void execute(String what, Runnable work) {
        submit(() -> {
            work.run();
            return null;
        }).exceptionally(e -> {
            // The store's exceptions name the failure, never a row's content: safe to log.
            LOG.error("{} failed: {}", what, e.getCause() == null ? e.toString() : e.getCause().toString());
            return null;
        });
    }

    /** Work whose result (or failure) the caller waits for or passes on. */
    <T> CompletableFuture<T> submit(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                worker = Thread.currentThread();
                try {
                    result.complete(work.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new IllegalStateException("the kiosk is closing", e));
        }
        return result;
    }

    /** Returns once everything asked for so far is done. */
    void flush() {
        if (Thread.currentThread() == worker) {
            return; // the work before this one is done already
        }
        submit(() -> null).exceptionally(e -> null).join();
    }

    /** Finishes what was asked for (an erasure must not be cut short), then stops. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.error("session disk work unfinished at close; the next start's sweep erases what is left");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
