// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import vn.motcua.kiosk.store.EventRecorder;
import vn.motcua.kiosk.store.EventType;

/**
 * Fees the bank confirmed, told to staff as they arrive (the Khánh Hòa desk "is told automatically
 * when a fee arrives"): each once, whichever poll saw it first, with its amount and time — nothing
 * about who paid. The event log counts them for the share of fees paid online.
 */
public final class FeeArrivals {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public record Arrival(Instant at, long amount) {}


    private final Clock clock;
    private final EventRecorder events;
    private final Supplier<String> sessionId;
    private final Set<String> seen = new HashSet<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public FeeArrivals(Clock clock, EventRecorder events, Supplier<String> sessionId) {
        this.clock = clock;
        this.events = events;
        this.sessionId = sessionId;
    }

    /** Told on the thread that saw the payment (a poller): hop to the UI thread there. */
    public void onArrival(Runnable listener) {
        listeners.add(listener);
    }

    /** The portal says this intent is paid: announced the first time only. */
    public void paid(String intentId, long amount) {
        synchronized (this) {
            if (!seen.add(intentId)) {
                return;
            }
            arrivals.add(new Arrival(clock.instant(), amount));
        }
        events.record(EventType.PAYMENT_CONFIRMED, sessionId.get(), "amount=" + amount);
        listeners.forEach(Runnable::run);
    }

    /** Today's arrivals, newest first. */
    public synchronized List<Arrival> today() {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        List<Arrival> out = new ArrayList<>();
        for (int i = arrivals.size() - 1; i >= 0; i--) {
            if (LocalDate.ofInstant(arrivals.get(i).at(), VIETNAM).equals(today)) {
                out.add(arrivals.get(i));
            }
        }
        return out;
    }
}
