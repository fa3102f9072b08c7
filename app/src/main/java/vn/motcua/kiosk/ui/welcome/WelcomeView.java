package vn.motcua.kiosk.ui.welcome;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.session.InterruptedDraft;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.help.HelpCallViewModel;
import vn.motcua.kiosk.ui.shell.ShellViewModel;

/** Design step 1: four big choices and a call for help. Two columns in landscape, one in portrait. */
public final class WelcomeView extends VBox {
    /** Held here: the view model's list holds it weakly, so a Welcome left behind is collected. */
    private final ListChangeListener<InterruptedDraft> offersChanged;

    public WelcomeView(ShellViewModel vm, HelpCallViewModel helpCall, ObservableBooleanValue portrait) {
        I18n i18n = vm.i18n();
        getStyleClass().add("welcome");
        setAlignment(Pos.CENTER);

        Label title = new Label();
        title.textProperty().bind(i18n.text("welcome.title"));
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);

        Button file = tile(i18n, "welcome.file", "file");
        file.setOnAction(e -> vm.startFiling());
        file.getStyleClass().add("primary");
        Button resume = tile(i18n, "welcome.resume", "resume");
        resume.setOnAction(e -> vm.startResume());
        Button track = tile(i18n, "welcome.track", "track");
        track.setOnAction(e -> vm.openFeature("welcome.track"));
        Button result = tile(i18n, "welcome.result", "result");
        result.setOnAction(e -> vm.openFeature("welcome.result"));

        GridPane tiles = new GridPane();
        tiles.getStyleClass().add("tiles");
        tiles.setAlignment(Pos.CENTER);
        Button[] all = {file, resume, track, result};
        Runnable arrange = () -> {
            tiles.getChildren().clear();
            tiles.getColumnConstraints().clear();
            int columns = portrait.get() ? 1 : 2;
            for (int c = 0; c < columns; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setPercentWidth(100.0 / columns);
                cc.setHgrow(Priority.ALWAYS);
                tiles.getColumnConstraints().add(cc);
            }
            for (int i = 0; i < all.length; i++) {
                tiles.add(all[i], i % columns, i / columns);
            }
        };
        arrange.run();
        portrait.addListener((obs, was, is) -> arrange.run());

        Button help = new Button();
        help.setId("help");
        help.textProperty().bind(i18n.text("welcome.help"));
        help.getStyleClass().add("help");
        help.setOnAction(e -> helpCall.call());
        // What the kiosk did, and nothing more: it rang (or could not) and shows the call.
        Label helpSent = new Label();
        helpSent.setId("help-sent");
        helpSent.textProperty().bind(Bindings.when(helpCall.heardProperty())
                .then(i18n.text("welcome.help.chimed")).otherwise(i18n.text("welcome.help.silent")));
        helpSent.getStyleClass().add("notice");
        helpSent.setWrapText(true);
        helpSent.visibleProperty().bind(helpCall.waitingProperty());
        helpSent.managedProperty().bind(helpCall.waitingProperty());

        // A draft cut off by a crash, on top and large: the citizen still at the desk sees it first.
        VBox offers = new VBox();
        offers.getStyleClass().add("interrupted-offers");
        offers.setAlignment(Pos.CENTER);
        offersChanged = change -> showOffers(vm, offers);
        vm.interruptedOffers().addListener(new WeakListChangeListener<>(offersChanged));
        showOffers(vm, offers);

        getChildren().addAll(title, offers, tiles, help, helpSent);
    }

    /** One large button per offer: when and which procedure, nothing about whom. */
    private static void showOffers(ShellViewModel vm, VBox box) {
        I18n i18n = vm.i18n();
        box.getChildren().clear();
        int n = 0;
        for (InterruptedDraft offer : vm.interruptedOffers()) {
            Label what = new Label();
            what.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> vm.interruptedOfferText(offer), i18n.messagesProperty()));
            what.getStyleClass().add("interrupted-what");
            what.setWrapText(true);
            Label go = new Label();
            go.textProperty().bind(i18n.text("welcome.interrupted.go"));
            go.getStyleClass().add("tile-title");
            go.setWrapText(true);
            Label papers = new Label();
            papers.textProperty().bind(i18n.text("welcome.interrupted.papers"));
            papers.getStyleClass().add("tile-hint");
            papers.setWrapText(true);
            VBox content = new VBox(what, go, papers);
            content.getStyleClass().add("tile-content");
            content.setAlignment(Pos.CENTER_LEFT);
            Button b = new Button();
            b.setId(n == 0 ? "interrupted-offer" : "interrupted-offer-" + (n + 1));
            b.setGraphic(content);
            b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            b.getStyleClass().addAll("tile", "primary", "interrupted-offer");
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> vm.startInterrupted(offer));
            box.getChildren().add(b);
            n++;
        }
        box.setVisible(n > 0);
        box.setManaged(n > 0);
    }

    private static Button tile(I18n i18n, String key, String id) {
        Label name = new Label();
        name.textProperty().bind(i18n.text(key));
        name.getStyleClass().add("tile-title");
        name.setWrapText(true);
        Label hint = new Label();
        hint.textProperty().bind(i18n.text(key + ".hint"));
        hint.getStyleClass().add("tile-hint");
        hint.setWrapText(true);
        VBox content = new VBox(name, hint);
        content.getStyleClass().add("tile-content");
        content.setAlignment(Pos.CENTER_LEFT);
        Button b = new Button();
        b.setId(id);
        b.setGraphic(content);
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.getStyleClass().add("tile");
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMaxHeight(Double.MAX_VALUE);
        GridPane.setHgrow(b, Priority.ALWAYS);
        GridPane.setVgrow(b, Priority.ALWAYS);
        return b;
    }
}
