package vn.motcua.kiosk.ui.consent;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.shell.ShellViewModel;

/**
 * Design step 2: what is collected, why, for how long, and the citizen's rights; an explicit
 * tick, never pre-ticked (a new view is made for every session), before anything personal.
 */
public final class ConsentView extends VBox {

    public ConsentView(ShellViewModel vm, int erasedAfterSeconds) {
        I18n i18n = vm.i18n();
        getStyleClass().add("consent");

        Label title = new Label();
        title.textProperty().bind(i18n.text("consent.title"));
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);

        VBox text = new VBox(
                section(i18n, "consent.what.title", "consent.what"),
                section(i18n, "consent.why.title", "consent.why"),
                section(i18n, "consent.how.long.title", "consent.how.long", erasedAfterSeconds),
                section(i18n, "consent.rights.title", "consent.rights"));
        text.getStyleClass().add("consent-text");
        ScrollPane scroll = new ScrollPane(text);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        CheckBox agree = new CheckBox();
        agree.setId("consent-agree");
        agree.textProperty().bind(i18n.text("consent.agree"));
        agree.setSelected(false);
        agree.getStyleClass().add("big-check");
        agree.setWrapText(true);

        Button accept = new Button();
        accept.setId("consent-continue");
        accept.textProperty().bind(i18n.text("consent.continue"));
        accept.getStyleClass().add("primary");
        accept.disableProperty().bind(agree.selectedProperty().not());
        accept.setOnAction(e -> vm.acceptConsent());

        Button decline = new Button();
        decline.setId("consent-decline");
        decline.textProperty().bind(i18n.text("consent.decline"));
        decline.setOnAction(e -> vm.declineConsent());

        HBox buttons = new HBox(decline, accept);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, scroll, agree, buttons);
    }

    private static VBox section(I18n i18n, String titleKey, String bodyKey, Object... args) {
        Label heading = new Label();
        heading.textProperty().bind(i18n.text(titleKey));
        heading.getStyleClass().add("section-title");
        Label body = new Label();
        body.textProperty().bind(i18n.text(bodyKey, args));
        body.setWrapText(true);
        VBox box = new VBox(heading, body);
        box.getStyleClass().add("consent-section");
        return box;
    }
}
