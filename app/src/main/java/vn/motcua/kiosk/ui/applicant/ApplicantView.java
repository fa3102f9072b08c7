package vn.motcua.kiosk.ui.applicant;

import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.common.KeepInSight;
import javafx.util.StringConverter;
import vn.motcua.kiosk.identity.IdCard;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/** "Quét thẻ căn cước": waiting for the reader, the card to confirm, or an unknown layout to map. */
public final class ApplicantView extends VBox {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ApplicantView(ApplicantViewModel vm, I18n i18n) {
        setId("applicant");
        getStyleClass().add("applicant");

        Label title = new Label();
        title.textProperty().bind(i18n.text("applicant.title"));
        title.getStyleClass().add("screen-title");
        Label how = new Label();
        how.textProperty().bind(i18n.text("applicant.how"));
        how.setWrapText(true);
        // Once a card is read the screen is about checking it: the room goes to the card and its chip.
        how.visibleProperty().bind(vm.stateProperty().isEqualTo(ApplicantViewModel.State.WAITING));
        how.managedProperty().bind(how.visibleProperty());

        Label feedback = new Label();
        feedback.setId("applicant-feedback");
        feedback.setWrapText(true);
        feedback.getStyleClass().add("error-text");
        feedback.textProperty().bind(Bindings.createStringBinding(
                () -> vm.feedbackProperty().get() == null ? "" : i18n.messages().get(vm.feedbackProperty().get()),
                vm.feedbackProperty(), i18n.messagesProperty()));
        feedback.visibleProperty().bind(vm.feedbackProperty().isNotNull());
        feedback.managedProperty().bind(feedback.visibleProperty());

        GridPane card = new GridPane();
        card.setId("applicant-card");
        card.getStyleClass().addAll("card", "id-card");
        Runnable showCard = () -> fill(card, vm.cardProperty().get(), i18n);
        vm.cardProperty().addListener((obs, was, is) -> showCard.run());
        i18n.messagesProperty().addListener((obs, was, is) -> showCard.run());
        showCard.run();
        card.visibleProperty().bind(vm.stateProperty().isEqualTo(ApplicantViewModel.State.CARD));
        card.managedProperty().bind(card.visibleProperty());

        VBox mapping = new VBox();
        mapping.setId("applicant-raw");
        mapping.getStyleClass().add("raw-fields");
        Runnable showRaw = () -> mapping.getChildren().setAll(vm.raw().stream().map(f -> rawRow(f, i18n)).toList());
        vm.raw().addListener((ListChangeListener<ApplicantViewModel.RawField>) c -> showRaw.run());
        mapping.visibleProperty().bind(vm.stateProperty().isEqualTo(ApplicantViewModel.State.UNKNOWN_LAYOUT));
        mapping.managedProperty().bind(mapping.visibleProperty());

        Button confirm = Controls.button(i18n, "applicant.confirm", "applicant-confirm", vm::confirm);
        confirm.getStyleClass().add("primary");
        confirm.visibleProperty().bind(vm.stateProperty().isNotEqualTo(ApplicantViewModel.State.WAITING));
        confirm.disableProperty().bind(vm.chip().stateProperty().isEqualTo(ChipViewModel.State.DIFFERENT));
        confirm.managedProperty().bind(confirm.visibleProperty());
        Button rescan = Controls.button(i18n, "applicant.rescan", "applicant-rescan", vm::rescan);
        rescan.visibleProperty().bind(confirm.visibleProperty());
        rescan.managedProperty().bind(rescan.visibleProperty());
        Button manual = Controls.button(i18n, "applicant.manual", "applicant-manual", vm::typeInstead);
        HBox buttons = new HBox(manual, rescan, confirm);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER_LEFT);

        // The card's QR and its chip side by side, so both fit above the buttons at 1024×768; the
        // QR's alone takes the whole width. What does not fit (large text) scrolls; the buttons stay.
        ChipPane chip = new ChipPane(vm.chip(), i18n);
        for (Region part : new Region[] {card, chip}) {
            part.setMinWidth(0);
            part.setPrefWidth(0);
            part.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(part, Priority.ALWAYS);
        }
        HBox row = new HBox(card, chip);
        VBox column = new VBox();
        row.getStyleClass().add("applicant-cards");
        column.getStyleClass().add("applicant-cards");
        VBox content = new VBox(title, how, row, mapping, feedback);
        // A portrait screen has the height and not the width: one above the other there. The
        // screen's own size tells (listening to the scene would outlive this view).
        Runnable arrange = () -> {
            boolean portrait = getHeight() > getWidth();
            javafx.scene.layout.Pane want = portrait ? column : row;
            javafx.scene.layout.Pane other = portrait ? row : column;
            int at = content.getChildren().indexOf(other);
            if (at >= 0) {
                want.getChildren().setAll(card, chip);
                content.getChildren().set(at, want);
            }
        };
        widthProperty().addListener(o -> arrange.run());
        heightProperty().addListener(o -> arrange.run());
        content.getStyleClass().add("applicant-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("applicant-scroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        KeepInSight.focused(scroll); // the expiry field, above the keyboard
        getChildren().addAll(scroll, buttons);
    }

    private static void fill(GridPane grid, IdCard c, I18n i18n) {
        grid.getChildren().clear();
        if (c == null) {
            return;
        }
        var m = i18n.messages();
        String[][] rows = {
            {"applicant.name", c.fullName()},
            {"applicant.id", c.idNumber()},
            {"applicant.birthDate", c.birthDate().format(DAY)},
            {"applicant.sex", m.get(c.sex() == IdCard.Sex.MALE ? "applicant.sex.male" : "applicant.sex.female")},
            {"applicant.address", c.permanentAddress()},
            {"applicant.issueDate", c.issueDate().format(DAY)},
        };
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(m.get(rows[i][0]));
            key.getStyleClass().add("section-title");
            key.setMinWidth(Region.USE_PREF_SIZE); // the value wraps, the name never shortens
            Label value = new Label(rows[i][1]);
            value.setId("applicant-value-" + rows[i][0].substring("applicant.".length()));
            value.setWrapText(true);
            grid.addRow(i, key, value);
        }
    }

    private static HBox rawRow(ApplicantViewModel.RawField f, I18n i18n) {
        Label value = new Label(i18n.messages().get("applicant.rawField", f.number(), f.value()));
        value.setWrapText(true);
        value.setPrefWidth(480);
        ComboBox<String> role = new ComboBox<>();
        role.setId("applicant-role-" + f.number());
        role.getItems().setAll(ApplicantViewModel.ROLES);
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(String r) {
                return i18n.messages().get(r == null || r.isEmpty() ? "applicant.role.skip" : "applicant.role." + r);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        role.valueProperty().bindBidirectional(f.roleProperty());
        HBox row = new HBox(value, role);
        row.getStyleClass().add("raw-field");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
