package vn.motcua.kiosk.ui.help;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import vn.motcua.kiosk.ui.I18n;

/**
 * "Đang chờ hỗ trợ": a bar across the header, on every screen, while a call waits; whoever
 * comes taps it and enters the staff PIN to say so. A bar of its own rather than one more
 * button in the header row, which has no room left at large text.
 */
public final class HelpWaitingButton extends Button {

    public HelpWaitingButton(HelpCallViewModel vm, I18n i18n) {
        setId("help-waiting");
        getStyleClass().add("help-waiting");
        Label state = new Label();
        state.textProperty().bind(i18n.text("help.waiting"));
        state.getStyleClass().add("help-waiting-state");
        Label hint = new Label();
        hint.textProperty().bind(i18n.text("help.waiting.hint"));
        hint.getStyleClass().add("help-waiting-hint");
        HBox line = new HBox(state, hint);
        line.getStyleClass().add("help-waiting-line");
        line.setAlignment(Pos.CENTER);
        setGraphic(line);
        // The words as the button's text too, for whatever reads it aloud; the line is what shows.
        textProperty().bind(state.textProperty());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setMaxWidth(Double.MAX_VALUE);
        visibleProperty().bind(vm.waitingProperty());
        managedProperty().bind(visibleProperty());
        setOnAction(e -> vm.answer());
    }
}
