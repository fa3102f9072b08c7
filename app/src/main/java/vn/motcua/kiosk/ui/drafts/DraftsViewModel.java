package vn.motcua.kiosk.ui.drafts;

import java.time.Year;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import vn.motcua.kiosk.drafts.ResumeCode;
import vn.motcua.kiosk.session.InterruptedDrafts;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.session.Step;

/**
 * "Lưu nháp" and "Tiếp tục hồ sơ": the birth year and resume code the citizen types, the code the
 * kiosk gives back, and what went wrong in words. Sealing and opening are slow on purpose (key
 * derivation), so they run off the UI thread while the screen shows it is busy.
 */
public final class DraftsViewModel {
    /** A message key and its argument, for the view to put into words. */
    public record Feedback(String key, Object arg) {}

    private final SessionService sessions;
    private final InterruptedDrafts interrupted;
    private final Executor background;
    private final Runnable onParked;
    private final Consumer<Step> onRestored;

    private final StringProperty birthYear = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty parkedCode = new SimpleStringProperty("");
    private final ObjectProperty<Feedback> feedback = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    /** The interrupted session being taken up (its random id); null otherwise. */
    private String interruptedId;

    public DraftsViewModel(SessionService sessions, InterruptedDrafts interrupted, Executor background,
                           Runnable onParked, Consumer<Step> onRestored) {
        this.sessions = sessions;
        this.interrupted = interrupted;
        this.background = background;
        this.onParked = onParked;
        this.onRestored = onRestored;
    }

    public StringProperty birthYearProperty() {
        return birthYear;
    }

    public StringProperty codeProperty() {
        return code;
    }

    /** The code to write down, as "ABC-DEF", once parked. */
    public ReadOnlyStringProperty parkedCodeProperty() {
        return parkedCode;
    }

    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Clears what the last citizen typed. */
    public void reset() {
        birthYear.set("");
        code.set("");
        parkedCode.set("");
        feedback.set(null);
        busy.set(false);
        interruptedId = null;
    }

    /** The citizen chose, on Welcome, to take up a draft an earlier run left cut off. */
    public void resuming(String sessionId) {
        reset();
        interruptedId = sessionId;
    }

    /** "Tiếp tục": the birth year against the interrupted draft's answers. */
    public void resumeInterrupted() {
        Optional<Integer> year = year();
        String id = interruptedId;
        if (year.isEmpty() || busy.get() || id == null) {
            return;
        }
        run(() -> interrupted.resume(id, year.get()), outcome -> show(outcome, "drafts.interrupted.wrong"));
    }

    public void park() {
        Optional<Integer> year = year();
        if (year.isEmpty() || busy.get()) {
            return;
        }
        run(() -> sessions.park(year.get()), parked -> {
            parkedCode.set(parked.display());
            birthYear.set("");
            onParked.run();
        });
    }

    public void resume() {
        Optional<Integer> year = year();
        if (year.isEmpty() || busy.get()) {
            return;
        }
        Optional<ResumeCode> typed = ResumeCode.parse(code.get());
        if (typed.isEmpty()) {
            feedback.set(new Feedback("drafts.code.invalid", ResumeCode.LENGTH));
            return;
        }
        run(() -> sessions.resume(typed.get(), year.get()), outcome -> show(outcome, "drafts.code.wrong"));
    }

    /**
     * Puts a resume outcome on screen; {@code wrongKey} words a wrong attempt (a code, or an
     * interrupted draft's birth year). Parked drafts are never Gone nor erased, so those two
     * outcomes only come from interrupted drafts.
     */
    private void show(SessionService.Resume outcome, String wrongKey) {
        if (outcome instanceof SessionService.Resume.Restored restored) {
            reset();
            onRestored.accept(restored.step());
        } else if (outcome instanceof SessionService.Resume.WrongCode wrong) {
            feedback.set(new Feedback(wrongKey, wrong.attemptsLeft()));
        } else if (outcome instanceof SessionService.Resume.Locked locked) {
            feedback.set(new Feedback("drafts.code.locked", locked.secondsLeft()));
        } else if (outcome instanceof SessionService.Resume.LockedAndErased) {
            feedback.set(new Feedback("drafts.interrupted.erased", null));
        } else if (outcome instanceof SessionService.Resume.Gone) {
            feedback.set(new Feedback("drafts.interrupted.gone", null));
        }
    }

    private Optional<Integer> year() {
        String y = birthYear.get().strip();
        int now = Year.now().getValue();
        if (y.matches("[0-9]{4}") && Integer.parseInt(y) >= 1900 && Integer.parseInt(y) <= now) {
            return Optional.of(Integer.parseInt(y));
        }
        feedback.set(new Feedback("drafts.birthYear.invalid", null));
        return Optional.empty();
    }

    private interface Work<T> {
        T run();
    }

    private <T> void run(Work<T> work, Consumer<T> done) {
        busy.set(true);
        feedback.set(new Feedback("drafts.working", null));
        Task<T> task = new Task<>() {
            @Override
            protected T call() {
                return work.run();
            }
        };
        task.setOnSucceeded(e -> {
            busy.set(false);
            feedback.set(null);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            busy.set(false);
            feedback.set(new Feedback("drafts.failed", null));
        });
        background.execute(task);
    }
}
