// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The floor under the kiosk's start-up: the least a JavaFX program can do — one label in a
 * 1280×800 window — timed to its first frame like the kiosk ({@code FIRST_FRAME} on stdout), on
 * the same runtime, JavaFX jars, JVM flags and kind of AppCDS archive. {@link StartupBench} runs it
 * with {@code -Dkiosk.bench.floor}; the kiosk cannot start faster than this on the same machine.
 */
public final class FirstFrameFloor {
    private FirstFrameFloor() {}

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new Label("Một Cửa — Xin chào"), 1280, 800);
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                Platform.runLater(() -> {
                    System.out.println("FIRST_FRAME " + System.nanoTime());
                    System.out.flush();
                });
            };
            scene.addPostLayoutPulseListener(once[0]);
            stage.setScene(scene);
            stage.show();
        }
    }
}
