// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import vn.motcua.kiosk.store.DraftStore;

/**
 * The drafts parked at this kiosk, as a signed-in volunteer sees them: the masked name, the
 * procedure, when it was parked and when it expires (soonest first, so those about to go are on
 * top). Resuming one still takes the citizen's code and birth year: the list opens nothing.
 */
public final class ParkedDrafts {
    /** A draft this close to its expiry is flagged, so the volunteer can call the citizen in. */
    public static final Duration SOON = Duration.ofDays(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param maskedName "N*** V** A*", or empty when the draft had no name yet (or predates the list)
     * @param daysLeft   whole days until it expires (0: later today)
     */
    public record Parked(String id, String procedureId, String maskedName, Instant parkedAt, Instant expiresAt,
                         long daysLeft, boolean expiringSoon) {}

    private final DraftStore drafts;
    private final Duration keptFor;
    private final Clock clock;

    /** @param keptFor {@code privacy.parkedDraftDays}: how long a parked draft waits before it is erased */
    public ParkedDrafts(DraftStore drafts, Duration keptFor, Clock clock) {
        this.drafts = drafts;
        this.keptFor = keptFor;
        this.clock = clock;
    }

    /** Reads the database: not on the UI thread. */
    public List<Parked> list() {
        Instant now = clock.instant();
        List<Parked> out = new ArrayList<>();
        for (DraftStore.Listing l : drafts.parkedListings()) {
            Instant expires = l.parkedAt().plus(keptFor);
            if (!expires.isAfter(now)) {
                continue; // the housekeeping erases it at its next run
            }
            String procedure = null;
            String name = "";
            if (l.text() != null) {
                try {
                    JsonNode n = JSON.readTree(l.text());
                    procedure = n.path("procedure").isTextual() ? n.path("procedure").asText() : null;
                    name = n.path("name").asText("");
                } catch (IOException e) {
                    // Shown without its name and procedure rather than not at all: the code still opens it.
                }
            }
            out.add(new Parked(l.id(), procedure, name, l.parkedAt(), expires, Duration.between(now, expires).toDays(),
                    expires.isBefore(now.plus(SOON))));
        }
        out.sort(Comparator.comparing(Parked::expiresAt));
        return out;
    }
}
