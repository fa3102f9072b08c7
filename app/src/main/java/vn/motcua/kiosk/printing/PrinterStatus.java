// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.printing;

import java.util.Set;

/**
 * What a printer says about itself.
 *
 * @param name the print queue's name
 * @param state idle, processing or stopped; UNKNOWN where the system does not say (javax.print alone)
 * @param acceptingJobs false when the queue rejects new jobs
 * @param reasons IPP printer-state-reasons keywords ("media-empty-error", "paused", ...), "none" left out
 * @param message the printer's own message (printer-state-message), or ""
 * @param queuedJobs jobs waiting in the queue, -1 when unknown
 */
public record PrinterStatus(String name, State state, boolean acceptingJobs, Set<String> reasons, String message,
        int queuedJobs) {

    public enum State { IDLE, PROCESSING, STOPPED, UNKNOWN }

    public PrinterStatus {
        reasons = Set.copyOf(reasons);
        message = message == null ? "" : message;
    }

    /** Out of paper as far as IPP can tell (media-empty / media-needed, any severity suffix). */
    public boolean outOfPaper() {
        return reasons.stream().anyMatch(r -> r.startsWith("media-empty") || r.startsWith("media-needed"));
    }

    public boolean offline() {
        return state == State.STOPPED || reasons.stream().anyMatch(r -> r.startsWith("offline"));
    }

    /** Ready for a job: accepting, not stopped, has paper. */
    public boolean ready() {
        return acceptingJobs && !offline() && !outOfPaper();
    }

    /** A short reason for messages: the printer's message, else its reasons, else its state. */
    public String why() {
        if (!message.isBlank()) {
            return message;
        }
        return reasons.isEmpty() ? state.name().toLowerCase(java.util.Locale.ROOT) : String.join(", ", reasons);
    }
}
