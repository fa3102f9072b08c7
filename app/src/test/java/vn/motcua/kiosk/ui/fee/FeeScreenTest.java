// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.outbox.TrainingPortalFixture;
import vn.motcua.kiosk.payment.Payments;
import vn.motcua.kiosk.payment.VietQr;
import vn.motcua.kiosk.portal.PortalClient;
import vn.motcua.kiosk.receipt.ExternalTools;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.KioskApp;

/**
 * The fee screen against the real training portal: the VietQR on screen (photographed and read by
 * zbarimg, an independent decoder) carries the portal's checked payload, the screen turns green
 * when the trainer records the payment, and the counter is always there.
 */
@ExtendWith(ApplicationExtension.class)
class FeeScreenTest {
    @TempDir
    Path temp;

    TrainingPortalFixture portal;
    PortalClient client;
    final ExecutorService background = Executors.newSingleThreadExecutor();
    final AtomicBoolean done = new AtomicBoolean();
    FeeViewModel vm;

    @BeforeEach
    void start() throws Exception {
        portal = new TrainingPortalFixture(temp.resolve("portal"));
        client = new PortalClient(portal.endpoint());
    }

    @AfterEach
    void stop() throws Exception {
        if (vm != null) {
            FxToolkit.setupFixture(vm::stop);
        }
        background.shutdownNow();
        portal.close();
    }

    /** Files a dossier (create, upload, submit); returns {dossierId, code}. */
    private String[] file(String procedureId, String agency, String docType) throws Exception {
        TrainingPortalFixture.Filed f = portal.file(client, procedureId, agency, docType, "0912345678", temp);
        return new String[] {f.id(), f.code()};
    }

    private void show(String dossierId) throws Exception {
        vm = new FeeViewModel(new Payments(() -> client), background, Duration.ofMillis(200));
        FxToolkit.setupStage(stage -> {
            KioskApp.loadFonts();
            Node view = FeeView.create(vm, new I18n(Locale.forLanguageTag("vi")), () -> done.set(true));
            view.getStyleClass().add("screen");
            Scene scene = new Scene((javafx.scene.Parent) view, 1280, 800);
            scene.getStylesheets().add(KioskApp.stylesheet());
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
        });
        FxToolkit.setupFixture(() -> vm.open(dossierId));
    }

    @Test
    void theQrOnScreenIsThePortalsCheckedPayloadAndTheScreenTurnsGreenWhenPaid(FxRobot robot) throws Exception {
        ExternalTools.require("zbarimg");
        String[] d = file("lltp-self", "000.00.14.H56", "idCard");
        show(d[0]);
        await(() -> vm.phaseProperty().get() == FeeViewModel.Phase.PAY);
        assertThat(text(robot, "fee-amount")).isEqualTo("200.000 đ");
        assertThat(text(robot, "fee-state")).isEqualTo("Đang chờ thanh toán");
        assertThat(showing(robot, "fee-counter")).isTrue();
        assertThat(showing(robot, "fee-next")).isFalse();

        String decoded = ExternalTools.qrCodes(vn.motcua.kiosk.ui.Snapshots.qrPhoto(robot, "fee-qr", temp)).get(0);
        VietQr qr = VietQr.parse(decoded);
        assertThat(qr.amount()).hasValue(200_000L);
        assertThat(decoded).contains(d[1]); // the purpose names the dossier code

        trainerPays(d[1]);
        await(() -> vm.phaseProperty().get() == FeeViewModel.Phase.PAID);
        assertThat(text(robot, "fee-state")).isEqualTo("Đã nhận tiền. Cảm ơn ông/bà!");
        assertThat(robot.lookup("#fee-screen").query().getPseudoClassStates()).extracting(Object::toString).contains("paid");
        assertThat(showing(robot, "fee-qr")).isFalse();
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#fee-next").query()).fire());
        assertThat(done).isTrue();
    }

    @Test
    void aFeeTheBankConfirmsIsAnnouncedToStaffOnceWhicheverPollSeesIt() throws Exception {
        String[] d = file("lltp-self", "000.00.14.H56", "idCard");
        java.util.List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        vn.motcua.kiosk.payment.FeeArrivals arrivals = new vn.motcua.kiosk.payment.FeeArrivals(java.time.Clock.systemUTC(),
                (type, session, detail) -> recorded.add(type + " " + session + " " + detail), () -> "s1");
        Payments payments = new Payments(() -> client, arrivals);
        Payments.Step.Pay pay = (Payments.Step.Pay) payments.start(d[0]);
        assertThat(payments.poll(pay.intentId())).isInstanceOf(Payments.Step.Pay.class);
        assertThat(arrivals.today()).isEmpty();

        trainerPays(d[1]);
        assertThat(payments.poll(pay.intentId())).isEqualTo(new Payments.Step.Paid(200_000));
        assertThat(payments.start(d[0])).isEqualTo(new Payments.Step.Paid(200_000)); // a second look, e.g. after a restart
        assertThat(arrivals.today()).extracting(vn.motcua.kiosk.payment.FeeArrivals.Arrival::amount).containsExactly(200_000L);
        assertThat(recorded).containsExactly("PAYMENT_CONFIRMED s1 amount=200000");
    }

    @Test
    void theCounterIsAlwaysOfferedAndAFreeProcedureSaysSo(FxRobot robot) throws Exception {
        String[] paid = file("lltp-self", "000.00.14.H56", "idCard");
        show(paid[0]);
        await(() -> vm.phaseProperty().get() == FeeViewModel.Phase.PAY);
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#fee-counter").query()).fire());
        assertThat(text(robot, "fee-state")).startsWith("Vui lòng nộp phí tại quầy");
        assertThat(showing(robot, "fee-qr")).isFalse();
        assertThat(showing(robot, "fee-next")).isTrue();

        String[] free = file("khai-sinh", "000.25.14.H56", "birthNotice");
        FxToolkit.setupFixture(() -> vm.open(free[0]));
        await(() -> vm.phaseProperty().get() == FeeViewModel.Phase.NO_FEE);
        assertThat(text(robot, "fee-state")).isEqualTo("Thủ tục này không mất phí.");
    }

    @Test
    void anUnreachablePortalOffersRetryAndTheCounter(FxRobot robot) throws Exception {
        String[] d = file("lltp-self", "000.00.14.H56", "idCard");
        portal.faults("{\"rules\":[{\"endpoint\":\"createPaymentIntent\",\"kind\":\"ERROR\",\"status\":503}]}");
        show(d[0]);
        await(() -> vm.phaseProperty().get() == FeeViewModel.Phase.UNREACHABLE);
        assertThat(text(robot, "fee-state")).startsWith("Chưa lấy được mã thanh toán").contains("Cổng dịch vụ công đang bận");
        assertThat(showing(robot, "fee-retry")).isTrue();
        assertThat(showing(robot, "fee-counter")).isTrue();
        portal.noFaults();
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#fee-retry").query()).fire());
        await(() -> vm.phaseProperty().get() == FeeViewModel.Phase.PAY);
    }

    private void trainerPays(String code) throws Exception {
        Request r = new Request.Builder().url(portal.portal.baseUrl() + "/trainer/dossiers/" + code + "/pay")
                .post(RequestBody.create("{}", MediaType.get("application/json"))).build();
        try (Response response = new OkHttpClient().newCall(r).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static boolean showing(FxRobot robot, String id) {
        Node n = robot.lookup("#" + id).query();
        return n.isVisible() && n.getScene() != null;
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
