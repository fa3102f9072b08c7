package vn.motcua.kiosk.ui;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.kiosk.catalogue.CatalogueCheck;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.DataException;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.identity.SerialQrReader;
import vn.motcua.kiosk.session.EndReason;
import vn.motcua.kiosk.privacy.KeyFile;
import vn.motcua.kiosk.startup.BuildStampWatcher;
import vn.motcua.kiosk.startup.ExitStatus;
import vn.motcua.kiosk.startup.KioskExit;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.startup.Options;
import vn.motcua.kiosk.startup.StartupFailure;
import vn.motcua.kiosk.startup.StopSignals;
import vn.motcua.kiosk.ui.shell.ShellViewModel;
import vn.motcua.kiosk.ui.startup.StartupErrorView;
import vn.motcua.kiosk.ui.startup.WarmUp;

/**
 * The JavaFX application's life: loads the configuration, opens the core, shows the kiosk shell
 * ({@link KioskScreens}) full screen — or, when the configuration is unusable, a full-screen page
 * saying why — and closes it all at the end, the JVM's exit status saying why ({@link ExitStatus}).
 */
public final class KioskApp extends Application {
    private static Options options;
    /** How often the build stamp is looked at: an update waits this long at most before the restart is planned. */
    private static final Duration UPDATE_CHECK = Duration.ofSeconds(5);
    /** The installed build's stamp as it was at launch; null without {@code --restart-when-changed}. */
    private static BuildStampWatcher updates;

    private KioskServices services;
    private SerialQrReader serialReader;
    private final Workers workers = Workers.start();
    private final KioskExit exit = new KioskExit(Platform::exit, System::exit);

    private static CompletableFuture<Prepared> preparing;

    /** The configuration and the core, or why they could not be had. */
    private record Prepared(KioskConfig config, KioskServices services, Exception failure) {}

    /**
     * Reads the configuration and opens the core (database, catalogue, drivers) on another thread
     * while JavaFX starts: on two cores the two overlap, and the first frame comes sooner.
     */
    public static void launchKiosk(Options opts) {
        options = opts;
        // First, before anything logs: setting up logging is then part of the preparation, beside JavaFX's start.
        preparing = CompletableFuture.supplyAsync(KioskApp::prepare, task -> new Thread(task, "prepare-core").start());
        if (opts.restartWhenChanged() != null) {
            updates = BuildStampWatcher.watch(opts.restartWhenChanged()).orElse(null);
        }
        Application.launch(KioskApp.class);
    }

    /** Not a static field: the class is loaded on the way to JavaFX's start, and its first logger sets logging up. */
    private static Logger log() {
        return LoggerFactory.getLogger(KioskApp.class);
    }

    private static Prepared prepare() {
        try {
            LoggerFactory.getILoggerFactory();
            KioskConfig configured = new ConfigLoader().load(options.configSource());
            // Staff may have switched a production kiosk into training: its own portal and data folder.
            KioskServices services = KioskServices.openAsSwitched(options.configSource(), configured, options.dataDir(),
                    KeyFile.open(options.keyLocation()), Clock.systemDefaultZone());
            return new Prepared(services.config(), services, null);
        } catch (Exception e) {
            return new Prepared(null, null, e);
        }
    }

    @Override
    public void start(Stage stage) {
        StopSignals.install(() -> exit.request(ExitStatus.NORMAL));
        loadFonts();
        stage.setTitle("Mot Cua Kiosk");
        Parent root;
        try {
            if (!preparing.isDone()) {
                WarmUp.stylesAndControls(stylesheet());
            }
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
            root = KioskScreens.buildShell(stage, config, services, workers, exit::request, updates);
            openSerialReader(config, (ShellViewModel) root.getUserData());
        } catch (ConfigException e) {
            // kiosk.json or another file of the folder (signing drivers)
            log().error("configuration unusable: {}", e.getMessage());
            Messages vi = Messages.of(Locale.forLanguageTag("vi"));
            Messages en = Messages.of(Locale.ENGLISH);
            root = new StartupErrorView(e.problems().stream()
                    .map(p -> new StartupErrorView.Problem(vi.describe(p), en.describe(p))).toList());
        } catch (DataException e) {
            log().error("configuration data unusable: {}", e.getMessage());
            Messages vi = Messages.of(Locale.forLanguageTag("vi"));
            Messages en = Messages.of(Locale.ENGLISH);
            root = new StartupErrorView(e.problems().stream().map(p -> new StartupErrorView.Problem(
                    CatalogueCheck.describe(vi, p), CatalogueCheck.describe(en, p))).toList());
        } catch (KeyFile.Unusable e) {
            log().error("data key unusable: {} ({})", e.getMessage(), e.file());
            root = new StartupErrorView(List.of(new StartupErrorView.Problem(
                    Messages.of(Locale.forLanguageTag("vi")).get("startup.error.key." + e.problem(), e.file()),
                    Messages.of(Locale.ENGLISH).get("startup.error.key." + e.problem(), e.file()))));
        } catch (StartupFailure e) {
            log().error("database unusable: {}", e.getMessage());
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
        } else if (updates != null) {
            // The page saying why the kiosk cannot start holds no session: a newer build may mend it.
            updates.onChange(() -> Platform.runLater(() -> exit.request(ExitStatus.UPDATED)));
        }
        if (updates != null) {
            updates.start(UPDATE_CHECK);
        }
        stage.show();
    }

    /**
     * The portal link (and in training the embedded portal) starts once Welcome is on screen; so
     * are the place-name search indexes built, before a citizen reaches a form.
     */
    private void startPortalAfterFirstFrame(Scene scene, KioskServices services) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            workers.session().execute(() -> services.catalogue().places().prepareSearch());
            workers.portal().execute(() -> {
                try {
                    services.portal().start();
                } catch (IOException | RuntimeException e) {
                    // The kiosk still files dossiers into the outbox; the dot says offline, doctor says why.
                    log().error("portal link did not start: {}", e.toString());
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
            log().error("ID-card reader: {}", e.getMessage());
        }
    }

    /** The orderly shutdown (however it was asked for), then the JVM ends with the chosen status. */
    @Override
    public void stop() {
        if (updates != null) {
            updates.close();
        }
        if (serialReader != null) {
            serialReader.close();
        }
        if (services != null) {
            services.sessions().end(EndReason.KIOSK_CLOSED);
            services.close();
        }
        workers.close();
        exit.afterShutdown();
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
}
