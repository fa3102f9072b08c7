package vn.motcua.kiosk.ui;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.catalogue.CatalogueCheck;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.config.TonePlacement;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.identity.SerialQrReader;
import vn.motcua.kiosk.keyboard.ToneStyle;
import vn.motcua.kiosk.session.EndReason;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.startup.Options;
import vn.motcua.kiosk.startup.StartupFailure;
import vn.motcua.kiosk.config.ReceiptPaper;
import vn.motcua.kiosk.payment.Payments;
import vn.motcua.kiosk.printing.PrinterTrouble;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;
import vn.motcua.kiosk.ui.fee.FeeViewModel;
import vn.motcua.kiosk.ui.filing.FilingScreens;
import vn.motcua.kiosk.ui.filing.SubmitViewModel;
import vn.motcua.kiosk.ui.help.HelpCallViewModel;
import vn.motcua.kiosk.ui.outcome.OutcomeScreen;
import vn.motcua.kiosk.ui.outcome.OutcomeViewModel;
import vn.motcua.kiosk.ui.staff.PrinterTroubleBoard;
import vn.motcua.kiosk.ui.staff.StaffReprintViewModel;
import vn.motcua.kiosk.ui.papers.PapersViewModel;
import vn.motcua.kiosk.ui.result.ResultView;
import vn.motcua.kiosk.ui.result.ResultViewModel;
import vn.motcua.kiosk.ui.shell.ShellView;
import vn.motcua.kiosk.ui.shell.ShellViewModel;
import vn.motcua.kiosk.ui.signing.ReviewViewModel;
import vn.motcua.kiosk.ui.signing.SigningScreen;
import vn.motcua.kiosk.ui.staff.StaffActions;
import vn.motcua.kiosk.ui.staff.StaffOutboxViewModel;
import vn.motcua.kiosk.ui.staff.StaffViewModel;
import vn.motcua.kiosk.ui.startup.StartupErrorView;
import vn.motcua.kiosk.ui.track.TrackView;
import vn.motcua.kiosk.ui.track.TrackViewModel;

/**
 * The JavaFX application: loads the configuration, opens the core, and shows the kiosk shell
 * full screen — or, when the configuration is unusable, a full-screen page saying why.
 */
public final class KioskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(KioskApp.class);
    private static Options options;

    private KioskServices services;
    private SerialQrReader serialReader;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kiosk-background");
        t.setDaemon(true);
        return t;
    });

    private static CompletableFuture<Prepared> preparing;

    /** The configuration and the core, or why they could not be had. */
    private record Prepared(KioskConfig config, KioskServices services, Exception failure) {}

    /**
     * Reads the configuration and opens the core (database, catalogue, drivers) on another thread
     * while JavaFX starts: on two cores the two overlap, and the first frame comes sooner.
     */
    public static void launchKiosk(Options opts) {
        options = opts;
        preparing = CompletableFuture.supplyAsync(KioskApp::prepare);
        Application.launch(KioskApp.class);
    }

    private static Prepared prepare() {
        try {
            KioskConfig config = new ConfigLoader().load(options.configSource());
            return new Prepared(config,
                    KioskServices.open(options.configSource(), config, options.dataDir(), Clock.systemDefaultZone()),
                    null);
        } catch (Exception e) {
            return new Prepared(null, null, e);
        }
    }

    @Override
    public void start(Stage stage) {
        loadFonts();
        stage.setTitle("Mot Cua Kiosk");
        Parent root;
        try {
            Prepared prepared = preparing.join();
            Exception failure = prepared.failure();
            if (failure instanceof ConfigException c) {
                throw c;
            } else if (failure instanceof DataException d) {
                throw d;
            } else if (failure instanceof RuntimeException r) {
                throw r;
            } else if (failure != null) {
                throw new IllegalStateException(failure);
            }
            KioskConfig config = prepared.config();
            services = prepared.services();
            root = buildShell(stage, config, services, background, Platform::exit);
            openSerialReader(config, (ShellViewModel) root.getUserData());
        } catch (ConfigException e) {
            // kiosk.json or another file of the folder (signing drivers)
            LOG.error("configuration unusable: {}", e.getMessage());
            Messages vi = Messages.of(Locale.forLanguageTag("vi"));
            Messages en = Messages.of(Locale.ENGLISH);
            root = new StartupErrorView(e.problems().stream()
                    .map(p -> new StartupErrorView.Problem(vi.describe(p), en.describe(p))).toList());
        } catch (DataException e) {
            LOG.error("configuration data unusable: {}", e.getMessage());
            Messages vi = Messages.of(Locale.forLanguageTag("vi"));
            Messages en = Messages.of(Locale.ENGLISH);
            root = new StartupErrorView(e.problems().stream().map(p -> new StartupErrorView.Problem(
                    CatalogueCheck.describe(vi, p), CatalogueCheck.describe(en, p))).toList());
        } catch (StartupFailure e) {
            LOG.error("database unusable: {}", e.getMessage());
            root = new StartupErrorView(List.of(new StartupErrorView.Problem(
                    Messages.of(Locale.forLanguageTag("vi")).get("startup.error.database", e.file(), e.getMessage()),
                    Messages.of(Locale.ENGLISH).get("startup.error.database", e.file(), e.getMessage()))));
        }
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        stage.setFullScreen(!options.windowed());
        if (options.reportFirstFrame()) {
            reportFirstFrame(scene);
        }
        if (services != null) {
            startPortalAfterFirstFrame(scene, services);
        }
        stage.show();
    }

    /**
     * Builds the shell for a stage; also what the UI tests call, with their own services and clock.
     * Escape and the window's close button ask for the staff PIN instead of closing.
     */
    public static Parent buildShell(Stage stage, KioskConfig config, KioskServices services, ExecutorService background,
            Runnable exit) {
        I18n i18n = new I18n(config.language().locale());
        ShellViewModel shell = new ShellViewModel(services.sessions(), services::newInactivityMonitor, i18n, background,
                services.catalogue(), config.agency().provinceCode());
        ReceiptLayout layout = config.devices().receiptPaper() == ReceiptPaper.ROLL_80MM ? ReceiptLayout.ROLL_80MM
                : ReceiptLayout.A5;
        PrinterTroubleBoard toStaff = new PrinterTroubleBoard();
        StaffViewModel staff = new StaffViewModel(services.staffGate(), new StageActions(stage, shell, exit), background,
                new StaffOutboxViewModel(services.portal(), background),
                new StaffReprintViewModel(services.reprints(), services::printer, new ReceiptRenderer(), layout,
                        OutcomeViewModel.paperFor(layout), background, toStaff, java.time.Duration.ofSeconds(60)),
                toStaff);
        ReviewViewModel review = new ReviewViewModel(services.sessions(), services.signingStep(), background,
                () -> i18n.messages().get("signing.review.reason"));
        SigningScreen signing = new SigningScreen(review, services.tokenScan(), config.signing().shuffledPinPad());
        shell.follow(services.portal().connectivity());
        FilingScreens filing = filingScreens(services, background, layout, toStaff);
        HelpCallViewModel help = new HelpCallViewModel(services.helpCall(), staff);
        shell.onReset(help::withdraw);
        ShellView view = new ShellView(shell, staff, help, signing, filing, config.agency().name(), config.training(),
                config.timeouts().inactivityEndSeconds());
        // The session's end (any way: "Kết thúc", timeout, parking) drops the dossier, its fee and receipt.
        shell.sessionOpenProperty().addListener((obs, was, is) -> {
            if (!is) {
                filing.reset();
            }
        });
        view.setUserData(shell);
        TrackViewModel track = new TrackViewModel(services.tracking(), background);
        view.feature("welcome.track", () -> TrackView.create(track, i18n, shell::home));
        ResultViewModel result = new ResultViewModel(services.results(),
                services::printer, background);
        view.feature("welcome.result", () -> ResultView.create(result, i18n, shell::home));
        // Leaving a Welcome feature (its home button, or the idle reset) forgets its code, digits and
        // PDF: the one place that does it, so no way out of the screen can skip it.
        shell.screenProperty().addListener((obs, was, is) -> {
            if (was == vn.motcua.kiosk.ui.shell.Screen.FEATURE && is != was) {
                track.reset();
                result.reset();
            }
        });
        view.setToneStyle(config.keyboard().tonePlacement() == TonePlacement.OLD ? ToneStyle.OLD : ToneStyle.NEW);

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
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            shell.tick();
            help.tick();
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
        return view;
    }

    /** Papers, submit, fee and receipt with the kiosk's devices and portal. */
    private static FilingScreens filingScreens(KioskServices services, ExecutorService background, ReceiptLayout layout,
            PrinterTrouble staffHears) {
        PapersViewModel papers = new PapersViewModel(services.papers(), background, services::removableMedia);
        SubmitViewModel submit = new SubmitViewModel(services.filing(), background,
                () -> services.portal().connectivity().state() != vn.motcua.kiosk.portal.Connectivity.State.OFFLINE,
                java.time.Duration.ofSeconds(20),
                java.time.Duration.ofMillis(250));
        FeeViewModel fee = new FeeViewModel(new Payments(() -> services.portal().client()), background,
                java.time.Duration.ofSeconds(3));
        OutcomeScreen outcome = new OutcomeScreen(new ReceiptRenderer(), layout, services.printer(), background, staffHears,
                java.time.Duration.ofSeconds(60));
        // Each receipt shown is kept for the day, for staff to reprint (a small SQLite write, off the UI thread).
        return new FilingScreens(papers, submit, fee, outcome, services.filing(),
                receipt -> background.execute(() -> services.reprints().remember(receipt)));
    }

    /** The portal link (and in training the embedded portal) starts once Welcome is on screen. */
    private void startPortalAfterFirstFrame(Scene scene, KioskServices services) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            background.submit(() -> {
                try {
                    services.portal().start();
                } catch (IOException | RuntimeException e) {
                    // The kiosk still files dossiers into the outbox; the dot says offline, doctor says why.
                    LOG.error("portal link did not start: {}", e.toString());
                    services.portal().connectivity().report(false);
                }
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** A desk reader on a serial port feeds the same path as one typing like a keyboard. */
    private void openSerialReader(KioskConfig config, ShellViewModel shell) {
        if (config.devices().idCardReader().type() != KioskConfig.ReaderType.serial) {
            return;
        }
        try {
            serialReader = SerialQrReader.open(config.devices().idCardReader().serialPort(),
                    text -> Platform.runLater(() -> shell.idScanned(text)));
        } catch (IOException e) {
            // The kiosk still works (typing, keyboard readers); doctor names the port.
            LOG.error("ID-card reader: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (serialReader != null) {
            serialReader.close();
        }
        if (services != null) {
            services.sessions().end(EndReason.KIOSK_CLOSED);
            services.close();
        }
        background.shutdownNow();
    }

    public static String stylesheet() {
        return KioskApp.class.getResource("kiosk.css").toExternalForm();
    }

    /** Noto Sans ships with the kiosk so Vietnamese renders the same on every machine. */
    public static void loadFonts() {
        for (String face : List.of("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")) {
            Font.loadFont(KioskApp.class.getResourceAsStream("/fonts/" + face), 12);
        }
    }

    /** Prints a line when the first frame has been drawn; the start-up benchmark waits for it. */
    private static void reportFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            // The pulse that laid out the scene also renders it; report after it completes.
            Platform.runLater(() -> {
                System.out.println("FIRST_FRAME " + System.nanoTime());
                System.out.flush();
            });
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    /** Staff actions on the real window. */
    private static final class StageActions implements StaffActions {
        private static final String LEAVING = "kiosk.leavingFullScreen";
        private final Stage stage;
        private final ShellViewModel shell;
        private final Runnable exit;

        StageActions(Stage stage, ShellViewModel shell, Runnable exit) {
            this.stage = stage;
            this.shell = shell;
            this.exit = exit;
        }

        static boolean leaving(Stage stage) {
            return Boolean.TRUE.equals(stage.getProperties().get(LEAVING));
        }

        @Override
        public void leaveFullScreen() {
            stage.getProperties().put(LEAVING, true);
            stage.setFullScreen(false);
        }

        @Override
        public void enterFullScreen() {
            stage.getProperties().remove(LEAVING);
            stage.setFullScreen(true);
        }

        @Override
        public boolean isFullScreen() {
            return stage.isFullScreen();
        }

        @Override
        public void quit() {
            shell.shutdown();
            exit.run();
        }
    }
}
