package vn.motcua.kiosk.ui.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;

/** The warning before an idle session ends: a countdown and one big "I am still here". */
final class InactivityOverlay extends StackPane {

    InactivityOverlay(ShellViewModel vm) {
        I18n i18n = vm.i18n();
        setId("inactivity");
        getStyleClass().add("overlay");
        Label title = new Label();
        title.textProperty().bind(i18n.text("inactivity.title"));
        title.getStyleClass().add("screen-title");
        Label countdown = new Label();
        countdown.setId("inactivity-countdown");
        countdown.textProperty().bind(i18n.text("inactivity.countdown", vm.secondsLeftProperty()));
        countdown.setWrapText(true);
        Button stay = new Button();
        stay.setId("inactivity-stay");
        stay.textProperty().bind(i18n.text("inactivity.stay"));
        stay.getStyleClass().add("primary");
        stay.setOnAction(e -> vm.userActivity());
        VBox card = new VBox(title, countdown, stay);
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
        visibleProperty().bind(vm.warningProperty());
    }
}
