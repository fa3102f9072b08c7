// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.tracking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import vn.motcua.kiosk.guard.AttemptLimiter;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.portal.Answers;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.portal.PortalException;
import vn.motcua.kiosk.portal.PortalRefusedException;
import vn.motcua.kiosk.portal.Problem;

/**
 * "Tra cứu hồ sơ": a citizen's dossier by its code and the last four digits of the phone given
 * when filing. Blocking (call it off the UI thread); every answer is an {@link Outcome}, never an
 * exception, so the screen always has words to show. A queued receipt's local reference
 * ({@link Outbox#REFERENCE}) is looked up in this kiosk's outbox: waiting there, or — once sent —
 * asked of the portal under the code the outbox got for it.
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

        /** A local reference still in this kiosk's outbox ("đang chờ gửi"); {@code refused}: staff must look at it. */
        record Queued(String localRef, Instant storedAt, boolean refused) implements Outcome {}

        /** A local reference whose dossier was refused and then discarded by staff or erased after its time. */
        record Cancelled(String localRef, Instant at) implements Outcome {}

        /** A local reference this kiosk's outbox does not know: it is only known where it was filed. */
        record NotOnThisKiosk() implements Outcome {}
    }

    /** This kiosk's outbox, as tracking asks it (see {@link Outbox#whereabouts}). */
    @FunctionalInterface
    public interface LocalOutbox {
        Outbox.Whereabouts whereabouts(String localRef, String phoneLast4);
    }

    /** Wrong digits for a local reference before its lookups lock for {@link #LOCKOUT}. */
    public static final int MAX_WRONG_DIGITS = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(1);

    final Supplier<PortalClient> client;
    private final LocalOutbox outbox;
    // The portal limits guesses at its own codes; a queued dossier's digits are checked here, so
    // this kiosk limits them too (10,000 combinations are few for someone standing at the screen).
    private final AttemptLimiter localGuesses;

    /**
     * @param client the portal client, or null while the portal link has not started
     * @param outbox where local references are looked up
     * @param clock  for the lock after too many wrong digits
     */
    public Tracking(Supplier<PortalClient> client, LocalOutbox outbox, Clock clock) {
        this.client = client;
        this.outbox = outbox;
        this.localGuesses = new AttemptLimiter(clock, MAX_WRONG_DIGITS, LOCKOUT);
    }

    /** Whether what was typed (after {@link #normaliseCode}) is a queued receipt's local reference. */
    public static boolean isLocalReference(String code) {
        return Outbox.REFERENCE.matcher(normaliseCode(code)).matches();
    }

    /** Upper-cases and trims what was typed, so "000.00.14.h56-…" is found too. */
    public static String normaliseCode(String typed) {
        return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replace(' ', '-');
    }

    /**
     * What is wrong with what the citizen typed, as a message key, before the portal is asked:
     * the code's shape ({@link #CODE} or a local reference, after {@link #normaliseCode}) or the four digits.
     */
    public static Optional<String> problem(String code, String last4) {
        if (!CODE.matcher(normaliseCode(code)).matches() && !isLocalReference(code)) {
            return Optional.of("track.code.invalid");
        }
        if (last4 == null || !LAST4.matcher(last4.strip()).matches()) {
            return Optional.of("track.last4.invalid");
        }
        return Optional.empty();
    }

    public Outcome lookup(String code, String last4) {
        String typed = normaliseCode(code);
        String digits = last4.strip();
        if (isLocalReference(typed)) {
            if (localGuesses.lockedForSeconds() > 0) {
                return new Outcome.Refused("track.local.locked", List.of());
            }
            Outbox.Whereabouts w = outbox.whereabouts(typed, digits);
            if (w instanceof Outbox.Whereabouts.OtherDigits) {
                localGuesses.failed();
                return new Outcome.NotFound();
            }
            localGuesses.succeeded();
            if (w instanceof Outbox.Whereabouts.Waiting waiting) {
                return new Outcome.Queued(typed, waiting.storedAt(), waiting.refused());
            }
            if (w instanceof Outbox.Whereabouts.Cancelled cancelled) {
                return new Outcome.Cancelled(typed, cancelled.at());
            }
            if (w instanceof Outbox.Whereabouts.Sent sent) {
                return askPortal(sent.dossierCode(), digits);
            }
            return new Outcome.NotOnThisKiosk();
        }
        return askPortal(typed, digits);
    }

    private Outcome askPortal(String code, String last4) {
        PortalClient c = client.get();
        if (c == null) {
            return new Outcome.Unreachable("portal.error.offline");
        }
        try {
            return new Outcome.Found(of(c.lookup(code, last4)));
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
