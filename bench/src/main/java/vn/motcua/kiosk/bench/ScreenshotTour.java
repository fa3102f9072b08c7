package vn.motcua.kiosk.bench;

import vn.motcua.kiosk.privacy.DataKey;
import static vn.motcua.kiosk.bench.FxShots.fx;
import static vn.motcua.kiosk.bench.ShellDriver.agree;
import static vn.motcua.kiosk.bench.ShellDriver.press;
import static vn.motcua.kiosk.bench.ShellDriver.showShellOnline;
import static vn.motcua.kiosk.bench.ShellDriver.shown;
import static vn.motcua.kiosk.bench.ShellDriver.type;
import static vn.motcua.kiosk.bench.ShellDriver.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import vn.motcua.kiosk.config.ConfigException;
import vn.motcua.kiosk.config.ConfigLoader;
import vn.motcua.kiosk.config.ConfigSource;
import vn.motcua.kiosk.config.KioskConfig;
import vn.motcua.kiosk.i18n.Messages;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.ui.KioskApp;
import vn.motcua.kiosk.ui.Workers;
import vn.motcua.kiosk.ui.applicant.ChipViewModel;
import vn.motcua.kiosk.ui.shell.ShellViewModel;
import vn.motcua.kiosk.ui.startup.StartupErrorView;

/**
 * Takes the README's screenshots from the real application window on an X display (run it under
 * xvfb-run): each state is reached by pressing the same buttons a citizen would.
 * Usage: ScreenshotTour OUTPUT_FOLDER [welcome-interrupted] (the second argument takes only that step's shots)
 */
public final class ScreenshotTour {
    private static Path out;

    public static void main(String[] args) {
        try {
            tour(args);
        } catch (Throwable t) {
            // The toolkit outlives closed windows (setImplicitExit(false)): without this a failed step hangs.
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void tour(String[] args) throws Exception {
        out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        Platform.startup(() -> {});
        // Windows close between steps (the after-a-crash step opens its own): the toolkit must outlive them.
        Platform.setImplicitExit(false);
        KioskConfig config = new ConfigLoader().load(ConfigSource.embedded());
        if (args.length > 1 && args[1].equals("welcome-interrupted")) {
            welcomeInterrupted(config);
            Platform.exit();
            System.exit(0);
        }
        if (args.length > 1 && args[1].equals("papers-feeder")) {
            papersFeeder(config);
            Platform.exit();
            System.exit(0);
        }
        Path data = Files.createTempDirectory("kiosk-screenshots");
        KioskServices services = KioskServices.open(ConfigSource.embedded(), config, data, DataKey.random(), Clock.systemDefaultZone());
        Workers workers = Workers.start();

        Stage stage = showShellOnline(config, services, workers);
        ShellViewModel vm = (ShellViewModel) stage.getScene().getRoot().getUserData();

        shot(stage, "welcome-vi");
        press(stage, "large-text");
        shot(stage, "welcome-large-text");
        press(stage, "large-text");
        press(stage, "high-contrast");
        shot(stage, "welcome-high-contrast");
        press(stage, "high-contrast");
        press(stage, "language");
        shot(stage, "welcome-en");
        press(stage, "language");
        resize(stage, 1024, 768);
        shot(stage, "welcome-1024x768");
        resize(stage, 1080, 1920);
        shot(stage, "welcome-portrait-1080x1920");
        resize(stage, 1920, 1080);
        shot(stage, "welcome-1920x1080");
        resize(stage, 1280, 800);

        // "Cần hỗ trợ?": the chime and the bar on every screen, until a PIN answers it. Xvfb has no
        // sound device; a stand-in chime shows the screen of a kiosk that has one.
        services.useChime(() -> true);
        press(stage, "help");
        shot(stage, "help-waiting");
        press(stage, "help-waiting");
        for (String key : new String[] {"staff-key-2", "staff-key-4", "staff-key-6", "staff-key-8", "staff-pin-ok"}) {
            press(stage, key);
        }
        waitFor(() -> !stage.getScene().lookup("#help-waiting").isVisible());

        press(stage, "file");
        shot(stage, "consent");
        agree(stage);
        press(stage, "consent-continue");
        shot(stage, "procedure");
        type(stage, "procedure-search", "ly lich");
        shot(stage, "procedure-search");
        type(stage, "procedure-search", "");
        fx(() -> {
            vm.procedures().choose(services.catalogue().catalogue().procedure("lltp-self").orElseThrow());
            return null;
        });
        fx(() -> {
            vm.idScanned("001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021");
            return null;
        });
        shot(stage, "applicant-card");
        chipShots(stage, vm, services);
        press(stage, "applicant-confirm");
        shot(stage, "form");
        // The keyboard open on the whole shell, at every size the kiosk supports (issue 15): the
        // header and the session bar fold away, the field and its neighbours stay in sight.
        fx(() -> {
            stage.getScene().lookup("#field-placeOfBirth").requestFocus();
            return null;
        });
        waitFor(() -> stage.getScene().lookup("#keyboard").isVisible());
        for (int[] size : new int[][] {{1024, 768}, {1280, 800}, {1366, 768}, {1920, 1080}, {1080, 1920}}) {
            resize(stage, size[0], size[1]);
            shot(stage, "form-keyboard-" + size[0] + "x" + size[1]);
        }
        resize(stage, 1280, 800);
        // Part 3: one touch fills row 1 from the card; the row asks month and year, as Form 03 does.
        press(stage, "key-hide");
        press(stage, "form-next");
        press(stage, "form-next");
        press(stage, "since-age-residenceHistory");
        fx(() -> {
            stage.getScene().lookup("#field-residenceHistory-0-occupation").requestFocus();
            return null;
        });
        resize(stage, 1366, 768);
        shot(stage, "form-residence-keyboard-1366x768");
        resize(stage, 1280, 800);
        press(stage, "key-hide");
        press(stage, "form-back");
        press(stage, "form-back");
        // "Tiếp tục" through the parts with answers missing: the list of what to mend, at two sizes.
        for (int i = 0; i < 4; i++) {
            press(stage, "form-next");
        }
        shot(stage, "form-problems");
        resize(stage, 1366, 768);
        shot(stage, "form-problems-1366x768");
        resize(stage, 1280, 800);
        fx(() -> {
            // Two papers as the papers step will leave them, to show the review screen.
            var session = services.sessions().current().orElseThrow();
            for (String name : new String[] {"Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp", "Thẻ căn cước (bản chụp)"}) {
                Path pdf = session.workFolder().resolve(Math.abs(name.hashCode()) + ".pdf");
                try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
                    doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
                    doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
                    doc.save(pdf.toFile());
                }
                services.sessions().addDocument(new vn.motcua.kiosk.dossier.DossierDocument("idCard", name, pdf, 2,
                        Files.size(pdf), false));
            }
            vm.goTo(vn.motcua.kiosk.session.Step.SIGN);
            return null;
        });
        Thread.sleep(1500); // the token watcher's first look
        shot(stage, "review-sign");
        fx(() -> {
            vm.goTo(vn.motcua.kiosk.session.Step.PROCEDURE);
            return null;
        });
        press(stage, "staff-open");
        for (String key : new String[] {"staff-key-2", "staff-key-4"}) {
            press(stage, key);
        }
        shot(stage, "staff-pin");
        press(stage, "staff-pin-cancel");

        press(stage, "session-park");
        type(stage, "drafts-birth-year", "1958");
        shot(stage, "drafts-park");
        press(stage, "drafts-park-confirm");
        waitFor(() -> !vm.drafts().parkedCodeProperty().get().isEmpty());
        shot(stage, "drafts-parked");
        press(stage, "drafts-parked-done");
        press(stage, "resume");
        agree(stage);
        press(stage, "consent-continue");
        type(stage, "drafts-code", "K7M-4QX");
        shot(stage, "drafts-resume");
        press(stage, "session-end");
        shot(stage, "end-question");
        press(stage, "end-yes");

        // The end of the path (decision 0005): papers, submit, fee, receipt — online, then offline.
        Path card = mockIdCard(data.resolve("cccd.pdf"));
        fileThroughThePath(stage, vm, services, card, "submit-sent", "papers");
        waitFor(() -> stage.getScene().lookup("#fee-counter") != null && stage.getScene().lookup("#fee-counter").isVisible());
        press(stage, "fee-counter");
        press(stage, "fee-next");
        waitFor(() -> stage.getScene().lookup("#outcome-print") != null && !stage.getScene().lookup("#outcome-print").isDisabled());
        shot(stage, "outcome-filed");
        press(stage, "outcome-end");
        trainer(services, "faults", "{\"rules\":[{\"endpoint\":\"createDossier\",\"kind\":\"DROP_CONNECTION\"}]}");
        fileThroughThePath(stage, vm, services, card, "submit-queued", null);
        trainer(services, "faults", "{\"rules\":[]}");
        press(stage, "submit-next");
        waitFor(() -> stage.getScene().lookup("#outcome-print") != null && !stage.getScene().lookup("#outcome-print").isDisabled());
        press(stage, "outcome-end");
        Thread.sleep(500); // the receipts are kept for reprints off the UI thread
        press(stage, "staff-open");
        for (String key : new String[] {"staff-key-2", "staff-key-4", "staff-key-6", "staff-key-8", "staff-pin-ok"}) {
            press(stage, key);
        }
        waitFor(() -> shown(stage, "staff-reprint-open"));
        press(stage, "staff-reprint-open");
        Thread.sleep(500);
        shot(stage, "staff-reprint");
        press(stage, "staff-reprint-back");
        // Số liệu: today's figures, with the two dossiers just filed (counted off the UI thread).
        press(stage, "staff-figures-open");
        waitFor(() -> stage.getScene().lookup("#figure-sessionsStarted") != null);
        shot(stage, "staff-figures");
        press(stage, "staff-figures-back");
        // Tình trạng thiết bị: whatever this machine has (under the tour: no scanner, maybe no printer).
        press(stage, "staff-health-open");
        waitFor(() -> stage.getScene().lookup("#health-state-DISK") != null
                && !stage.getScene().lookup("#staff-health-check").isDisabled());
        shot(stage, "staff-health");
        press(stage, "staff-health-back");
        shot(stage, "staff-menu-banner");
        // Tình nguyện viên: the configured training volunteer; staff add more here.
        press(stage, "staff-volunteers-open");
        waitFor(() -> stage.getScene().lookup("#volunteer-row-0") != null);
        shot(stage, "staff-volunteers");
        fx(() -> {
            stage.getScene().lookup("#volunteer-new-name").requestFocus();
            ((TextField) stage.getScene().lookup("#volunteer-new-name")).setText("Lan");
            return null;
        });
        shot(stage, "staff-volunteers-name");
        resize(stage, 1024, 768);
        shot(stage, "staff-volunteers-name-1024x768");
        resize(stage, 1280, 800);
        press(stage, "volunteer-new-name-done");
        press(stage, "staff-volunteers-back");
        press(stage, "staff-close");

        // A volunteer signs in (the training volunteer's PIN 1357): the header names them; their
        // menu; the draft parked above, masked.
        press(stage, "staff-open");
        for (String key : new String[] {"staff-key-1", "staff-key-3", "staff-key-5", "staff-key-7", "staff-pin-ok"}) {
            press(stage, key);
        }
        waitFor(() -> services.volunteerDesk().helper().isPresent());
        press(stage, "volunteer-open");
        shot(stage, "volunteer-menu");
        press(stage, "volunteer-drafts-open");
        waitFor(() -> stage.getScene().lookup("#parked-draft-0") != null);
        shot(stage, "volunteer-drafts");
        press(stage, "volunteer-drafts-back");
        press(stage, "file");
        agree(stage);
        press(stage, "consent-continue");
        shot(stage, "volunteer-signed-in");
        press(stage, "volunteer-open");
        press(stage, "volunteer-handover");
        press(stage, "end-yes");
        press(stage, "volunteer-open");
        press(stage, "volunteer-signout");

        // A fee the bank confirmed, told to staff across the top of the screen.
        services.feeArrivals().paid("tour-intent", 200_000);
        waitFor(() -> stage.getScene().lookup("#fee-arrived") != null && stage.getScene().lookup("#fee-arrived").isVisible());
        shot(stage, "fee-arrived");
        press(stage, "fee-arrived");

        // Non-territorial filing: the form's "Nơi nộp hồ sơ", an office in Cà Mau found by a few letters.
        press(stage, "file");
        agree(stage);
        press(stage, "consent-continue");
        fx(() -> {
            services.sessions().chooseProcedure("trich-luc-ho-tich");
            services.sessions().answerAll(vn.motcua.kiosk.bench.TourAnswers.extractRequest(
                    services.catalogue().places().province("56").orElseThrow()));
            vm.goTo(vn.motcua.kiosk.session.Step.FORM);
            return null;
        });
        waitFor(() -> services.catalogue().office("000.21.14.H12").isPresent());
        for (int i = 0; i < 5 && stage.getScene().lookup("#field-receivingAgency-chosen") == null; i++) {
            press(stage, "form-next");
        }
        fx(() -> {
            @SuppressWarnings("unchecked")
            var province = (javafx.scene.control.ComboBox<vn.motcua.kiosk.places.Province>)
                    stage.getScene().lookup("#field-receivingAgency-province");
            province.setValue(services.catalogue().places().province("96").orElseThrow());
            return null;
        });
        type(stage, "field-receivingAgency-search", "an xuyen");
        fx(() -> {
            stage.getScene().lookup("#field-receivingAgency-search").requestFocus(); // scrolled into view, keyboard open
            return null;
        });
        waitFor(() -> stage.getScene().lookup("#office-000-21-14-H12") != null);
        shot(stage, "form-receiving-office");
        press(stage, "office-000-21-14-H12");
        press(stage, "session-end");
        press(stage, "end-yes");

        // Tra cứu hồ sơ: a dossier filed through the portal client, then found by code + phone digits.
        String[] filed = fileADossier(services.portal().client(), data);
        String code = filed[1];
        press(stage, "track");
        type(stage, "track-code", code);
        type(stage, "track-last4", "5678");
        press(stage, "track-search");
        waitFor(() -> stage.getScene().lookup("#track-status") != null);
        shot(stage, "track");
        press(stage, "track-home");

        // The fee of that dossier: the checked VietQR, then green once the trainer records the payment.
        var fee = new vn.motcua.kiosk.ui.fee.FeeViewModel(new vn.motcua.kiosk.payment.Payments(() -> services.portal().client()),
                workers.portal(), java.time.Duration.ofMillis(300));
        Stage feeStage = fx(() -> {
            Stage s = new Stage();
            Parent view = (Parent) vn.motcua.kiosk.ui.fee.FeeView.create(fee, new vn.motcua.kiosk.ui.I18n(Locale.forLanguageTag("vi")), () -> {});
            view.getStyleClass().add("screen");
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(KioskApp.stylesheet());
            s.setScene(scene);
            s.show();
            fee.open(filed[0]);
            return s;
        });
        waitFor(() -> fee.phaseProperty().get() == vn.motcua.kiosk.ui.fee.FeeViewModel.Phase.PAY);
        shot(feeStage, "fee");
        new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                .url(services.portal().client().endpoint().api().resolve("/trainer/dossiers/" + code + "/pay").toString())
                .post(okhttp3.RequestBody.create("{}", okhttp3.MediaType.get("application/json"))).build()).execute().close();
        waitFor(() -> fee.phaseProperty().get() == vn.motcua.kiosk.ui.fee.FeeViewModel.Phase.PAID);
        shot(feeStage, "fee-paid");
        fx(() -> {
            fee.stop();
            feeStage.close();
            return null;
        });

        // Nhận kết quả: three weeks on (the trainer's clock), the e-result is ready to print.
        new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                .url(services.portal().client().endpoint().api().resolve("/trainer/clock").toString())
                .post(okhttp3.RequestBody.create("{\"advanceSeconds\": 1814400}", okhttp3.MediaType.get("application/json")))
                .build()).execute().close();
        press(stage, "result");
        type(stage, "result-code", code);
        type(stage, "result-last4", "5678");
        press(stage, "result-fetch");
        waitFor(() -> stage.getScene().lookup("#result-print").isVisible());
        shot(stage, "result");
        press(stage, "result-home");

        // The staff outbox: one dossier the worker sent, one the portal refused (a bad phone number).
        var outbox = services.portal().outbox();
        Path paper = Files.write(data.resolve("giay-to.pdf"), new byte[150_000]);
        for (String phone : new String[] {"0912345678", "091234"}) {
            outbox.add(new vn.motcua.kiosk.outbox.Outbox.Submission("lltp-self", "{\"procedureId\":\"lltp-self\","
                    + "\"agencyCode\":\"000.00.14.H56\",\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\","
                    + "\"idNumber\":\"001095012345\",\"phone\":\"" + phone + "\"}}",
                    java.util.List.of(new vn.motcua.kiosk.outbox.Outbox.Paper("idCard", "cccd.pdf", paper))));
        }
        services.portal().wakeWorker();
        waitFor(() -> services.portal().items().stream().noneMatch(i -> i.state() == vn.motcua.kiosk.outbox.Outbox.Status.WAITING));
        press(stage, "staff-open");
        for (String key : new String[] {"staff-key-2", "staff-key-4", "staff-key-6", "staff-key-8", "staff-pin-ok"}) {
            press(stage, key);
        }
        waitFor(() -> shown(stage, "staff-outbox-open")); // the menu, once the PIN is checked
        shot(stage, "staff-menu");
        resize(stage, 1024, 768);
        shot(stage, "staff-menu-1024x768");
        resize(stage, 1280, 800);
        press(stage, "staff-outbox-open");
        waitFor(() -> stage.getScene().lookup("#staff-outbox-rows") != null
                && ((javafx.scene.layout.VBox) stage.getScene().lookup("#staff-outbox-rows")).getChildren().size() == 2);
        shot(stage, "staff-outbox");
        // "Hủy hồ sơ" on the refused one: the reasons, and the confirmation that waits for one.
        String refused = services.portal().items().stream().filter(i -> i.state() == vn.motcua.kiosk.outbox.Outbox.Status.REFUSED)
                .findFirst().orElseThrow().localRef();
        press(stage, "outbox-discard-" + refused);
        waitFor(() -> stage.getScene().lookup("#outbox-discard-question") != null);
        press(stage, "discard-reason-" + vn.motcua.kiosk.outbox.DiscardReason.STAFF_CHOICES.get(0).name());
        shot(stage, "staff-outbox-discard");
        press(stage, "outbox-discard-cancel");
        press(stage, "staff-outbox-back");
        press(stage, "staff-close");

        fx(() -> {
            Stage s = new Stage();
            ConfigException e;
            try {
                Path broken = Files.createTempDirectory("kiosk-broken-config");
                Files.writeString(broken.resolve("kiosk.json"), "{ \"kioskId\": \"X\", \"mode\": \"demo\", \"language\": 5 }");
                new ConfigLoader().load(ConfigSource.folder(broken));
                throw new IllegalStateException("expected a broken configuration");
            } catch (ConfigException ce) {
                e = ce;
            }
            Messages vi = Messages.of(Locale.forLanguageTag("vi"));
            Messages en = Messages.of(Locale.ENGLISH);
            Scene scene = new Scene(new StartupErrorView(e.problems().stream()
                    .map(p -> new StartupErrorView.Problem(vi.describe(p), en.describe(p))).toList()), 1280, 800);
            scene.getStylesheets().add(KioskApp.stylesheet());
            s.setScene(scene);
            s.show();
            return s;
        });
        Stage error = (Stage) Stage.getWindows().stream().filter(w -> w != stage).findFirst().orElseThrow();
        shot(error, "startup-error");

        services.close();
        workers.close();
        fx(() -> {
            stage.close();
            error.close();
            return null;
        });
        welcomeInterrupted(config);
        Platform.exit();
        System.exit(0);
    }

    /**
     * Welcome after a crash: an earlier run on the same data folder stopped mid-dossier (no end(),
     * as a kill leaves it; the same steps as InterruptedDraftScreensTest), then the kiosk starts
     * again and offers the dossier. Its own data folder and window, so no other shot shows the offer.
     */
    private static void welcomeInterrupted(KioskConfig config) throws Exception {
        Path data = Files.createTempDirectory("kiosk-screenshots-crash");
        DataKey key = DataKey.random();
        KioskServices before = KioskServices.open(ConfigSource.embedded(), config, data, key, Clock.systemDefaultZone());
        var cut = before.sessions();
        cut.begin();
        cut.acceptConsent();
        cut.chooseProcedure("lltp-self");
        cut.answer("fullName", "NGUYỄN VĂN AN");
        cut.answer("birthDate", "1995-08-15");
        cut.moveTo(vn.motcua.kiosk.session.Step.PAPERS);
        cut.flush();
        before.close();

        KioskServices services = KioskServices.open(ConfigSource.embedded(), config, data, key, Clock.systemDefaultZone());
        Workers workers = Workers.start();
        Stage stage = showShellOnline(config, services, workers);
        waitFor(() -> {
            Node offer = stage.getScene().lookup("#interrupted-offer");
            return offer != null && offer.isVisible();
        });
        if (!fx(() -> stage.getScene().lookup("#interrupted-offer") != null)) {
            throw new IllegalStateException("Welcome shows no interrupted dossier");
        }
        shot(stage, "welcome-interrupted");
        resize(stage, 1024, 768);
        shot(stage, "welcome-interrupted-1024x768");
        resize(stage, 1366, 768);
        shot(stage, "welcome-interrupted-1366x768");
        resize(stage, 1920, 1080);
        shot(stage, "welcome-interrupted-1920x1080");
        resize(stage, 1080, 1920);
        shot(stage, "welcome-interrupted-portrait-1080x1920");
        services.close();
        workers.close();
    }

    /**
     * Issue 17: the papers screen with a feeder scanner that scans both sides — a duplex batch of
     * three sheets (blank backs flagged, "Bỏ 3 mặt sau trống" offered) at the kiosk's sizes, and a
     * jam half-way through the next batch. Its own data folder and window.
     */
    private static void papersFeeder(KioskConfig config) throws Exception {
        Path data = Files.createTempDirectory("kiosk-screenshots-feeder");
        KioskServices services = KioskServices.open(ConfigSource.embedded(), config, data, DataKey.random(), Clock.systemDefaultZone());
        ScannerShowcase scanner = new ScannerShowcase();
        services.useScanner(() -> scanner);
        Workers workers = Workers.start();
        Stage stage = showShellOnline(config, services, workers);
        ShellViewModel vm = (ShellViewModel) stage.getScene().getRoot().getUserData();
        press(stage, "file");
        agree(stage);
        press(stage, "consent-continue");
        fx(() -> {
            vm.procedures().choose(services.catalogue().catalogue().procedure("lltp-self").orElseThrow());
            vm.idScanned("001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021");
            return null;
        });
        press(stage, "applicant-confirm");
        fx(() -> {
            vm.goTo(vn.motcua.kiosk.session.Step.PAPERS);
            return null;
        });
        waitFor(() -> stage.getScene().lookup("#papers-feeder") != null && stage.getScene().lookup("#papers-feeder").isVisible());
        press(stage, "papers-feeder");
        press(stage, "papers-duplex");
        press(stage, "paper-scan-idCard");
        waitFor(() -> stage.getScene().lookup("#paper-drop-backs-idCard").isVisible());
        Thread.sleep(300);
        for (int[] size : new int[][] {{1024, 768}, {1366, 768}, {1920, 1080}, {1080, 1920}, {1280, 800}}) {
            resize(stage, size[0], size[1]);
            shot(stage, "papers-feeder-" + size[0] + "x" + size[1]);
        }
        press(stage, "paper-drop-backs-idCard");
        waitFor(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#paper-state-idCard")).getText().startsWith("Đã có: 3"));
        scanner.jamAfter(3);
        press(stage, "paper-scan-idCard");
        waitFor(() -> stage.getScene().lookup("#paper-state-idCard").getStyleClass().contains("error-text"));
        Thread.sleep(300);
        shot(stage, "papers-feeder-jam");
        services.close();
        workers.close();
    }

    /** Files a small LLTP dossier the way the outbox does (create, upload, submit); returns its code. */
    /** A criminal-record request from Welcome to the submit screen's answer; shoots the papers screen if named. */
    private static void fileThroughThePath(Stage stage, ShellViewModel vm, KioskServices services, Path card, String submitShot,
            String papersShot) throws Exception {
        press(stage, "file");
        agree(stage);
        press(stage, "consent-continue");
        fx(() -> {
            vm.procedures().choose(services.catalogue().catalogue().procedure("lltp-self").orElseThrow());
            vm.idScanned("001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021");
            return null;
        });
        press(stage, "applicant-confirm");
        fx(() -> {
            services.sessions().answerAll(java.util.Map.of("phone", "0905123456", "placeOfBirth", "Hà Nội",
                    "nationality", "Việt Nam", "ethnicity", "Kinh"));
            vm.goTo(vn.motcua.kiosk.session.Step.PAPERS);
            return null;
        });
        waitFor(() -> services.sessions().current().orElseThrow().documents().size() == 1); // the declaration
        services.papers().importFile("idCard", card);
        fx(() -> {
            // Built afresh with the rows as the session has them now.
            vm.goTo(vn.motcua.kiosk.session.Step.APPLICANT);
            vm.goTo(vn.motcua.kiosk.session.Step.PAPERS);
            return null;
        });
        waitFor(() -> services.sessions().current().orElseThrow().documents().size() == 2);
        Thread.sleep(300);
        if (papersShot != null) {
            waitFor(() -> stage.getScene().lookup("#thumb-idCard-0") != null);
            shot(stage, papersShot);
            fx(() -> {
                var thumb = stage.getScene().lookup("#thumb-idCard-0");
                thumb.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_PRESSED, 0, 0, 0, 0,
                        javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false, false, false,
                        true, null));
                var b = thumb.localToScene(thumb.getLayoutBounds());
                thumb.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_RELEASED, b.getCenterX(),
                        b.getCenterY(), b.getCenterX(), b.getCenterY(), javafx.scene.input.MouseButton.PRIMARY, 1, false, false,
                        false, false, false, false, false, false, false, true, null));
                return null;
            });
            waitFor(() -> stage.getScene().lookup("#page-preview").isVisible());
            Thread.sleep(300);
            shot(stage, "papers-preview");
            press(stage, "preview-close");
        }
        press(stage, "papers-next");
        waitFor(() -> stage.getScene().lookup("#review-continue") != null);
        press(stage, "review-continue");
        press(stage, "submit-go");
        waitFor(() -> stage.getScene().lookup("#submit-next") != null && stage.getScene().lookup("#submit-next").isVisible());
        shot(stage, submitShot);
        if (papersShot != null) {
            press(stage, "submit-next");
        }
    }

    /** A made-up ID card photocopy (training data: no real person) as a USB stick would bring it. */
    private static Path mockIdCard(Path file) throws Exception {
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            var page = new org.apache.pdfbox.pdmodel.PDPage(org.apache.pdfbox.pdmodel.common.PDRectangle.A4);
            doc.addPage(page);
            var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc,
                    KioskApp.class.getResourceAsStream("/fonts/NotoSans-Regular.ttf"));
            var bold = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc,
                    KioskApp.class.getResourceAsStream("/fonts/NotoSans-Bold.ttf"));
            try (var c = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                c.setLineWidth(1.5f);
                c.addRect(90, 520, 420, 260);
                c.stroke();
                c.addRect(110, 560, 110, 140);
                c.stroke();
                String[][] lines = {{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"}, {"CĂN CƯỚC — BẢN CHỤP (TẬP HUẤN)", "b"},
                        {"Số định danh: 001095012345", ""}, {"Họ và tên: NGUYỄN VĂN AN", ""}, {"Ngày sinh: 15/08/1995", ""},
                        {"Giới tính: Nam   Quốc tịch: Việt Nam", ""}, {"Nơi thường trú: Số 12 Ngõ 34, Phường Ba Đình,", ""},
                        {"Thành phố Hà Nội", ""}};
                float y = 750;
                for (String[] l : lines) {
                    c.beginText();
                    c.setFont(l[1].isEmpty() ? font : bold, l[1].isEmpty() ? 11 : 12);
                    c.newLineAtOffset(l[1].isEmpty() ? 235 : 120, y);
                    c.showText(l[0]);
                    c.endText();
                    y -= l[1].isEmpty() ? 22 : 26;
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void trainer(KioskServices services, String path, String json) throws Exception {
        new okhttp3.OkHttpClient().newCall(new okhttp3.Request.Builder()
                .url(services.portal().client().endpoint().api().resolve("/trainer/" + path).toString())
                .post(okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json"))).build()).execute().close();
    }

    private static String[] fileADossier(vn.motcua.kiosk.portal.PortalClient client, Path data) throws Exception {
        String id = client.createDossier(java.util.UUID.randomUUID().toString(), "{\"procedureId\":\"lltp-self\","
                + "\"agencyCode\":\"000.00.14.H56\",\"applicant\":{\"fullName\":\"NGUYỄN VĂN AN\",\"idNumber\":\"001095012345\","
                + "\"phone\":\"0912345678\"}}").id();
        byte[] pdf = new byte[20_000];
        new java.util.Random(1).nextBytes(pdf);
        Path file = data.resolve("cccd.pdf");
        Files.write(file, pdf);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        vn.motcua.kiosk.portal.TusUpload.withDefaults(client, vn.motcua.kiosk.portal.RetryPolicy.interactive()).upload(id,
                new vn.motcua.kiosk.portal.TusUpload.Document("idCard", "cccd.pdf", () -> pdf, pdf.length, sha),
                vn.motcua.kiosk.portal.TusUpload.UrlSlot.inMemory(), vn.motcua.kiosk.portal.TusUpload.Progress.NONE);
        return new String[] {id, client.submit(id).dossierCode()};
    }

    private static void resize(Stage stage, int w, int h) throws Exception {
        fx(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
            stage.getScene().getRoot().resize(w, h);
            return null;
        });
    }

    /**
     * Issue 16: the chip read after the QR (portrait, parents, origin), QR and chip disagreeing,
     * and the volunteer typing a card's expiry with the keyboard open, on the whole shell at the
     * kiosk's sizes. Leaves the applicant screen with the chip read, for the form that follows.
     */
    private static void chipShots(Stage stage, ShellViewModel vm, KioskServices services) throws Exception {
        String qr = "001095012345||Nguyễn Văn An|15081995|Nam|Số 12 Ngõ 34, Phường Ba Đình, Thành phố Hà Nội|10042021";
        ChipViewModel chip = vm.applicant().chip();
        services.useChipReader(ChipShowcase.citizen("Nguyễn Văn An Anh"));
        fx(() -> {
            vm.idScanned(qr);
            return null;
        });
        waitFor(() -> chip.stateProperty().get() == ChipViewModel.State.DIFFERENT);
        shot(stage, "applicant-chip-different");

        services.useChipReader(ChipShowcase.citizen("Nguyễn Văn An"));
        fx(() -> {
            vm.idScanned("001060012345||Lê Thị Ba|01011960|Nữ|Số 1 Phố Huế, Phường Hai Bà Trưng, Thành phố Hà Nội|01062021");
            return null;
        });
        waitFor(() -> chip.stateProperty().get() == ChipViewModel.State.NEED_EXPIRY);
        fx(() -> {
            stage.getScene().lookup("#chip-expiry").requestFocus();
            return null;
        });
        waitFor(() -> stage.getScene().lookup("#keyboard").isVisible());
        for (int[] size : new int[][] {{1024, 768}, {1280, 800}, {1366, 768}, {1920, 1080}, {1080, 1920}}) {
            resize(stage, size[0], size[1]);
            shot(stage, "applicant-chip-expiry-keyboard-" + size[0] + "x" + size[1]);
        }
        press(stage, "key-num-hide");

        fx(() -> {
            vm.idScanned(qr);
            return null;
        });
        waitFor(() -> chip.stateProperty().get() == ChipViewModel.State.READ);
        for (int[] size : new int[][] {{1024, 768}, {1366, 768}, {1920, 1080}, {1080, 1920}, {1280, 800}}) {
            resize(stage, size[0], size[1]);
            shot(stage, "applicant-chip-" + size[0] + "x" + size[1]);
        }
    }

    private static void shot(Stage stage, String name) throws Exception {
        FxShots.shot(stage, out, name);
    }


}
