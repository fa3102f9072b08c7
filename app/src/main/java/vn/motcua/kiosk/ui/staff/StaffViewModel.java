package vn.motcua.kiosk.ui.staff;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import vn.motcua.kiosk.staff.StaffAction;
import vn.motcua.kiosk.staff.StaffGate;
import vn.motcua.kiosk.startup.TrainingAfresh;
import vn.motcua.kiosk.ui.common.PinEntry;

/**
 * The staff PIN pad and the staff menu. The PIN is held in a {@link PinEntry} until it is checked
 * (off the UI thread: the hash is slow on purpose), then wiped; the view sees only dots.
 */
public final class StaffViewModel {
    public enum Phase { HIDDEN, PIN, CHECKING, MENU, OUTBOX, REPRINT, FIGURES, AFRESH, VOLUNTEERS, HEALTH }

    /** "Bắt đầu tập huấn lại": counting what is there, asking, erasing, done or failed. */
    public enum Afresh { COUNTING, ASK, ERASING, DONE, FAILED }

    private static final String MENU_TITLE = "staff.pin.title";
    /** The header's door once volunteers sign in through it too. */
    private static final String COUNTER_TITLE = "staff.pin.titleCounter";

    /** A message key and its argument, for the view to put into words. */
    public record Feedback(String key, Object arg) {}


    private final StaffGate gate;
    private final StaffActions actions;
    private final Executor background;
    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(Phase.HIDDEN);
    private final ObjectProperty<Feedback> feedback = new SimpleObjectProperty<>();
    private final PinEntry pin = new PinEntry(12);
    private final ReadOnlyStringWrapper titleKey = new ReadOnlyStringWrapper(MENU_TITLE);
    /** The name of the staff member whose PIN opened the menu; null for the shared PIN or when closed. */
    private final ReadOnlyStringWrapper signedIn = new ReadOnlyStringWrapper();
    /** What an accepted PIN does instead of opening the menu; null: the menu. */
    private Consumer<StaffGate.Result.Accepted> afterPin;
    /** Whether the PIN asked for is the counter's (a volunteer's or staff's) rather than staff's. */
    private boolean counterPin;
    /** What a volunteer's PIN typed at the header's door does (signs them in); null: only staff PINs open it. */
    private Consumer<StaffGate.Result.Accepted> volunteerSignIn;

    private final StaffOutboxViewModel outbox;
    private final StaffReprintViewModel reprints;
    private final StaffFiguresViewModel figures;
    private StaffVolunteersViewModel volunteers;
    private FeeArrivalsViewModel fees;
    private StaffHealthViewModel health;
    private TrainingToggle training;
    private final PrinterTroubleBoard printer;
    private final ResultTroubleBoard results;
    private final TrainingAfresh afresh;
    private final ObjectProperty<Afresh> afreshState = new SimpleObjectProperty<>(Afresh.COUNTING);
    private final ObjectProperty<TrainingAfresh.Counts> afreshCounts = new SimpleObjectProperty<>();

    /** The PIN pad and the kiosk's own actions only, without outbox, reprints or device boards (some tests). */
    public StaffViewModel(StaffGate gate, StaffActions actions, Executor background) {
        this(gate, actions, background, null, null, null, new PrinterTroubleBoard(), new ResultTroubleBoard(), null);
    }

    /**
     * @param outbox   the outbox list for staff, or null where there is none
     * @param reprints today's receipts to print again, or null where there are none
     * @param figures  the counter's figures, or null where there are none
     * @param printer  where the printing screens report trouble; its last one shows in the menu
     * @param results  where the result screen reports an e-result refused for its signature
     * @param afresh   "start training afresh", or null where the kiosk runs no training portal of its own
     */
    public StaffViewModel(StaffGate gate, StaffActions actions, Executor background, StaffOutboxViewModel outbox,
            StaffReprintViewModel reprints, StaffFiguresViewModel figures, PrinterTroubleBoard printer, ResultTroubleBoard results, TrainingAfresh afresh) {
        this.afresh = afresh;
        this.results = results;
        this.reprints = reprints;
        this.figures = figures;
        this.printer = printer;
        this.gate = gate;
        this.actions = actions;
        this.background = background;
        this.outbox = outbox;
        if (outbox != null) {
            outbox.recordActionsWith(this::record);
        }
        if (reprints != null) {
            reprints.recordActionsWith(this::record);
        }
    }

    /** Records a staff action with who did it, off the FX thread. */
    private void record(StaffAction action) {
        String by = signedIn.get();
        background.execute(() -> gate.acted(action, by));
    }

    /** Whose PIN opened the menu (its title shows it); null for the shared PIN or when the menu is closed. */
    public ReadOnlyStringProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    /** Switching training on and off: the kiosk restarts in the other mode. */
    public interface TrainingToggle {
        /** Whether the kiosk runs in training now. */
        boolean on();

        /** Records the choice and restarts the kiosk in that mode (the session, if any, ends and is erased). */
        void switchTo(boolean training);
    }

    /** Offers the switch in the menu (a production kiosk); before the view is built. */
    public void offerTrainingSwitch(TrainingToggle toggle) {
        this.training = toggle;
    }

    /** The switch, or null on a kiosk configured for training only. */
    public TrainingToggle trainingSwitch() {
        return training;
    }

    /** "Chuyển sang chế độ tập huấn" / "Trở về chế độ thật": recorded with who, then the restart. */
    public void switchTraining() {
        requireMenu();
        if (training == null) {
            return;
        }
        boolean to = !training.on();
        StaffAction action = to ? StaffAction.TRAINING_ON : StaffAction.TRAINING_OFF;
        String by = signedIn.get();
        phase.set(Phase.HIDDEN);
        // Recorded before the restart, on this thread: the kiosk ends right after.
        gate.acted(action, by);
        training.switchTo(to);
    }

    /** The counter's devices, or null where they are not shown (some tests). */
    public StaffHealthViewModel health() {
        return health;
    }

    /** Offers "Tình trạng thiết bị" in the menu and its banner; before the view is built. */
    public void offerHealth(StaffHealthViewModel devices) {
        this.health = devices;
    }

    /** "Tình trạng thiết bị": the devices checked again, the tests. */
    public void openHealth() {
        requireMenu();
        if (health != null) {
            health.open();
            phase.set(Phase.HEALTH);
        }
    }

    /** Today's confirmed fees, or null where they are not announced (some tests). */
    public FeeArrivalsViewModel fees() {
        return fees;
    }

    /** Shows today's confirmed fees in the menu; before the view is built. */
    public void announceFees(FeeArrivalsViewModel arrivals) {
        this.fees = arrivals;
    }

    /** Staff's list of volunteers, or null where there is none (some tests). */
    public StaffVolunteersViewModel volunteers() {
        return volunteers;
    }

    /** Offers "Tình nguyện viên" in the menu; before the view is built. */
    public void offerVolunteers(StaffVolunteersViewModel list) {
        this.volunteers = list;
        list.recordActionsWith(this::record);
    }

    /** "Tình nguyện viên": the list and the form to add one, behind the same PIN. */
    public void openVolunteers() {
        requireMenu();
        if (volunteers != null) {
            volunteers.refresh();
            phase.set(Phase.VOLUNTEERS);
        }
    }

    /** The counter's figures, or null. */
    public StaffFiguresViewModel figures() {
        return figures;
    }

    /** "Số liệu": today's figures first, behind the same PIN. */
    public void openFigures() {
        requireMenu();
        if (figures != null) {
            figures.show(vn.motcua.kiosk.figures.Period.TODAY);
            phase.set(Phase.FIGURES);
        }
    }

    /** Today's receipts to reprint, or null. */
    public StaffReprintViewModel reprints() {
        return reprints;
    }

    /** The receipt printer's last trouble (any screen's), until a print works again; null when none. */
    public javafx.beans.property.ReadOnlyObjectProperty<vn.motcua.kiosk.printing.PrintingException> printerTroubleProperty() {
        return printer.troubleProperty();
    }

    /** Why the last e-result was not printed (its signature), until a genuine one is; null when none. */
    public ReadOnlyObjectProperty<vn.motcua.kiosk.signing.pades.ResultVerifier.Problem> resultTroubleProperty() {
        return results.refusedProperty();
    }

    /** The outbox list, or null. */
    public StaffOutboxViewModel outbox() {
        return outbox;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public PinEntry pin() {
        return pin;
    }

    /** The PIN pad's title, as a message key: whether the PIN opens the menu or does one thing. */
    public ReadOnlyStringProperty titleKeyProperty() {
        return titleKey.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Feedback> feedbackProperty() {
        return feedback;
    }

    public boolean fullScreen() {
        return actions.isFullScreen();
    }

    /**
     * Asks for the PIN (staff button, Escape, or the window's close button): a staff PIN opens the
     * menu; once volunteers sign in here, a volunteer's PIN signs them in instead.
     */
    public void open() {
        if (volunteerSignIn == null) {
            ask(MENU_TITLE, null);
        } else {
            ask(COUNTER_TITLE, null, true);
        }
    }

    /** Volunteers sign in at the header's door with their own PIN; {@code signIn} learns whose. */
    public void signInVolunteersWith(Consumer<StaffGate.Result.Accepted> signIn) {
        this.volunteerSignIn = signIn;
    }

    /** Whether the menu offers "Tôi hỗ trợ công dân" (a staff member helping as a volunteer does). */
    public boolean offersHelping() {
        return volunteerSignIn != null;
    }

    /** "Tôi hỗ trợ công dân": the staff member whose PIN opened the menu is named in the header as helping. */
    public void helpCitizens() {
        requireMenu();
        if (volunteerSignIn != null) {
            phase.set(Phase.HIDDEN);
            volunteerSignIn.accept(new StaffGate.Result.Accepted(signedIn.get(), StaffGate.Role.STAFF));
        }
    }

    /**
     * Asks for the counter's PIN — a volunteer's or a staff member's — for one action instead of the
     * menu (answering a help call, signing in to help): the same gate, so the same count of wrong
     * PINs and the same lock. {@code action} learns whose PIN it was.
     */
    public void confirmCounter(String titleMessageKey, Consumer<StaffGate.Result.Accepted> action) {
        ask(titleMessageKey, action, true);
    }

    private void ask(String title, Consumer<StaffGate.Result.Accepted> action) {
        ask(title, action, false);
    }

    private void ask(String title, Consumer<StaffGate.Result.Accepted> action, boolean counter) {
        if (phase.get() == Phase.HIDDEN) {
            signedIn.set(null);
            pin.clear();
            feedback.set(null);
            titleKey.set(title);
            afterPin = action;
            counterPin = counter;
            phase.set(Phase.PIN);
        }
    }

    public void cancel() {
        afterPin = null;
        pin.clear();
        feedback.set(null);
        phase.set(Phase.HIDDEN);
    }

    public void submit() {
        if (phase.get() != Phase.PIN || pin.lengthProperty().get() == 0) {
            return;
        }
        char[] typed = pin.take();
        boolean counter = counterPin;
        phase.set(Phase.CHECKING);
        feedback.set(new Feedback("staff.pin.checking", null));
        Task<StaffGate.Result> check = new Task<>() {
            @Override
            protected StaffGate.Result call() {
                return counter ? gate.checkCounter(typed) : gate.check(typed); // wipes it
            }
        };
        check.setOnSucceeded(e -> show(check.getValue()));
        check.setOnFailed(e -> {
            phase.set(Phase.PIN);
            feedback.set(new Feedback("staff.pin.wrong", 0));
        });
        background.execute(check);
    }

    private void show(StaffGate.Result result) {
        if (result instanceof StaffGate.Result.Accepted accepted) {
            feedback.set(null);
            Consumer<StaffGate.Result.Accepted> action = afterPin;
            afterPin = null;
            if (action == null && accepted.role() == StaffGate.Role.VOLUNTEER) {
                phase.set(Phase.HIDDEN);
                volunteerSignIn.accept(accepted);
            } else if (action == null) {
                signedIn.set(accepted.who());
                phase.set(Phase.MENU);
                if (health != null) {
                    health.check(); // the menu's banner shows a device problem until it is fixed
                }
            } else {
                phase.set(Phase.HIDDEN);
                action.accept(accepted);
            }
        } else if (result instanceof StaffGate.Result.Wrong wrong) {
            feedback.set(new Feedback("staff.pin.wrong", wrong.attemptsLeft()));
            phase.set(Phase.PIN);
        } else if (result instanceof StaffGate.Result.Locked locked) {
            feedback.set(new Feedback("staff.pin.locked", locked.secondsLeft()));
            phase.set(Phase.PIN);
        }
    }

    public void toggleFullScreen() {
        requireMenu();
        if (actions.isFullScreen()) {
            record(StaffAction.LEAVE_FULL_SCREEN); // off the FX thread: a SQLite write
            actions.leaveFullScreen();
        } else {
            actions.enterFullScreen();
        }
        phase.set(Phase.HIDDEN);
    }

    public void quit() {
        requireMenu();
        // On this thread, before the kiosk ends: the staff worker is stopped with it.
        gate.acted(StaffAction.SHUT_DOWN, signedIn.get());
        phase.set(Phase.HIDDEN);
        actions.quit();
    }

    /** "Hồ sơ chờ gửi": the outbox list, behind the same PIN. */
    public void openOutbox() {
        requireMenu();
        if (outbox != null) {
            outbox.refresh();
            phase.set(Phase.OUTBOX);
        }
    }

    /** "In lại biên nhận": today's receipts, behind the same PIN. */
    public void openReprints() {
        requireMenu();
        if (reprints != null) {
            reprints.refresh();
            phase.set(Phase.REPRINT);
        }
    }

    /** Whether the menu offers "Bắt đầu tập huấn lại" (a kiosk with its own training portal). */
    public boolean offersAfresh() {
        return afresh != null;
    }

    public ReadOnlyObjectProperty<Afresh> afreshProperty() {
        return afreshState;
    }

    /** What the kiosk holds before (while asking) or what was erased (when done); null while counting. */
    public ReadOnlyObjectProperty<TrainingAfresh.Counts> afreshCountsProperty() {
        return afreshCounts;
    }

    /** "Bắt đầu tập huấn lại": counts what would go, then asks. */
    public void openAfresh() {
        requireMenu();
        if (afresh == null) {
            return;
        }
        afreshCounts.set(null);
        afreshState.set(Afresh.COUNTING);
        phase.set(Phase.AFRESH);
        Task<TrainingAfresh.Counts> count = new Task<>() {
            @Override
            protected TrainingAfresh.Counts call() {
                return afresh.leftovers();
            }
        };
        count.setOnSucceeded(e -> {
            afreshCounts.set(count.getValue());
            afreshState.set(Afresh.ASK);
        });
        count.setOnFailed(e -> afreshState.set(Afresh.FAILED));
        background.execute(count);
    }

    /** Staff confirmed: the training portal's dossiers, then the kiosk's leftovers, are erased. */
    public void confirmAfresh() {
        if (phase.get() != Phase.AFRESH || afreshState.get() != Afresh.ASK) {
            return;
        }
        afreshState.set(Afresh.ERASING);
        Task<TrainingAfresh.Counts> erase = new Task<>() {
            @Override
            protected TrainingAfresh.Counts call() throws Exception {
                return afresh.run();
            }
        };
        erase.setOnSucceeded(e -> {
            afreshCounts.set(erase.getValue());
            afreshState.set(Afresh.DONE);
        });
        erase.setOnFailed(e -> afreshState.set(Afresh.FAILED));
        background.execute(erase);
    }

    public void backToMenu() {
        if (phase.get() == Phase.OUTBOX || phase.get() == Phase.REPRINT || phase.get() == Phase.FIGURES
                || phase.get() == Phase.VOLUNTEERS || phase.get() == Phase.HEALTH
                || (phase.get() == Phase.AFRESH && afreshState.get() != Afresh.ERASING)) {
            phase.set(Phase.MENU);
        }
    }

    public void closeMenu() {
        phase.set(Phase.HIDDEN);
    }

    private void requireMenu() {
        if (phase.get() != Phase.MENU) {
            throw new IllegalStateException("staff actions need the PIN first");
        }
    }
}
