// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** A node as it is drawn on screen, saved as a PNG for an independent reader (zbarimg). */
public final class Snapshots {
    private Snapshots() {}

    /** Photographs a QR on screen; fails when it is drawn too small for a phone across the desk. */
    public static Path qrPhoto(FxRobot robot, String id, Path dir) throws Exception {
        Node node = robot.lookup("#" + id).queryAs(Node.class);
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
        Path png = dir.resolve(id + ".png");
        ImageIO.write(image, "png", png.toFile());
        return png;
    }
}
