package vn.motcua.kiosk.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/** What the screenshot mains share: work on the FX thread, and a PNG of a real window. */
final class FxShots {
    private FxShots() {}

    interface FxWork<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} on the FX thread and waits for its result. */
    static <T> T fx(FxWork<T> work) throws Exception {
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

    /** Writes the window's scene to {@code out/name.png}, after a pause for a pulse to draw it. */
    static void shot(Stage stage, Path out, String name) throws Exception {
        Thread.sleep(300);
        fx(() -> {
            var image = stage.getScene().snapshot(null);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", new File(out.toFile(), name + ".png"));
            System.out.println("wrote " + out.resolve(name + ".png"));
            return null;
        });
    }
}
