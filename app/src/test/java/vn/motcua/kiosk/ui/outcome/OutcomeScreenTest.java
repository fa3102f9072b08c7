// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.kiosk.receipt.ExternalTools.qrCodes;
import static vn.motcua.kiosk.receipt.ExternalTools.rasterise;
import static vn.motcua.kiosk.receipt.ExternalTools.requireCups;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import vn.motcua.kiosk.printing.JavaxPrinter;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrinterOfflineException;
import vn.motcua.kiosk.printing.PrinterTrouble;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.receipt.Receipt;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;
import vn.motcua.kiosk.receipt.Receipts;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.KioskApp;
import vn.motcua.kiosk.ui.outcome.OutcomeViewModel.Phase;

/**
 * The receipt screen against the private CUPS of scripts/services/cups.sh: KioskPDF turns each job
 * into a file, KioskStopped is a paused queue. What the citizen sees is read off the screen; the QR
 * on screen is photographed (snapshot) and decoded by zbarimg, an independent decoder.
 */
@ExtendWith(ApplicationExtension.class)
class OutcomeScreenTest {
    @TempDir
    Path temp;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<PrintingException> noticed = new CopyOnWriteArrayList<>();
    private final List<String> cleared = new CopyOnWriteArrayList<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final PrinterTrouble staff = new PrinterTrouble() {
        @Override
        public void noticed(PrintingException problem) {
            noticed.add(problem);
        }

        @Override
        public void cleared(String printer) {
            cleared.add(printer);
        }
    };
    private Path out;
    private OutcomeScreen screen;

    @BeforeEach
    void cups() {
        out = requireCups();
    }

    @AfterEach
    void stop() throws Exception {
        if (screen != null) {
            FxToolkit.setupFixture(() -> screen.close());
        }
        background.shutdownNow();
    }

    private OutcomeViewModel open(Receipt receipt, ReceiptLayout layout, String printer) throws Exception {
        screen = new OutcomeScreen(new ReceiptRenderer(), layout, new JavaxPrinter(printer), background, staff,
                Duration.ofSeconds(60));
        FxToolkit.setupStage(stage -> {
            KioskApp.loadFonts();
            Node view = screen.open(receipt, new I18n(Locale.forLanguageTag("vi")), () -> ended.set(true));
            view.getStyleClass().add("screen");
            Scene scene = new Scene((javafx.scene.Parent) view, 1280, 800);
            scene.getStylesheets().add(KioskApp.stylesheet());
            stage.setScene(scene);
            // The primary stage is shared by every test class: an earlier one may have resized it.
            stage.sizeToScene();
            stage.show();
        });
        OutcomeViewModel vm = screen.viewModel();
        await(() -> vm.phaseProperty().get() != Phase.PREPARING);
        return vm;
    }

    @Test
    void showsTheDossierCodeAndThePreview(FxRobot robot) throws Exception {
        OutcomeViewModel vm = open(Receipts.filed(false), ReceiptLayout.A5, "KioskPDF");

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.READY);
        assertThat(text(robot, "outcome-title")).isEqualTo("Đã nộp hồ sơ");
        assertThat(text(robot, "outcome-code")).isEqualTo(Receipts.CODE);
        assertThat(text(robot, "outcome-due")).isEqualTo("Hẹn trả kết quả: 16:00, 29/07/2024");
        ImageView preview = robot.lookup("#outcome-preview").queryAs(ImageView.class);
        assertThat(showing(robot, "outcome-preview")).isTrue();
        // An A5 page: taller than wide by √2, and laid out on screen at a readable size.
        assertThat(preview.getImage().getHeight() / preview.getImage().getWidth()).isBetween(1.38, 1.46);
        assertThat(preview.getBoundsInParent().getHeight()).isGreaterThan(500);
        assertThat(showing(robot, "outcome-print")).isTrue();
        assertThat(showing(robot, "outcome-retry")).isFalse();
        assertThat(showing(robot, "outcome-qr-pane")).isFalse();
    }

    @Test
    void printingToTheVirtualPrinterProducesTheReceipt(FxRobot robot) throws Exception {
        OutcomeViewModel vm = open(Receipts.filed(false), ReceiptLayout.ROLL_80MM, "KioskPDF");
        Set<Path> before = printed();

        robot.clickOn("#outcome-print");
        await(() -> vm.phaseProperty().get() == Phase.DONE || vm.phaseProperty().get() == Phase.TROUBLE);

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.DONE);
        assertThat(text(robot, "outcome-status")).isEqualTo("Đã in xong. Xin nhận biên nhận ở khe máy in.");
        Set<Path> after = printed();
        after.removeAll(before);
        assertThat(after).hasSize(1);
        assertThat(qrCodes(rasterise(after.iterator().next(), 150))).containsExactly(Receipts.URL);
        assertThat(noticed).isEmpty();
        assertThat(showing(robot, "outcome-print")).isFalse();
    }

    @Test
    void aStoppedPrinterIsExplainedWithRetryAndTheQrAndRetryWorksOnceFixed(FxRobot robot) throws Exception {
        OutcomeViewModel vm = open(Receipts.filed(false), ReceiptLayout.A5, "KioskStopped");

        robot.clickOn("#outcome-print");
        await(() -> vm.phaseProperty().get() == Phase.DONE || vm.phaseProperty().get() == Phase.TROUBLE);

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.TROUBLE);
        assertThat(text(robot, "outcome-trouble"))
                .startsWith("Máy in \"KioskStopped\" đang tạm dừng hoặc mất kết nối")
                .contains("Nhân viên hỗ trợ đã được báo.");
        assertThat(noticed).singleElement().isInstanceOf(PrinterOfflineException.class);
        assertThat(showing(robot, "outcome-retry")).isTrue();
        assertThat(showing(robot, "outcome-show-qr")).isTrue();

        robot.clickOn("#outcome-show-qr");
        assertThat(showing(robot, "outcome-qr-pane")).isTrue();
        assertThat(showing(robot, "outcome-preview")).isFalse();
        assertThat(text(robot, "outcome-qr-code")).isEqualTo(Receipts.CODE);
        assertThat(qrCodes(vn.motcua.kiosk.ui.Snapshots.qrPhoto(robot, "outcome-qr-image", temp))).containsExactly(Receipts.URL);

        // Staff fix it (here: point the kiosk at a working queue); "Thử lại" prints.
        Set<Path> before = printed();
        robot.interact(() -> vm.printerProperty().set(new JavaxPrinter("KioskPDF")));
        robot.clickOn("#outcome-retry");
        await(() -> vm.phaseProperty().get() == Phase.DONE || vm.phaseProperty().get() == Phase.TROUBLE);

        assertThat(vm.phaseProperty().get()).isEqualTo(Phase.DONE);
        assertThat(text(robot, "outcome-trouble")).isEmpty();
        assertThat(showing(robot, "outcome-trouble")).isFalse();
        Set<Path> after = printed();
        after.removeAll(before);
        assertThat(after).hasSize(1);
        assertThat(cleared).containsExactly("KioskPDF");
    }

    @Test
    void aQueuedDossierShowsItsLocalReferenceAndWaitsToBeSent(FxRobot robot) throws Exception {
        open(Receipts.queued(), ReceiptLayout.A5, "KioskPDF");

        assertThat(text(robot, "outcome-title")).containsIgnoringCase("đang chờ gửi");
        assertThat(text(robot, "outcome-code-caption")).isEqualTo("Mã tham chiếu tại kiosk:");
        assertThat(text(robot, "outcome-code")).isEqualTo("KIOSK-7F3K-92QD");
        assertThat(showing(robot, "outcome-queued-note")).isTrue();
        assertThat(robot.lookup("#outcome-due").tryQuery()).isEmpty();
        // No tracking link yet: the QR carries the reference itself.
        robot.clickOn("#outcome-show-qr");
        assertThat(qrCodes(vn.motcua.kiosk.ui.Snapshots.qrPhoto(robot, "outcome-qr-image", temp))).containsExactly("KIOSK-7F3K-92QD");
        robot.clickOn("#outcome-show-receipt");
        assertThat(showing(robot, "outcome-preview")).isTrue();
    }

    @Test
    void finishEndsTheSession(FxRobot robot) throws Exception {
        open(Receipts.filed(true), ReceiptLayout.A5, "KioskPDF");

        robot.clickOn("#outcome-end");

        assertThat(ended).isTrue();
    }

    private Set<Path> printed() throws Exception {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().matches("job-\\d+\\.pdf")).collect(Collectors.toSet());
        }
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static boolean showing(FxRobot robot, String id) {
        for (Node n = robot.lookup("#" + id).queryAs(Node.class); n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
