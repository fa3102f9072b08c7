// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
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
import vn.motcua.kiosk.portal.RetryPolicy;
import vn.motcua.kiosk.portal.TusUpload;
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
        String id = client.createDossier("fee-" + procedureId + "-" + System.nanoTime(), "{\"procedureId\":\"" + procedureId
                + "\",\"agencyCode\":\"" + agency + "\",\"applicant\":{\"fullName\":\"LÊ VĂN CƯỜNG\",\"idNumber\":\"001095012345\","
                + "\"phone\":\"0912345678\"}}").id();
        byte[] pdf = new byte[10_000];
        new Random(2).nextBytes(pdf);
        Path f = temp.resolve(procedureId + ".pdf");
        Files.write(f, pdf);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        String[] url = {null};
        TusUpload.withDefaults(client, RetryPolicy.interactive()).upload(id, new TusUpload.Document(docType, "a.pdf", f, pdf.length, sha),
                new TusUpload.UrlSlot() {
                    public java.util.Optional<String> get() {
                        return java.util.Optional.ofNullable(url[0]);
                    }

                    public void put(String u) {
                        url[0] = u;
                    }

                    public void clear() {
                        url[0] = null;
                    }
                }, TusUpload.Progress.NONE);
        return new String[] {id, client.submit(id).dossierCode()};
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

        String decoded = ExternalTools.qrCodes(photograph(robot, "fee-qr")).get(0);
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

    private Path photograph(FxRobot robot, String id) throws Exception {
        Node node = robot.lookup("#" + id).queryAs(ImageView.class);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = node.snapshot(null, null));
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = shot[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        assertThat(Math.min(w, h)).as("QR size on screen").isGreaterThan(250);
        Path png = temp.resolve(id + ".png");
        ImageIO.write(image, "png", png.toFile());
        return png;
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
