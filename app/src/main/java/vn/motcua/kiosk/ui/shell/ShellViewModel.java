package vn.motcua.kiosk.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import vn.motcua.kiosk.calendar.DueDate;
import vn.motcua.kiosk.catalogue.CatalogueService;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.catalogue.ReceivingOffices;
import vn.motcua.kiosk.config.Language;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.session.ApplicantPrefill;
import vn.motcua.kiosk.session.EndReason;
import vn.motcua.kiosk.session.InactivityMonitor;
import vn.motcua.kiosk.session.InterruptedDraft;
import vn.motcua.kiosk.session.InterruptedDrafts;
import vn.motcua.kiosk.session.KioskSession;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.applicant.ApplicantViewModel;
import vn.motcua.kiosk.ui.drafts.DraftsViewModel;
import vn.motcua.kiosk.ui.fee.FeeText;
import vn.motcua.kiosk.ui.form.FormViewModel;
import vn.motcua.kiosk.ui.procedure.ProcedureViewModel;

/**
 * State of the kiosk shell: which screen shows, the citizen's display choices, the session and
 * its inactivity countdown. Views bind to it; it calls the session workflow and nothing else.
 * The ID card's prefill ({@link ApplicantPrefill}) and the fee in words ({@link FeeText}) are
 * their own classes.
 */
public final class ShellViewModel {
    private final SessionService sessions;
    private final Supplier<InactivityMonitor> monitors;
    private final I18n i18n;
    private final Locale defaultLocale;

    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.WELCOME);
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CONSENT);
    private final ObjectProperty<Connectivity.State> portal =
            new SimpleObjectProperty<>(Connectivity.State.UNKNOWN);
    private final StringProperty feature = new SimpleStringProperty("");
    private final BooleanProperty sessionOpen = new SimpleBooleanProperty();
    private final BooleanProperty largeText = new SimpleBooleanProperty();
    private final BooleanProperty highContrast = new SimpleBooleanProperty();
    private final BooleanProperty warning = new SimpleBooleanProperty();
    private final LongProperty secondsLeft = new SimpleLongProperty();
    private final DraftsViewModel drafts;
    private final CatalogueService catalogue;
    private final ProcedureViewModel procedures;
    private final ApplicantViewModel applicant;
    private final ApplicantPrefill prefill;
    private final FeeText feeText;
    private final InterruptedDrafts interrupted;
    private final Executor background;
    private final String agencyCode;
    private final String provinceCode;
    private final ObservableList<InterruptedDraft> interruptedOffers = FXCollections.observableArrayList();
    private InactivityMonitor monitor;
    private final List<Runnable> alsoEachSecond = new ArrayList<>();
    private boolean resumeAfterConsent;
    /** The interrupted draft chosen on Welcome, taken up after consent; null otherwise. */
    private InterruptedDraft resuming;

    public ShellViewModel(SessionService sessions, Supplier<InactivityMonitor> monitors, I18n i18n, Executor background,
                          CatalogueService catalogue, String provinceCode, InterruptedDrafts interrupted) {
        this(sessions, monitors, i18n, background, catalogue, provinceCode, null, interrupted);
    }

    /** @param agencyCode the kiosk's own agency: where a dossier goes unless the citizen chooses another office */
    public ShellViewModel(SessionService sessions, Supplier<InactivityMonitor> monitors, I18n i18n, Executor background,
                          CatalogueService catalogue, String provinceCode, String agencyCode, InterruptedDrafts interrupted) {
        this.agencyCode = agencyCode;
        this.provinceCode = provinceCode;
        this.sessions = sessions;
        this.interrupted = interrupted;
        this.background = background;
        this.monitors = monitors;
        this.i18n = i18n;
        this.defaultLocale = i18n.locale();
        this.monitor = monitors.get();
        this.catalogue = catalogue;
        this.drafts = new DraftsViewModel(sessions, interrupted, background, this::parked, this::restored);
        this.procedures = new ProcedureViewModel(catalogue, provinceCode, this::procedureChosen);
        this.applicant = new ApplicantViewModel(this::applicantConfirmed);
        this.prefill = new ApplicantPrefill(sessions, catalogue);
        this.feeText = new FeeText(catalogue, provinceCode, i18n, this::procedure);
        refreshInterruptedOffers();
    }

    /**
     * Drafts an earlier run left cut off (a crash, a kill) that the citizen still at the desk may
     * take up: Welcome offers them. Each leaves the list when its window passes or once taken up.
     */
    public ObservableList<InterruptedDraft> interruptedOffers() {
        return interruptedOffers;
    }

    /** "Hồ sơ đang làm dở lúc 10:42 — Lý lịch tư pháp": when and what, nothing about whom. */
    public String interruptedOfferText(InterruptedDraft offer) {
        String name = catalogue.catalogue().procedure(offer.procedureId()).map(p -> p.name().in(i18n.language().getValue()))
                .orElse("");
        return i18n.messages().get("welcome.interrupted", OFFER_TIME.format(offer.lastSaved()), name);
    }

    private static final java.time.format.DateTimeFormatter OFFER_TIME =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm").withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    /** The offer being taken up, in words that follow the language switch (empty when none is). */
    public javafx.beans.binding.StringBinding resumingText() {
        InterruptedDraft offer = resuming;
        return javafx.beans.binding.Bindings.createStringBinding(
                () -> offer == null ? "" : interruptedOfferText(offer), i18n.messagesProperty());
    }

    /** Reads the offers off the UI thread (the database); Welcome shows them when they come. */
    private void refreshInterruptedOffers() {
        Task<List<InterruptedDraft>> read = new Task<>() {
            @Override
            protected List<InterruptedDraft> call() {
                return interrupted.offers();
            }
        };
        read.setOnSucceeded(e -> {
            if (!sessionOpen.get()) {
                interruptedOffers.setAll(read.getValue().stream().filter(interrupted::open).toList());
            }
        });
        try {
            background.execute(read);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The kiosk is closing (its workers are stopped): there is no Welcome left to offer on.
        }
    }

    /** "Tiếp tục hồ sơ này": a new session (consent is asked again), then the birth year. */
    public void startInterrupted(InterruptedDraft offer) {
        if (!interrupted.open(offer)) {
            interruptedOffers.remove(offer);
            return;
        }
        open(false);
        resuming = offer;
        drafts.resuming(offer.sessionId());
    }

    public ProcedureViewModel procedures() {
        return procedures;
    }

    public ApplicantViewModel applicant() {
        return applicant;
    }

    /** The procedure the citizen chose in this session. */
    public Optional<Procedure> procedure() {
        return sessions.current().map(KioskSession::procedureId).flatMap(id -> catalogue.catalogue().procedure(id));
    }

    private void procedureChosen(Procedure p) {
        sessions.chooseProcedure(p.id());
        applicant.reset();
        step.set(Step.APPLICANT);
        screen.set(Screen.STEP);
    }

    private void applicantConfirmed(Map<String, String> card) {
        prefill.fill(card);
        goTo(Step.FORM);
    }

    /**
     * The form of the chosen procedure, with the answers so far (a resumed draft, the ID-card
     * prefill); every change is saved at once. Null when no procedure is chosen.
     */
    public FormViewModel newForm() {
        Optional<Procedure> p = procedure();
        if (p.isEmpty()) {
            return null;
        }
        Map<String, String> so = sessions.current().map(KioskSession::answers).orElse(Map.of());
        return new FormViewModel(p.get().form(), i18n.language(), catalogue.places(), catalogue.validator(),
                Answers.of(so), (path, value) -> {
                    if (value == null) {
                        sessions.removeAnswer(path);
                    } else {
                        sessions.answer(path, value);
                    }
                }, new ReceivingOffices(p.get().id(), agencyCode, provinceCode, catalogue.offices()));
    }

    /** The fee with the answers so far, in words (reductions and exemptions applied). */
    public FeeText feeText() {
        return feeText;
    }

    /** The form is complete: the return date it gives is kept for the receipt; on to the papers. */
    public void formDone(Answers answers) {
        procedure().ifPresent(p -> {
            DueDate due = catalogue.dueIfReceivedNow(p, answers);
            if (due.known()) {
                sessions.recordDueDate(due.date());
            }
        });
        goTo(Step.PAPERS);
    }

    /** Whether the chosen procedure is signed: "required", "optional" or "none". */
    public String signature() {
        return procedure().map(p -> p.signature() == null ? "required" : p.signature().name()).orElse("required");
    }

    /** What the dossier is, for the review screen: the procedure and the applicant's name. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        Language language = i18n.language().getValue();
        procedure().ifPresent(p -> {
            lines.add(p.name().in(language));
            Map<String, String> answers = sessions.current().map(KioskSession::answers).orElse(Map.of());
            p.form().applicantFields().stream().filter(f -> "name".equals(f.prefill())).findFirst()
                    .map(f -> answers.get(f.id())).filter(n -> n != null && !n.isBlank())
                    .ifPresent(n -> lines.add(i18n.messages().get("signing.review.applicant", n)));
        });
        return lines;
    }

    /** The dossier before "Nộp hồ sơ": procedure, applicant, how many papers, the fee. */
    public List<String> filingFacts() {
        List<String> lines = new ArrayList<>(summary());
        int papers = sessions.current().map(s -> s.documents().size()).orElse(0);
        lines.add(i18n.messages().get("submit.papers", papers));
        Answers answers = Answers.of(sessions.current().map(KioskSession::answers).orElse(Map.of()));
        feeText.submitLine(answers).ifPresent(lines::add);
        return lines;
    }

    /** A desk reader scanned an ID card, whatever the focus: its screen shows what was read. */
    public void idScanned(String text) {
        if (sessionOpen.get() && procedure().isPresent()
                && sessions.current().map(KioskSession::consented).orElse(false)) {
            applicant.scanned(text);
            if (step.get() != Step.APPLICANT) {
                goTo(Step.APPLICANT);
            }
        }
    }

    public DraftsViewModel drafts() {
        return drafts;
    }

    public I18n i18n() {
        return i18n;
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /** Whether the portal answers: the dot in the header on every screen. */
    public ObjectProperty<Connectivity.State> portalProperty() {
        return portal;
    }

    /** Follows the core's connectivity, hopping to the FX thread. */
    public void follow(Connectivity connectivity) {
        portal.set(connectivity.state());
        connectivity.subscribe(s -> javafx.application.Platform.runLater(() -> portal.set(s)));
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step;
    }

    /** The message key of the Welcome feature opened without a session (resume, track, result). */
    public ReadOnlyStringProperty featureProperty() {
        return feature;
    }

    public ReadOnlyBooleanProperty sessionOpenProperty() {
        return sessionOpen;
    }

    public BooleanProperty largeTextProperty() {
        return largeText;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public ReadOnlyBooleanProperty warningProperty() {
        return warning;
    }

    public ReadOnlyLongProperty secondsLeftProperty() {
        return secondsLeft;
    }

    public void toggleLanguage() {
        i18n.setLocale(i18n.locale().getLanguage().equals("vi") ? Locale.ENGLISH : Locale.forLanguageTag("vi"));
    }

    /** "Nộp hồ sơ": opens a session, which first asks for consent. */
    public void startFiling() {
        open(false);
    }

    /** "Tiếp tục hồ sơ": a new session too (consent is asked again), then the resume code. */
    public void startResume() {
        open(true);
    }

    private void open(boolean resume) {
        if (sessions.current().isEmpty()) {
            sessions.begin();
        }
        interruptedOffers.clear(); // a session is open: Welcome's offers are read again after it
        resumeAfterConsent = resume;
        procedures.reset(); // the list as the portal offers it now
        monitor = monitors.get();
        sessionOpen.set(true);
        step.set(Step.CONSENT);
        screen.set(Screen.CONSENT);
    }

    public void acceptConsent() {
        sessions.acceptConsent();
        step.set(Step.PROCEDURE);
        screen.set(resuming != null ? Screen.RESUME_INTERRUPTED : resumeAfterConsent ? Screen.RESUME : Screen.STEP);
    }

    /** "Lưu nháp": asks for the birth year, then parks. */
    public void parkDraft() {
        if (sessionOpen.get() && screen.get() == Screen.STEP) {
            screen.set(Screen.PARK);
        }
    }

    /** Moves the citizen to a step of the path (saved with the draft). */
    public void goTo(Step next) {
        sessions.moveTo(next);
        step.set(next);
        screen.set(Screen.STEP);
    }

    /** From the park screen back to where the citizen was. */
    public void backToStep() {
        screen.set(Screen.STEP);
    }

    private void parked() {
        // SessionService.park ended the session; the code stays on screen until "Xong" or the timeout.
        closeSession();
        screen.set(Screen.PARKED);
    }

    private void restored(Step at) {
        resuming = null;
        step.set(at);
        screen.set(Screen.STEP);
    }

    public void declineConsent() {
        sessions.declineConsent();
        backToWelcome();
    }

    /** "Kết thúc": ends the session and erases it. */
    public void endSession() {
        sessions.end(EndReason.FINISHED);
        backToWelcome();
    }

    /** A Welcome feature that does not start a filing session. */
    public void openFeature(String messageKey) {
        feature.set(messageKey);
        screen.set(Screen.FEATURE);
    }

    public void home() {
        if (sessionOpen.get()) {
            endSession();
        } else {
            backToWelcome();
        }
    }

    /** Any touch, click or key: the citizen is still there. */
    public void userActivity() {
        monitor.activity();
        warning.set(false);
    }

    /** Other parts of the shell that count seconds (help calls, volunteers, announcements): ticked after the shell. */
    public void everySecond(Runnable work) {
        alsoEachSecond.add(work);
    }

    /** Called every second by the shell's timer (and by tests after moving the clock). */
    public void tick() {
        tickShell();
        alsoEachSecond.forEach(Runnable::run);
    }

    private void tickShell() {
        interruptedOffers.removeIf(o -> !interrupted.open(o)); // no disk: the window is in the offer
        InactivityMonitor.Status status = monitor.poll();
        secondsLeft.set(status.secondsLeft());
        switch (status.phase()) {
            case ACTIVE -> warning.set(false);
            // Without a session there is nothing to lose: no warning, just a quiet reset at the end.
            case WARNING -> warning.set(sessionOpen.get());
            case EXPIRED -> {
                if (sessionOpen.get()) {
                    sessions.end(EndReason.TIMEOUT);
                }
                backToWelcome();
            }
        }
    }

    /** Ends any session because the kiosk is closing. */
    public void shutdown() {
        if (sessionOpen.get()) {
            sessions.end(EndReason.KIOSK_CLOSED);
        }
    }

    /** "Xong" on the parked screen. */
    public void done() {
        backToWelcome();
    }

    private void closeSession() {
        monitor = monitors.get();
        sessionOpen.set(false);
        warning.set(false);
        resumeAfterConsent = false;
        resuming = null;
    }

    /** Back to a clean Welcome: the next citizen gets the defaults, not the last one's choices. */
    private void backToWelcome() {
        closeSession();
        drafts.reset();
        procedures.reset();
        applicant.reset();
        step.set(Step.CONSENT);
        feature.set("");
        largeText.set(false);
        highContrast.set(false);
        i18n.setLocale(defaultLocale);
        interruptedOffers.clear(); // until read again: one taken up meanwhile is gone
        refreshInterruptedOffers();
        screen.set(Screen.WELCOME);
    }
}
