package vn.motcua.kiosk.ui;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.ReceiptPaper;
import vn.motcua.kiosk.config.TonePlacement;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.keyboard.ToneStyle;
import vn.motcua.kiosk.payment.Payments;
import vn.motcua.kiosk.portal.Connectivity;
import vn.motcua.kiosk.printing.PrinterTrouble;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;
import vn.motcua.kiosk.startup.BuildStampWatcher;
import vn.motcua.kiosk.startup.ExitStatus;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.ui.applicant.ChipViewModel;
import vn.motcua.kiosk.ui.fee.FeeViewModel;
import vn.motcua.kiosk.ui.filing.FilingScreens;
import vn.motcua.kiosk.ui.filing.SubmitViewModel;
import vn.motcua.kiosk.ui.help.HelpCallViewModel;
import vn.motcua.kiosk.ui.outcome.OutcomeScreen;
import vn.motcua.kiosk.ui.outcome.OutcomeViewModel;
import vn.motcua.kiosk.ui.papers.PapersViewModel;
import vn.motcua.kiosk.ui.result.ResultView;
import vn.motcua.kiosk.ui.result.ResultViewModel;
import vn.motcua.kiosk.ui.shell.Screen;
import vn.motcua.kiosk.ui.shell.ShellView;
import vn.motcua.kiosk.ui.shell.ShellViewModel;
import vn.motcua.kiosk.ui.signing.ReviewViewModel;
import vn.motcua.kiosk.ui.signing.SigningScreen;
import vn.motcua.kiosk.ui.staff.PrinterTroubleBoard;
import vn.motcua.kiosk.ui.staff.ResultTroubleBoard;
import vn.motcua.kiosk.ui.staff.StaffFiguresViewModel;
import vn.motcua.kiosk.usb.RemovableMedia;
import vn.motcua.kiosk.ui.staff.StaffOutboxViewModel;
import vn.motcua.kiosk.ui.staff.StaffReprintViewModel;
import vn.motcua.kiosk.ui.staff.StaffViewModel;
import vn.motcua.kiosk.ui.staff.StaffVolunteersViewModel;
import vn.motcua.kiosk.ui.speech.ReadAloud;
import vn.motcua.kiosk.ui.speech.ReadAloudButtons;
import vn.motcua.kiosk.ui.staff.FeeArrivalsViewModel;
import vn.motcua.kiosk.ui.staff.StaffHealthViewModel;
import vn.motcua.kiosk.ui.staff.FeeArrivedNotice;
import vn.motcua.kiosk.ui.track.TrackView;
import vn.motcua.kiosk.ui.track.TrackViewModel;
import vn.motcua.kiosk.ui.volunteer.VolunteerViewModel;
import vn.motcua.kiosk.session.KioskSession;

/**
 * The UI's composition: view models and screens over the core that {@code startup.KioskServices}
 * composed, each kind of work on its own {@link Workers} thread. The one place the screens are
 * wired; {@link KioskApp} only runs the application's life.
 */
public final class KioskScreens {
    private static final Duration PRINT_LIMIT = Duration.ofSeconds(60);

    private KioskScreens() {}

    /** The shell without {@code --restart-when-changed}. */
    public static Parent buildShell(Stage stage, KioskConfig config, KioskServices services, Workers workers,
            Consumer<ExitStatus> exit) {
        return buildShell(stage, config, services, workers, exit, null);
    }

    /**
     * Builds the shell for a stage; also what the UI tests call, with their own services and clock.
     * Escape and the window's close button ask for the staff PIN instead of closing. {@code exit}
     * ends the kiosk with a status (staff leaving, an update); {@code updates}, when not null, is
     * the installed build's stamp: once it changes, the kiosk ends with {@link ExitStatus#UPDATED}
     * between sessions.
     */
    public static Parent buildShell(Stage stage, KioskConfig config, KioskServices services, Workers workers,
            Consumer<ExitStatus> exit, BuildStampWatcher updates) {
        I18n i18n = new I18n(config.language().locale());
        ShellViewModel shell = new ShellViewModel(services.sessions(), services::newInactivityMonitor, i18n,
                workers.session(), services.catalogue(), config.agency().provinceCode(), config.agency().code(),
                services.interruptedDrafts());
        ReceiptLayout layout = config.devices().receiptPaper() == ReceiptPaper.ROLL_80MM ? ReceiptLayout.ROLL_80MM
                : ReceiptLayout.A5;
        PrinterTroubleBoard toStaff = new PrinterTroubleBoard();
        ResultTroubleBoard refusedResults = new ResultTroubleBoard();
        StaffViewModel staff = new StaffViewModel(services.staffGate(), new StageActions(stage, shell, exit),
                workers.staff(), new StaffOutboxViewModel(services.portal(), workers.staff()),
                new StaffReprintViewModel(services.reprints(), services::printer, new ReceiptRenderer(), layout,
                        OutcomeViewModel.paperFor(layout), workers.staff(), workers.printer(), toStaff, PRINT_LIMIT),
                new StaffFiguresViewModel(services.figures(), services.timeliness(), id -> services.catalogue().catalogue().procedure(id)
                        .map(Procedure::name).orElse(Label.of(id, id)), new RemovableMedia(services::removableMedia),
                        config.kioskId(), workers.staff()),
                toStaff, refusedResults, services.trainingAfresh().orElse(null));
        ReviewViewModel review = new ReviewViewModel(services.sessions(), services.signingStep(), workers.token(),
                () -> i18n.messages().get("signing.review.reason"));
        SigningScreen signing = new SigningScreen(review, services.tokenScan(), config.signing().shuffledPinPad());
        shell.applicant().useChip(new ChipViewModel(services::chipReader, workers.chip()));
        shell.follow(services.portal().connectivity());
        FilingScreens filing = filingScreens(services, workers, layout, toStaff);
        HelpCallViewModel help = new HelpCallViewModel(services.helpCall(), staff);
        FeeArrivalsViewModel fees = new FeeArrivalsViewModel(services.feeArrivals(), services.clock());
        staff.announceFees(fees);
        services.trainingSwitch().ifPresent(sw -> staff.offerTrainingSwitch(new StaffViewModel.TrainingToggle() {
            @Override
            public boolean on() {
                return config.training();
            }

            @Override
            public void switchTo(boolean training) {
                sw.set(training);
                exit.accept(ExitStatus.MODE_CHANGED); // the service restarts the kiosk, in the other mode
            }
        }));
        staff.offerHealth(new StaffHealthViewModel(services.health(), i18n::messages, workers.devices()));
        staff.offerVolunteers(new StaffVolunteersViewModel(services.volunteers(), services.volunteerDesk(), workers.staff()));
        VolunteerViewModel volunteers = new VolunteerViewModel(services.volunteerDesk(), staff,
                () -> services.sessions().current().map(KioskSession::id).orElse(null));
        volunteers.offerParkedDrafts(services.parkedDrafts(), id -> services.catalogue().catalogue().procedure(id)
                .map(Procedure::name).orElse(Label.of(id, id)), shell::startResume, workers.session());
        ShellView view = new ShellView(shell, staff, help, volunteers, signing, filing, config.agency().name(),
                config.training(), config.timeouts().inactivityEndSeconds());
        // The session's end (any way: "Kết thúc", timeout, parking) drops the dossier, its fee and receipt.
        shell.sessionOpenProperty().addListener((obs, was, is) -> {
            if (!is) {
                filing.reset();
            } else {
                volunteers.sessionOpened();
            }
        });
        view.addNotice(new FeeArrivedNotice(fees, i18n));
        readAloud(view, shell, services, workers, i18n);
        shell.everySecond(help::tick);
        shell.everySecond(volunteers::tick);
        shell.everySecond(fees::tick);
        view.setUserData(shell);
        TrackViewModel track = new TrackViewModel(services.tracking(), workers.portal());
        view.feature("welcome.track", () -> TrackView.create(track, i18n, shell::home));
        ResultViewModel result = new ResultViewModel(services.results(), services::printer, workers.portal(),
                workers.printer(), refusedResults);
        view.feature("welcome.result", () -> ResultView.create(result, i18n, shell::home));
        // Leaving a Welcome feature (its home button, or the idle reset) forgets its code, digits and
        // PDF: the one place that does it, so no way out of the screen can skip it.
        shell.screenProperty().addListener((obs, was, is) -> {
            if (was == Screen.FEATURE && is != was) {
                track.reset();
                result.reset();
            }
        });
        if (updates != null) {
            RestartAfterUpdate restart = new RestartAfterUpdate(shell, staff, help, workers.session(),
                    services.sessions()::flush, exit);
            updates.onChange(() -> Platform.runLater(restart::updateInstalled));
        }
        view.setToneStyle(config.keyboard().tonePlacement() == TonePlacement.OLD ? ToneStyle.OLD : ToneStyle.NEW);
        guardTheWindow(stage, view, staff);
        Timeline ticker = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            shell.tick();
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        // Ticks only while the shell is in a window: a running Timeline is held by the FX pulse, and
        // with it the shell and the kiosk's services, so a shell replaced by another (a restart, a
        // test) would never be collected and would go on ticking.
        view.sceneProperty().flatMap(Scene::windowProperty).addListener((obs, was, is) -> {
            if (is == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });
        return view;
    }

    /**
     * "Nghe" on the session bar when the kiosk has a speech engine. A new screen silences the old
     * one's words; the session's end (or Welcome after a feature screen) resets it: off, default volume.
     */
    private static void readAloud(ShellView view, ShellViewModel shell, KioskServices services, Workers workers, I18n i18n) {
        ReadAloud readAloud = new ReadAloud(services::speech, workers.speech(), i18n);
        readAloud.attach(view);
        if (readAloud.available()) {
            view.addToSessionBar(new ReadAloudButtons(readAloud, i18n, "read-aloud"));
            view.addBesideKeyboard(ReadAloudButtons.listen(readAloud, i18n, "keyboard-read-aloud"));
            // Welcome has no session bar: its own "Nghe" under the header, there only.
            ReadAloudButtons onWelcome = new ReadAloudButtons(readAloud, i18n, "welcome-read-aloud");
            onWelcome.getStyleClass().add("welcome-read-aloud");
            onWelcome.visibleProperty().bind(shell.screenProperty().isEqualTo(Screen.WELCOME));
            onWelcome.managedProperty().bind(onWelcome.visibleProperty());
            view.addNotice(onWelcome);
        }
        shell.screenProperty().addListener((obs, was, is) -> {
            if (is == Screen.WELCOME) {
                readAloud.reset();
            } else {
                readAloud.stop();
            }
        });
        shell.stepProperty().addListener((obs, was, is) -> readAloud.stop());
        shell.sessionOpenProperty().addListener((obs, was, is) -> {
            if (!is) {
                readAloud.reset();
            }
        });
    }

    /** Escape, the close button and a dropped full screen lead to the staff PIN, never out. */
    private static void guardTheWindow(Stage stage, ShellView view, StaffViewModel staff) {
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            // Consumed: a question on screen took Escape as its "no" (filters on one node all run).
            if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed() && staff.phaseProperty().get() == StaffViewModel.Phase.HIDDEN) {
                staff.open();
                e.consume();
            }
        });
        stage.setOnCloseRequest(e -> {
            e.consume();
            staff.open();
        });
        // A window manager may drop full screen on its own; only staff may leave it.
        stage.fullScreenProperty().addListener((obs, was, is) -> {
            if (was && !is && !StageActions.leaving(stage)) {
                Platform.runLater(() -> stage.setFullScreen(true));
            }
        });
    }

    /** Papers, submit, fee and receipt with the kiosk's devices and portal. */
    private static FilingScreens filingScreens(KioskServices services, Workers workers, ReceiptLayout layout,
            PrinterTrouble staffHears) {
        PapersViewModel papers = new PapersViewModel(services.papers(), workers.scanner(), new RemovableMedia(services::removableMedia));
        SubmitViewModel submit = new SubmitViewModel(services.filing(), workers.session(),
                () -> services.portal().connectivity().state() != Connectivity.State.OFFLINE,
                Duration.ofSeconds(20), Duration.ofMillis(250));
        FeeViewModel fee = new FeeViewModel(new Payments(() -> services.portal().client(), services.feeArrivals()), workers.portal(),
                Duration.ofSeconds(3));
        OutcomeScreen outcome = new OutcomeScreen(new ReceiptRenderer(), layout, services.printer(), workers.printer(),
                staffHears, PRINT_LIMIT);
        // Each receipt shown is kept for the day, for staff to reprint (a small SQLite write, off the UI thread).
        return new FilingScreens(papers, submit, fee, outcome, services.filing(),
                receipt -> workers.session().execute(() -> services.reprints().remember(receipt)));
    }
}
