// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.startup;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Work the first frame would otherwise do, done while the FX thread waits for the core (config,
 * catalogue, database) at start-up: the stylesheets parsed and cached, and the controls Welcome
 * and the shell are made of styled and laid out once, in a scene that is then dropped.
 */
public final class WarmUp {
    private WarmUp() {}

    public static void stylesAndControls(String stylesheet) {
        Label title = new Label("Một Cửa");
        title.getStyleClass().add("app-title");
        GridPane grid = new GridPane();
        grid.add(new Button("Bắt đầu nộp hồ sơ"), 0, 0);
        grid.add(new Label("Tra cứu hồ sơ"), 1, 0);
        BorderPane root = new BorderPane(grid, new HBox(title, new ToggleButton("English")), null,
                new VBox(new Label("Cần hỗ trợ?"), new Button("Gọi")), null);
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(stylesheet);
        root.applyCss();
        root.layout();
    }
}
