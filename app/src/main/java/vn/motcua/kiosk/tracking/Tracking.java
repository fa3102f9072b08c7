// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.tracking;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.motcua.kiosk.portal.Answers;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.PortalRefusedException;
import vn.motcua.kiosk.portal.Problem;

/**
 * "Tra cứu hồ sơ": a citizen's dossier by its code and the last four digits of the phone given
 * when filing. Blocking (call it off the UI thread); every answer is an {@link Outcome}, never an
 * exception, so the screen always has words to show.
 */
public final class Tracking {
    /** As printed on receipts: agency code, received date yyMMdd, sequence of the day. */
    public static final Pattern CODE = Pattern.compile("[0-9A-Z.]+-[0-9]{6}-[0-9]{4}");
    public static final Pattern LAST4 = Pattern.compile("[0-9]{4}");

    public enum Status { RECEIVED, IN_PROGRESS, DONE, OTHER }

    public record HistoryStep(Status status, OffsetDateTime at, String note) {}

    public record Tracked(String code, String procedureName, Status status, OffsetDateTime receivedAt, OffsetDateTime dueAt,
            OffsetDateTime doneAt, boolean late, String paymentStatus, boolean resultAvailable, List<HistoryStep> history,
            String lookupId) {}

    public sealed interface Outcome {
        record Found(Tracked dossier) implements Outcome {}

        /** Unknown code, or a code with other phone digits: the portal does not say which. */
        record NotFound() implements Outcome {}

        /** The portal refused the question; {@code messageKey} explains it. */
        record Refused(String messageKey, List<Problem.FieldError> fields) implements Outcome {}

        /** No answer: offline, busy or garbled; {@code messageKey} explains it. */
        record Unreachable(String messageKey) implements Outcome {}
    }

    final Supplier<PortalClient> client;

    /** @param client the portal client, or null while the portal link has not started */
    public Tracking(Supplier<PortalClient> client) {
        this.client = client;
    }

    /** Upper-cases and trims what was typed, so "000.00.14.h56-…" is found too. */
    public static String normaliseCode(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replace(' ', '-');
    }

    /**
     * What is wrong with what the citizen typed, as a message key, before the portal is asked:
     * the code's shape ({@link #CODE}, after {@link #normaliseCode}) or the four digits.
     */
    public static Optional<String> problem(String code, String last4) {
        if (!CODE.matcher(normaliseCode(code)).matches()) {
            return Optional.of("track.code.invalid");
        }
        if (last4 == null || !LAST4.matcher(last4.strip()).matches()) {
            return Optional.of("track.last4.invalid");
        }
        return Optional.empty();
    }

    public Outcome lookup(String code, String last4) {
        PortalClient c = client.get();
        if (c == null) {
            return new Outcome.Unreachable("portal.error.offline");
        }
        try {
            return new Outcome.Found(of(c.lookup(normaliseCode(code), last4.strip())));
        } catch (PortalRefusedException e) {
            if (e.status() == 404) {
                return new Outcome.NotFound();
            }
            return new Outcome.Refused(e.messageKey(), e.problem().errors());
        } catch (PortalException e) {
            return new Outcome.Unreachable(e.messageKey());
        }
    }

    static Tracked of(Answers.DossierStatus s) {
        List<HistoryStep> history = s.history().stream().map(h -> new HistoryStep(status(h.status()), time(h.at()), h.note())).toList();
        return new Tracked(s.dossierCode(), s.procedureName(), status(s.status()), time(s.receivedAt()), time(s.dueAt()), time(s.doneAt()),
                s.late(), s.paymentStatus(), s.resultAvailable(), history, s.lookupId());
    }

    private static Status status(String s) {
        try {
            return s == null ? Status.OTHER : Status.valueOf(s);
        } catch (IllegalArgumentException e) {
            return Status.OTHER; // a status this kiosk does not know yet is shown as such, not a crash
        }
    }

    private static OffsetDateTime time(String s) {
        try {
            return s == null ? null : OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
