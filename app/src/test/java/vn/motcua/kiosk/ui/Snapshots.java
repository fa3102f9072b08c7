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

/** A node as it is drawn on screen, saved as a PNG for an independent reader (zbarimg) or a person. */
public final class Snapshots {
    private Snapshots() {}

    /** Photographs a QR on screen; fails when it is drawn too small for a phone across the desk. */
    public static Path qrPhoto(FxRobot robot, String id, Path dir) throws Exception {
        Node node = robot.lookup("#" + id).queryAs(Node.class);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = node.snapshot(null, null));
        BufferedImage image = image(shot[0]);
        assertThat(Math.min(image.getWidth(), image.getHeight())).as("QR size on screen").isGreaterThan(250);
        Path png = dir.resolve(id + ".png");
        ImageIO.write(image, "png", png.toFile());
        return png;
    }

    /** Saves a node as drawn, for a person to look at (layout checks); not for comparing pixels. */
    public static Path png(FxRobot robot, String id, Path file) throws Exception {
        Node node = robot.lookup("#" + id).queryAs(Node.class);
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = node.snapshot(null, null));
        ImageIO.write(image(shot[0]), "png", file.toFile());
        return file;
    }

    private static BufferedImage image(WritableImage shot) {
        int w = (int) shot.getWidth();
        int h = (int) shot.getHeight();
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = shot.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return image;
    }
}
