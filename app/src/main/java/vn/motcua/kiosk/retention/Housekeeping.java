// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.receipt.Reprints;
import vn.motcua.kiosk.session.Expired;
import vn.motcua.kiosk.store.EventLog;
import vn.motcua.kiosk.store.EventType;

/**
 * Retention as the configuration says it, carried out by the kiosk itself and not by a screen
 * being opened: earlier days' reprint copies, refused dossiers past their days (they become
 * "expired" tombstones), interrupted and parked drafts past theirs. Runs at start, every
 * {@link #EVERY}, and just after midnight in Vietnam (when the reprint copies' day ends), on a
 * thread of its own; the clock is injected, so tests move time instead of waiting for it.
 */
public final class Housekeeping implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final Duration EVERY = Duration.ofMinutes(10);
    /** After midnight by this much, so the new day has surely begun on the clock the stores read. */
    static final Duration AFTER_MIDNIGHT = Duration.ofSeconds(30);

    /** How long each kind of personal data may stay (from {@code privacy} in kiosk.json). */
    public record Rules(Duration interruptedDrafts, Duration parkedDrafts, Duration refusedOutbox) {}

    /** What one run erased: counts only. */
    public record Erased(int reprints, int refusedOutbox, int interruptedDrafts, int parkedDrafts) {
        public int total() {
            return reprints + refusedOutbox + interruptedDrafts + parkedDrafts;
        }

        String detail() {
            return "reprints=" + reprints + " refusedOutbox=" + refusedOutbox + " interruptedDrafts=" + interruptedDrafts
                    + " parkedDrafts=" + parkedDrafts;
        }
    }

    /** The drafts' part, done by the session service (which knows the open session). */
    @FunctionalInterface
    public interface Drafts {
        Expired expire(Duration resumeWindow, Duration parkedFor);
    }

    private final Reprints reprints;
    private final Outbox outbox;
    private final Drafts drafts;
    private final EventLog events;
    private final Rules rules;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public Housekeeping(Reprints reprints, Outbox outbox, Drafts drafts, EventLog events, Rules rules, Clock clock) {
        this.reprints = reprints;
        this.outbox = outbox;
        this.drafts = drafts;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
    }

    /** One pass over everything; records one event when something was erased. */
    public synchronized Erased runOnce() {
        Instant now = clock.instant();
        int receipts = reprints.eraseEarlierDays();
        int refused = outbox.expireRefused(now.minus(rules.refusedOutbox()));
        Expired expired = drafts.expire(rules.interruptedDrafts(), rules.parkedDrafts());
        Erased erased = new Erased(receipts, refused, expired.interruptedDrafts(), expired.parkedDrafts());
        if (erased.total() > 0) {
            events.record(EventType.RETENTION_ERASED, null, erased.detail());
            LOG.info("retention: erased {}", erased.detail());
        }
        return erased;
    }

    /** How long from {@code now} until the next run: {@link #EVERY}, or sooner if midnight comes first. */
    static Duration untilNextRun(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        Instant midnight = today.atStartOfDay(VIETNAM).toInstant().plus(AFTER_MIDNIGHT);
        if (!midnight.isAfter(now)) {
            midnight = today.plusDays(1).atStartOfDay(VIETNAM).toInstant().plus(AFTER_MIDNIGHT);
        }
        Duration toMidnight = Duration.between(now, midnight);
        return toMidnight.compareTo(EVERY) < 0 ? toMidnight : EVERY;
    }

    /** Schedules the runs after the first (which the caller makes at start, {@link #runOnce()}). */
    public synchronized void start() {
        if (timer != null) {
            return;
        }
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // closing does not wait for the next run
        timer = t;
        scheduleNext();
    }

    private void scheduleNext() {
        ScheduledExecutorService t = timer;
        if (t == null || t.isShutdown()) {
            return;
        }
        t.schedule(this::scheduledRun, untilNextRun(clock.instant()).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduledRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // Tried again at the next run; the message names a table or a file, never a person.
            LOG.warn("retention run failed: {}", e.toString());
        }
        synchronized (this) {
            scheduleNext();
        }
    }

    /** Stops the schedule; a run under way finishes first (before the database closes). */
    @Override
    public void close() {
        ScheduledExecutorService t;
        synchronized (this) {
            t = timer;
            timer = null;
        }
        if (t == null) {
            return;
        }
        t.shutdown();
        try {
            if (!t.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a retention run did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
