package vn.motcua.kiosk.bench;

import vn.motcua.kiosk.privacy.DataKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import vn.motcua.kiosk.catalogue.Procedure;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.form.Answers;
import vn.motcua.kiosk.session.SessionService;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.KioskApp;
import vn.motcua.kiosk.ui.form.FormView;
import vn.motcua.kiosk.ui.form.FormViewModel;

/**
 * Issue 3's figures: autosave latency per change (each answer written to SQLite with
 * synchronous=FULL before the call returns; target p99 under 10 ms) and the time to open the LLTP
 * form, warm (view model + view + CSS + layout; target under 100 ms). Run under an X display.
 */
public final class FormBench {
    public static void main(String[] args) throws Exception {
        int saves = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        KioskConfig config = new ConfigLoader().load(ConfigSource.embedded());
        Path data = Files.createTempDirectory("kiosk-form-bench");
        try (KioskServices services = KioskServices.open(ConfigSource.embedded(), config, data, DataKey.random(), Clock.systemUTC())) {
            SessionService sessions = services.sessions();
            sessions.begin();
            sessions.acceptConsent();
            sessions.chooseProcedure("lltp-self");
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < saves + 100; i++) {
                long t0 = System.nanoTime();
                sessions.answer("residenceHistory[" + (i % 8) + "].place", "Phường Ba Đình, Hà Nội " + i);
                sessions.flush(); // the answer returns at once; the change is safe once its save is made
                if (i >= 100) {
                    ms.add((System.nanoTime() - t0) / 1e6);
                }
            }
            ms.sort(Double::compare);
            System.out.printf("autosave per change: p50 %.2f ms, p99 %.2f ms, max %.2f ms over %d saves (SQLite WAL, synchronous=FULL)%n",
                    pct(ms, 50), pct(ms, 99), ms.get(ms.size() - 1), ms.size());

            Procedure lltp = services.catalogue().catalogue().procedure("lltp-self").orElseThrow();
            Platform.startup(() -> { });
            List<Double> open = new ArrayList<>();
            for (int i = 0; i < 70; i++) {
                double t = fx(() -> {
                    long t0 = System.nanoTime();
                    I18n i18n = new I18n(Locale.forLanguageTag("vi"));
                    FormViewModel vm = new FormViewModel(lltp.form(), i18n.language(), services.catalogue().places(),
                            services.catalogue().validator(), new Answers(), (path, value) -> { });
                    FormView view = new FormView(vm, i18n, () -> { });
                    Scene scene = new Scene(view, 1280, 800);
                    scene.getStylesheets().add(KioskApp.stylesheet());
                    view.applyCss();
                    view.layout();
                    return (System.nanoTime() - t0) / 1e6;
                });
                if (i >= 20) {
                    open.add(t);
                }
            }
            open.sort(Double::compare);
            System.out.printf("open the LLTP form (warm): median %.1f ms, p90 %.1f ms over %d opens%n",
                    pct(open, 50), pct(open, 90), open.size());
            sessions.end(vn.motcua.kiosk.session.EndReason.FINISHED);
        }
        Platform.exit();
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private interface Work {
        double run() throws Exception;
    }

    private static double fx(Work work) throws Exception {
        CompletableFuture<Double> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.run());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
