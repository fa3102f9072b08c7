// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.figures;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.motcua.kiosk.portal.Answers;
import vn.motcua.kiosk.store.OutboxStore;

/**
 * Whether this kiosk's dossiers were settled on time, as the portal's tracking says: for each
 * dossier the kiosk sent in the period, done before its due date, late (done after it, or past it
 * and not done), still in progress, or not found (the portal did not answer). Asks the portal
 * once per dossier: off the UI thread, and for the {@link #MOST} most recent only.
 */
public final class Timeliness {
    /** A month of a busy counter; beyond it the figure says how many it left out. */
    public static final int MOST = 300;

    /** @param notAsked sent in the period but beyond {@link #MOST} */
    public record Counts(int onTime, int late, int inProgress, int notFound, int notAsked) {}

    /** The portal's status of a dossier by its code; empty when it cannot be had now. */
    @FunctionalInterface
    public interface Lookup {
        Optional<Answers.DossierStatus> status(String dossierCode);
    }

    private final OutboxStore outbox;
    private final Lookup lookup;
    private final Clock clock;

    public Timeliness(OutboxStore outbox, Lookup lookup, Clock clock) {
        this.outbox = outbox;
        this.lookup = lookup;
        this.clock = clock;
    }

    public Counts of(Period period) {
        Instant from = period.start(clock);
        List<OutboxStore.Entry> sent = outbox.sentSince(from, MOST);
        int onTime = 0, late = 0, going = 0, missing = 0;
        for (OutboxStore.Entry e : sent) {
            Optional<Answers.DossierStatus> s = lookup.status(e.dossierCode());
            if (s.isEmpty()) {
                missing++;
            } else if (s.get().late()) {
                late++;
            } else if ("DONE".equals(s.get().status())) {
                onTime++;
            } else {
                going++;
            }
        }
        return new Counts(onTime, late, going, missing, Math.max(0, outbox.countSentSince(from) - sent.size()));
    }
}
