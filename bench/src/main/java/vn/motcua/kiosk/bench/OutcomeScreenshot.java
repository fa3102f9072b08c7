// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import vn.motcua.kiosk.printing.OutOfPaperException;
import vn.motcua.kiosk.printing.PaperSize;
import vn.motcua.kiosk.printing.Printer;
import vn.motcua.kiosk.printing.PrinterStatus;
import vn.motcua.kiosk.printing.PrinterTrouble;
import vn.motcua.kiosk.printing.PrintingException;
import vn.motcua.kiosk.receipt.ReceiptLayout;
import vn.motcua.kiosk.receipt.ReceiptRenderer;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.KioskApp;
import vn.motcua.kiosk.ui.outcome.OutcomeScreen;
import vn.motcua.kiosk.ui.outcome.OutcomeViewModel;

/**
 * Screenshots of the receipt screen on a real 1280×800 window (run under xvfb-run): the filed
 * dossier with its A5 preview; a printer out of paper with the tracking QR on screen; the same in
 * high contrast with large text. The printer is a stand-in that is always out of paper (no CUPS needed).
 * Usage: OutcomeScreenshot OUTPUT_FOLDER
 */
public final class OutcomeScreenshot {
    private static Path out;

    public static void main(String[] args) throws Exception {
        out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "docs/screenshots"));
        Platform.startup(() -> { });
        ExecutorService background = Executors.newSingleThreadExecutor();
        OutcomeScreen screen = new OutcomeScreen(new ReceiptRenderer(), ReceiptLayout.A5, new NoPaper(), background,
                PrinterTrouble.NONE, Duration.ofSeconds(30));
        I18n i18n = new I18n(Locale.forLanguageTag("vi"));
        Stage stage = fx(() -> {
            KioskApp.loadFonts();
            Parent view = (Parent) screen.open(ReceiptBench.sample(), i18n, () -> { });
            view.getStyleClass().add("screen");
            Scene scene = new Scene(view, 1280, 800);
            scene.getStylesheets().add(KioskApp.stylesheet());
            Stage s = new Stage();
            s.setScene(scene);
            s.show();
            return s;
        });
        OutcomeViewModel vm = screen.viewModel();
        await(() -> vm.phaseProperty().get() == OutcomeViewModel.Phase.READY);
        shot(stage, "outcome");

        press(stage, "outcome-print");
        await(() -> vm.phaseProperty().get() == OutcomeViewModel.Phase.TROUBLE);
        press(stage, "outcome-show-qr");
        shot(stage, "outcome-printer-trouble");

        // The same in high contrast with large text: the code must still fit, the buttons still show.
        fx(() -> {
            stage.getScene().getRoot().getStyleClass().addAll("high-contrast", "large-text");
            return null;
        });
        shot(stage, "outcome-high-contrast-large");
        background.shutdownNow();
        Platform.exit();
        System.exit(0);
    }

    /** A receipt printer with an empty roll, as CUPS reports it (media-empty-error). */
    private static final class NoPaper implements Printer {
        @Override
        public List<String> printers() {
            return List.of("KioskReceipt");
        }

        @Override
        public PrinterStatus status() {
            return new PrinterStatus("KioskReceipt", PrinterStatus.State.STOPPED, true,
                    java.util.Set.of("media-empty-error"), "", 0);
        }

        @Override
        public PrintJob print(byte[] pdf, PaperSize paper) throws PrintingException {
            throw new OutOfPaperException("KioskReceipt", "media-empty-error");
        }

        @Override
        public void awaitDone(PrintJob job, Duration limit) {
        }
    }

    private static void await(BooleanSupplier condition) throws Exception {
        for (int i = 0; i < 300 && !fx(condition::getAsBoolean); i++) {
            Thread.sleep(100);
        }
    }

    private static void press(Stage stage, String id) throws Exception {
        fx(() -> {
            ((ButtonBase) stage.getScene().lookup("#" + id)).fire();
            return null;
        });
    }

    private static void shot(Stage stage, String name) throws Exception {
        Thread.sleep(400); // let a pulse draw the frame
        fx(() -> {
            var image = stage.getScene().snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(out.toFile(), name + ".png"));
            System.out.println("wrote " + out.resolve(name + ".png"));
            return null;
        });
    }

    private interface FxWork<T> {
        T run() throws Exception;
    }

    private static <T> T fx(FxWork<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.run());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(20, TimeUnit.SECONDS);
    }
}
