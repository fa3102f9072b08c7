// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.result;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.tracking.Results;
import vn.motcua.kiosk.tracking.Tracking;
import vn.motcua.kiosk.ui.staff.ResultTroubleBoard;

/**
 * "Nhận kết quả": code and four digits, then the e-result fetched and printed. The PDF lives in
 * memory between fetch and print only; portal and printer work runs off the UI thread.
 */
public final class ResultViewModel {
    public enum Phase { ASK, FETCHING, READY, PRINTING, PRINTED, NOT_READY, PROBLEM }

    /** A message key and its argument, for the view to put into words. */
    public record Feedback(String key, Object arg) {}

    /** Who signed the result now on offer, and when (checked: whole, intact, trusted). */
    public record Signed(String signerName, java.time.Instant at) {}

    private static final Duration PRINT_LIMIT = Duration.ofMinutes(2);

    private final Results results;
    private final Supplier<Printer> printer;
    private final Executor portal;
    private final Executor printing;
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty last4 = new SimpleStringProperty("");
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.ASK);
    private final ObjectProperty<Feedback> feedback = new SimpleObjectProperty<>();
    private final ObjectProperty<Signed> signed = new SimpleObjectProperty<>();
    private final ResultTroubleBoard staff;
    private byte[] pdf;

    /**
     * @param portal   where the e-result is fetched
     * @param printing where it is printed and the paper awaited (minutes when the printer jams)
     * @param staff    told of a result refused for its signature (the staff menu shows it)
     */
    public ResultViewModel(Results results, Supplier<Printer> printer, Executor portal, Executor printing,
            ResultTroubleBoard staff) {
        this.results = results;
        this.printer = printer;
        this.portal = portal;
        this.printing = printing;
        this.staff = staff;
    }

    /** The signer of the result on offer; null when none is. */
    public ReadOnlyObjectProperty<Signed> signedProperty() {
        return signed;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty last4Property() {
        return last4;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback;
    }

    /** Forgets the last citizen's code, digits and result. */
    public void reset() {
        code.set("");
        last4.set("");
        pdf = null;
        signed.set(null);
        feedback.set(null);
        phase.set(Phase.ASK);
    }

    public void fetch() {
        if (phase.get() == Phase.FETCHING || phase.get() == Phase.PRINTING) {
            return;
        }
        Optional<String> problem = Tracking.problem(code.get(), last4.get());
        if (problem.isPresent()) {
            feedback.set(new Feedback(problem.get(), null));
            return;
        }
        String c = Tracking.normaliseCode(code.get());
        String digits = last4.get().strip();
        code.set(c);
        pdf = null;
        signed.set(null);
        phase.set(Phase.FETCHING);
        feedback.set(new Feedback("result.fetching", null));
        run(() -> results.fetch(c, digits), this::show);
    }

    private void show(Results.Outcome outcome) {
        if (outcome instanceof Results.Outcome.Ready ready) {
            pdf = ready.pdf();
            signed.set(new Signed(ready.signerName(), ready.signedAt()));
            feedback.set(new Feedback("result.ready", ready.code()));
            phase.set(Phase.READY);
        } else if (outcome instanceof Results.Outcome.NotGenuine refused) {
            // Never offered for printing: the citizen is sent to staff, who see why in their menu.
            staff.refused(refused.problem());
            feedback.set(new Feedback("result.notGenuine", null));
            phase.set(Phase.PROBLEM);
        } else if (outcome instanceof Results.Outcome.NotReady notReady) {
            String due = notReady.dueAt() == null ? "—"
                    : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(notReady.dueAt());
            feedback.set(new Feedback("result.notReady", due));
            phase.set(Phase.NOT_READY);
        } else if (outcome instanceof Results.Outcome.NotFound) {
            feedback.set(new Feedback("track.notFound", null));
            phase.set(Phase.ASK);
        } else if (outcome instanceof Results.Outcome.Queued q) {
            feedback.set(new Feedback(q.refused() ? "result.queued.refused" : "result.queued", null));
            phase.set(Phase.NOT_READY);
        } else if (outcome instanceof Results.Outcome.Cancelled c) {
            feedback.set(new Feedback("track.local.cancelled", java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                    .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(c.at())));
            phase.set(Phase.ASK);
        } else if (outcome instanceof Results.Outcome.NotOnThisKiosk) {
            feedback.set(new Feedback("track.local.unknown", null));
            phase.set(Phase.ASK);
        } else if (outcome instanceof Results.Outcome.Unreachable u) {
            feedback.set(new Feedback("track.unreachable", null));
            phase.set(Phase.ASK);
        }
    }

    public void print() {
        if (phase.get() != Phase.READY || pdf == null) {
            return;
        }
        byte[] document = pdf;
        phase.set(Phase.PRINTING);
        feedback.set(new Feedback("result.printing", null));
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() throws PrintingException {
                Printer p = printer.get();
                p.awaitDone(p.print(document, PaperSize.A4), PRINT_LIMIT);
                return null;
            }
        };
        task.setOnSucceeded(e -> {
            pdf = null; // printed: nothing of it stays
            staff.cleared();
            feedback.set(new Feedback("result.printed", null));
            phase.set(Phase.PRINTED);
        });
        task.setOnFailed(e -> {
            Throwable t = task.getException();
            // The PDF stays in memory so that "In lại" after fixing the printer needs no new fetch.
            feedback.set(new Feedback(t instanceof PrintingException pe ? pe.messageKey() : "result.printFailed", null));
            phase.set(Phase.READY);
        });
        printing.execute(task);
    }

    private <T> void run(Supplier<T> work, java.util.function.Consumer<T> done) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return work.get();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> {
            feedback.set(new Feedback("portal.error.answer", null));
            phase.set(Phase.ASK);
        });
        portal.execute(task);
    }
}
