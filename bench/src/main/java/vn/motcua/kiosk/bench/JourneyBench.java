package vn.motcua.kiosk.bench;

import static vn.motcua.kiosk.bench.FxShots.fx;
import static vn.motcua.kiosk.bench.ShellDriver.agree;
import static vn.motcua.kiosk.bench.ShellDriver.press;
import static vn.motcua.kiosk.bench.ShellDriver.showShellOnline;
import static vn.motcua.kiosk.bench.ShellDriver.shown;
import static vn.motcua.kiosk.bench.ShellDriver.type;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.privacy.DataKey;
import vn.motcua.kiosk.scanning.SaneScanner;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.ui.Workers;
import vn.motcua.kiosk.ui.shell.ShellViewModel;

/**
 * Issue 15's path, timed on the kiosk's side: how long the citizen waits for the machine along
 * an LLTP request (the goal is the whole visit under 5 minutes, most of it the citizen's own).
 * The training kiosk as the run command starts it, with its own portal; two pages from SANE's
 * test backend (saned at KIOSK_TEST_SANED) and the receipt on the default CUPS queue — run it
 * through scripts/bench-journey.sh, which starts both. Each wait is from the press to the
 * screen showing the result, polled every 2 ms; the citizen's own time is not counted.
 * Usage: JourneyBench [runs]
 */
public final class JourneyBench {
    private static final String QR =
            "001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021";

    private final Map<String, List<Double>> waits = new LinkedHashMap<>();
    private Stage stage;

    public static void main(String[] args) {
        try {
            new JourneyBench().run(args.length > 0 ? Integer.parseInt(args[0]) : 5);
            Platform.exit();
            System.exit(0);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private void run(int runs) throws Exception {
        String saned = System.getenv("KIOSK_TEST_SANED");
        if (saned == null) {
            throw new IllegalStateException("KIOSK_TEST_SANED is not set: run scripts/bench-journey.sh");
        }
        String[] hostPort = saned.split(":");
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        KioskConfig config = new ConfigLoader().load(ConfigSource.embedded());
        Path data = Files.createTempDirectory("kiosk-journey-bench");
        KioskServices services = KioskServices.open(ConfigSource.embedded(), config, data, DataKey.random(),
                Clock.systemDefaultZone());
        services.useScanner(() -> new SaneScanner(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])),
                "test:1", Duration.ofSeconds(5), Duration.ofSeconds(60)));
        Workers workers = Workers.start();
        stage = showShellOnline(config, services, workers);
        ShellViewModel vm = (ShellViewModel) stage.getScene().getRoot().getUserData();
        for (int i = 0; i < runs + 1; i++) { // the first run warms the JIT and is not counted
            journey(vm, services, i > 0);
        }
        report(runs);
        workers.close();
        services.close();
    }

    private void journey(ShellViewModel vm, KioskServices services, boolean count) throws Exception {
        press(stage, "file");
        agree(stage);
        press(stage, "consent-continue");
        fx(() -> {
            vm.procedures().choose(services.catalogue().catalogue().procedure("lltp-self").orElseThrow());
            return null;
        });
        timed(count, "ID card read → applicant screen filled", () -> fx(() -> {
            vm.idScanned(QR);
            return null;
        }), () -> shown(stage, "applicant-confirm") && !stage.getScene().lookup("#applicant-confirm").isDisabled());
        timed(count, "applicant confirmed → form shown", () -> press(stage, "applicant-confirm"),
                () -> shown(stage, "form-scroll"));
        type(stage, "field-placeOfBirth", "Hà Nội");
        type(stage, "field-phone", "0901234567");
        press(stage, "form-next");
        press(stage, "form-next");
        press(stage, "since-age-residenceHistory");
        for (String id : List.of("field-livedInSeveralProvinces-false", "field-livedAbroad-false")) {
            press(stage, id);
        }
        press(stage, "form-next");
        for (String id : List.of("field-certificateType-1", "field-certifyBans-false", "suggestion-purpose-0",
                "field-resultDelivery-counter")) {
            press(stage, id);
        }
        timed(count, "form done → declaration PDF made", () -> press(stage, "form-next"),
                () -> text("paper-state-declaration").startsWith("Kiosk đã tạo"));
        timed(count, "scan page 1 (SANE test backend, 200 dpi)", () -> press(stage, "paper-scan-idCard"),
                () -> text("paper-state-idCard").startsWith("Đã có: 1 trang"));
        timed(count, "scan page 2", () -> press(stage, "paper-scan-idCard"),
                () -> text("paper-state-idCard").startsWith("Đã có: 2 trang"));
        timed(count, "papers → review", () -> press(stage, "papers-next"), () -> shown(stage, "review-continue"));
        press(stage, "review-continue");
        timed(count, "submit: upload and file on the portal", () -> press(stage, "submit-go"),
                () -> text("submit-state").startsWith("Đã nộp. Mã hồ sơ: "));
        String code = fx(() -> text("submit-state")).substring("Đã nộp. Mã hồ sơ: ".length());
        timed(count, "fee screen with its VietQR", () -> press(stage, "submit-next"), () -> shown(stage, "fee-qr"));
        timed(count, "trainer's payment → screen says paid", () -> trainerPays(services, code),
                () -> shown(stage, "fee-next"));
        timed(count, "receipt screen ready", () -> press(stage, "fee-next"),
                () -> shown(stage, "outcome-print") && !stage.getScene().lookup("#outcome-print").isDisabled());
        timed(count, "print → job accepted by CUPS", () -> press(stage, "outcome-print"),
                () -> text("outcome-status").startsWith("Đã in xong"));
        timed(count, "end → Welcome, session erased", () -> press(stage, "outcome-end"), () -> shown(stage, "file"));
    }

    private interface Action {
        void run() throws Exception;
    }

    private void timed(boolean count, String what, Action action, BooleanSupplier done) throws Exception {
        long start = System.nanoTime();
        action.run();
        long deadline = start + Duration.ofSeconds(60).toNanos();
        while (!fx(done::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited 60 s for: " + what);
            }
            Thread.sleep(2);
        }
        if (count) {
            waits.computeIfAbsent(what, k -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
        }
    }

    /** A label's text; on the FX thread (the waits' conditions run there). */
    private String text(String id) {
        var n = stage.getScene().lookup("#" + id);
        return n instanceof Labeled l && l.getText() != null ? l.getText() : "";
    }

    private static void trainerPays(KioskServices services, String code) throws Exception {
        new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                .url(services.portal().client().endpoint().api().resolve("/trainer/dossiers/" + code + "/pay").toString())
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build()).execute().close();
    }

    private void report(int runs) {
        System.out.printf("LLTP path, the kiosk's waits, median of %d runs (ms)%n", runs);
        double total = 0;
        double withoutPayment = 0;
        for (var e : waits.entrySet()) {
            List<Double> v = new ArrayList<>(e.getValue());
            v.sort(null);
            double median = v.get(v.size() / 2);
            total += median;
            if (!e.getKey().startsWith("trainer's payment")) {
                withoutPayment += median;
            }
            System.out.printf("  %-45s %8.0f   (min %.0f, max %.0f)%n", e.getKey(), median, v.get(0), v.get(v.size() - 1));
        }
        System.out.printf("  %-45s %8.0f%n", "total", total);
        System.out.printf("  %-45s %8.0f%n", "total without waiting for the bank", withoutPayment);
    }
}
