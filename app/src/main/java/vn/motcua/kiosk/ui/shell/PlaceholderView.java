package vn.motcua.kiosk.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;

/** Stands in for the steps and Welcome features that later work builds. */
final class PlaceholderView extends VBox {

    PlaceholderView(ShellViewModel vm, ObservableStringValue what) {
        I18n i18n = vm.i18n();
        getStyleClass().add("placeholder");
        setAlignment(Pos.CENTER);
        Label title = new Label();
        title.textProperty().bind(i18n.text("comingsoon.title"));
        title.getStyleClass().add("screen-title");
        Label body = new Label();
        body.textProperty().bind(i18n.text("comingsoon.body", what));
        body.setWrapText(true);
        Button home = new Button();
        home.setId("placeholder-home");
        home.textProperty().bind(i18n.text("comingsoon.home"));
        // Inside a session "home" ends and erases it; the end button says so next to it.
        home.visibleProperty().bind(Bindings.not(vm.sessionOpenProperty()));
        home.managedProperty().bind(home.visibleProperty());
        home.setOnAction(e -> vm.home());
        getChildren().addAll(title, body, home);
    }
}
