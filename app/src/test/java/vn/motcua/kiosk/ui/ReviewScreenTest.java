package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.dossier.DossierDocument;
import vn.motcua.kiosk.session.SigningStep;
import vn.motcua.kiosk.signing.Pdfs;
import vn.motcua.kiosk.signing.SoftHsm;
import vn.motcua.kiosk.signing.TokenInfo;
import vn.motcua.kiosk.signing.TokenWatcher;
import vn.motcua.kiosk.signing.pades.PadesSigner;
import vn.motcua.kiosk.signing.pades.PadesVerifier;
import vn.motcua.kiosk.startup.KioskServices;
import vn.motcua.kiosk.testing.TestClock;
import vn.motcua.kiosk.testing.TestKiosk;
import vn.motcua.kiosk.ui.signing.ReviewView;
import vn.motcua.kiosk.ui.signing.ReviewViewModel;

/**
 * The review and sign screen against a real SoftHSM token: plug in, choose, PIN, sign, and the
 * papers verify; a wrong PIN and a pulled token are explained.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewScreenTest {
    @TempDir
    Path dataDir;

    private final TestClock clock = new TestClock();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final AtomicReference<List<TokenInfo>> plugged = new AtomicReference<>(List.of());
    private final java.util.concurrent.atomic.AtomicBoolean continued = new java.util.concurrent.atomic.AtomicBoolean();
    private KioskServices services;
    private ReviewViewModel vm;
    private TokenWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        SoftHsm.require();
        services = TestKiosk.open(dataDir, clock);
        services.sessions().begin();
        services.sessions().acceptConsent();
        services.sessions().flush(); // its folder is made
        Path folder = services.sessions().current().orElseThrow().workFolder();
        for (String name : List.of("Tờ khai", "Căn cước")) {
            Path pdf = Pdfs.make(folder.resolve(name.hashCode() + ".pdf"), 2);
            services.sessions().addDocument(new DossierDocument("idCard", name, pdf, 2, Files.size(pdf), false));
        }
        SigningStep step = new SigningStep(services.sessions(),
                new PadesSigner(java.time.Clock.systemUTC(), Optional.empty(), PadesSigner.AppearanceWords.VIETNAMESE),
                new PadesVerifier(), "Bộ phận Một cửa");
        vm = new ReviewViewModel(services.sessions(), step, background, () -> "Nộp hồ sơ trực tuyến");
        watcher = new TokenWatcher(plugged::get, tokens -> Platform.runLater(() -> vm.tokensChanged(tokens)));
        FxToolkit.setupStage(stage -> show(stage));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void show(Stage stage) {
        KioskApp.loadFonts();
        vm.refresh();
        Scene scene = new Scene(new ReviewView(vm, new I18n(java.util.Locale.forLanguageTag("vi")), false, () -> continued.set(true)), 1280, 800);
        scene.getStylesheets().add(KioskApp.stylesheet());
        stage.setScene(scene);
        // The primary stage is shared by every test class: an earlier one may have resized it.
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        background.shutdownNow();
        if (services != null) {
            services.close();
        }
    }

    private void plug(List<TokenInfo> tokens) {
        plugged.set(tokens);
        watcher.poll();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<TokenInfo> rsaToken() throws Exception {
        return List.of(SoftHsm.token(SoftHsm.RSA, 3));
    }

    private static String text(FxRobot robot, String id) {
        return ((Label) robot.lookup("#" + id).queryAs(Node.class)).getText();
    }

    private static boolean showing(FxRobot robot, String id) {
        for (Node n = robot.lookup("#" + id).queryAs(Node.class); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void typePin(FxRobot robot, String pin) {
        for (char c : pin.toCharArray()) {
            robot.clickOn("#review-key-" + c);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, condition::getAsBoolean);
    }

    @Test
    void withoutATokenTheScreenAsksToPlugOneIn(FxRobot robot) throws Exception {
        assertThat(showing(robot, "review-no-token")).isTrue();
        assertThat(robot.lookup(".paper").queryAll()).hasSize(2);
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText().equals("Chưa ký")).queryAll()).hasSize(2);
        plug(rsaToken());
        assertThat(showing(robot, "review-no-token")).isFalse();
        assertThat(showing(robot, "review-cert-0")).isTrue();
        assertThat(vm.chosenProperty().get()).isNotNull();
    }

    @Test
    void theRightPinSignsEveryPaperAndEachVerifies(FxRobot robot) throws Exception {
        plug(rsaToken());
        typePin(robot, new String(SoftHsm.pin()));
        assertThat(text(robot, "review-pin-mask")).isEqualTo("●".repeat(SoftHsm.pin().length));
        robot.clickOn("#review-sign");
        await(() -> vm.phaseProperty().get() == ReviewViewModel.Phase.SIGNED);
        assertThat(text(robot, "review-feedback")).isEqualTo("Đã ký xong tất cả giấy tờ.");
        assertThat(robot.lookup(n -> n instanceof Label l && l.getText().startsWith("Đã ký bởi")).queryAll()).hasSize(2);
        for (DossierDocument d : services.sessions().current().orElseThrow().documents()) {
            assertThat(d.signed()).isTrue();
            assertThat(Pdfs.pdfsig(d.file())).contains("Signature is Valid");
        }
        assertThat(text(robot, "review-pin-mask")).isEmpty();
        robot.clickOn("#review-continue");
        assertThat(continued).isTrue();
    }

    @Test
    void aWrongPinIsExplainedAndNothingIsSigned(FxRobot robot) throws Exception {
        plug(rsaToken());
        typePin(robot, "999999");
        robot.clickOn("#review-sign");
        await(() -> text(robot, "review-feedback").startsWith("Mã PIN không đúng"));
        assertThat(vm.phaseProperty().get()).isEqualTo(ReviewViewModel.Phase.READY);
        assertThat(services.sessions().current().orElseThrow().documents()).noneMatch(DossierDocument::signed);
    }

    @Test
    void aPulledTokenIsNoticedOnTheNextLook(FxRobot robot) throws Exception {
        plug(rsaToken());
        plug(List.of());
        assertThat(text(robot, "review-feedback")).isEqualTo("USB ký số vừa được rút ra. Xin cắm lại để ký.");
        assertThat(showing(robot, "review-no-token")).isTrue();
    }

    @Test
    void aProcedureWithoutSignatureSaysSo(FxRobot robot) {
        robot.interact(() -> vm.needsSignatureProperty().set(false));
        assertThat(showing(robot, "review-not-needed")).isTrue();
        assertThat(showing(robot, "review-sign")).isFalse();
        assertThat(showing(robot, "review-no-token")).isFalse();
        robot.clickOn("#review-continue");
        assertThat(continued).isTrue();
    }
}
