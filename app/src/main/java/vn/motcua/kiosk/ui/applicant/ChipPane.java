// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.applicant;

import java.io.ByteArrayInputStream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.identity.chip.ChipReading;
import vn.motcua.kiosk.identity.chip.Dg13;
import vn.motcua.kiosk.identity.chip.PassiveAuthentication;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;
import vn.motcua.kiosk.ui.keyboard.FieldKind;

/**
 * The chip's part of the applicant screen: what to do with the card, progress, then the
 * portrait for the volunteer to compare with the citizen, what only the chip has, and whether
 * its signature was followed to a CSCA; or the differences with the QR, or the expiry to type.
 * The portrait is decoded from memory into the view and gone with the screen.
 */
final class ChipPane extends VBox {
    private static final Dg13.Field[] EXTRA = {Dg13.Field.ETHNICITY, Dg13.Field.RELIGION, Dg13.Field.PLACE_OF_ORIGIN,
        Dg13.Field.FATHER_NAME, Dg13.Field.MOTHER_NAME, Dg13.Field.SPOUSE_NAME, Dg13.Field.EXPIRY_DATE};

    ChipPane(ChipViewModel vm, I18n i18n) {
        setId("chip");
        getStyleClass().addAll("card", "chip");
        visibleProperty().bind(vm.stateProperty().isNotEqualTo(ChipViewModel.State.OFF));
        managedProperty().bind(visibleProperty());

        Label status = new Label();
        status.setId("chip-status");
        status.setWrapText(true);
        status.getStyleClass().add("section-title");
        status.textProperty().bind(Bindings.createStringBinding(() -> i18n.messages().get(statusKey(vm)),
                vm.stateProperty(), vm.readingProperty(), i18n.messagesProperty()));

        ProgressBar progress = new ProgressBar();
        progress.setId("chip-progress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        showIn(progress, vm.stateProperty().isEqualTo(ChipViewModel.State.READING));

        Label message = new Label();
        message.setId("chip-message");
        message.setWrapText(true);
        message.getStyleClass().add("error-text");
        message.textProperty().bind(Bindings.createStringBinding(
                () -> vm.messageProperty().get() == null ? "" : i18n.messages().get(vm.messageProperty().get()),
                vm.messageProperty(), i18n.messagesProperty()));
        showIn(message, vm.messageProperty().isNotNull());

        ImageView photo = new ImageView();
        photo.setId("chip-photo");
        photo.setFitHeight(120);
        photo.setPreserveRatio(true);
        photo.visibleProperty().bind(vm.readingProperty().isNotNull());
        photo.managedProperty().bind(photo.visibleProperty());
        GridPane fields = new GridPane();
        fields.setId("chip-fields");
        fields.getStyleClass().add("id-card");
        Runnable show = () -> {
            ChipReading r = vm.readingProperty().get();
            photo.setImage(r == null || r.faceImage().length == 0 || "image/jp2".equals(r.faceMime()) ? null
                    : new Image(new ByteArrayInputStream(r.faceImage())));
            fill(fields, r, i18n);
        };
        vm.readingProperty().addListener((obs, was, is) -> show.run());
        i18n.messagesProperty().addListener((obs, was, is) -> show.run());
        show.run();
        showIn(fields, vm.readingProperty().isNotNull());
        HBox top = new HBox(photo, status);
        top.getStyleClass().add("button-row");
        HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);

        VBox differences = new VBox();
        differences.setId("chip-differences");
        Runnable listDifferences = () -> differences.getChildren().setAll(vm.differences().stream().map(d -> {
            Label l = new Label(i18n.messages().get("identity.chip.difference", i18n.messages().get(d.labelKey()), d.qr(), d.chip()));
            l.setWrapText(true);
            return (Node) l;
        }).toList());
        vm.differences().addListener((ListChangeListener<ChipViewModel.Difference>) c -> listDifferences.run());
        Button useChip = Controls.button(i18n, "identity.chip.useChip", "chip-use", () -> vm.decide(true));
        Button useQr = Controls.button(i18n, "identity.chip.useQr", "chip-use-qr", () -> vm.decide(false));
        HBox decide = new HBox(useQr, useChip);
        decide.getStyleClass().add("button-row");
        VBox different = new VBox(differences, decide);
        showIn(different, vm.stateProperty().isEqualTo(ChipViewModel.State.DIFFERENT));

        TextField expiry = new TextField();
        expiry.setId("chip-expiry");
        expiry.setPrefColumnCount(8);
        FieldKind.set(expiry, FieldKind.NUMERIC); // digits only: ddMMyyyy from the front, or the MRZ's yyMMdd
        expiry.promptTextProperty().bind(i18n.text("identity.chip.expiryPrompt"));
        expiry.textProperty().bindBidirectional(vm.expiryTextProperty());
        expiry.setOnAction(e -> vm.useTypedExpiry());
        Button readWithExpiry = Controls.button(i18n, "identity.chip.read", "chip-read", vm::useTypedExpiry);
        HBox entry = new HBox(expiry, readWithExpiry);
        entry.setAlignment(Pos.CENTER_LEFT);
        entry.getStyleClass().add("button-row");
        VBox ask = new VBox(entry, Controls.label(i18n, "identity.chip.expiryLabel", null));
        showIn(ask, vm.stateProperty().isEqualTo(ChipViewModel.State.NEED_EXPIRY));

        Button retry = Controls.button(i18n, "identity.chip.retry", "chip-retry", vm::retry);
        showIn(retry, vm.stateProperty().isEqualTo(ChipViewModel.State.FAILED)
                .and(vm.messageProperty().isNotEqualTo("identity.chip.notUsed")));

        getChildren().addAll(top, progress, message, ask, fields, different, retry);
    }

    private static void showIn(Node n, BooleanBinding when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(n.visibleProperty());
    }

    private static String statusKey(ChipViewModel vm) {
        return switch (vm.stateProperty().get()) {
            case OFF, WAITING -> "identity.chip.waiting";
            case READING -> "identity.chip.reading";
            case READ -> vm.readingProperty().get() != null
                    && vm.readingProperty().get().trust() == PassiveAuthentication.Trust.CSCA_VERIFIED
                    ? "identity.chip.trust.csca" : "identity.chip.trust.noCsca";
            case DIFFERENT -> "identity.chip.different";
            case NEED_EXPIRY -> "identity.chip.needExpiry";
            case FAILED -> "identity.chip.failed";
        };
    }

    private static void fill(GridPane grid, ChipReading r, I18n i18n) {
        grid.getChildren().clear();
        if (r == null) {
            return;
        }
        int row = 0;
        for (Dg13.Field f : EXTRA) {
            var value = r.citizen().get(f);
            if (value.isPresent()) {
                Label key = new Label(i18n.messages().get("identity.chip.field." + f.name()));
                key.getStyleClass().add("section-title");
                key.setMinWidth(Region.USE_PREF_SIZE); // the value wraps, the name never shortens
                Label v = new Label(value.get());
                v.setId("chip-value-" + f.name());
                v.setWrapText(true);
                grid.addRow(row++, key, v);
            }
        }
    }
}
