// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.util.Random;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;
import vn.motcua.kiosk.ui.common.PinPad;
import vn.motcua.kiosk.ui.keyboard.OnScreenKeyboard;
import vn.motcua.kiosk.volunteer.Volunteers;

/**
 * "Tình nguyện viên": the list (those from the configuration marked so, the others removable) and
 * a form to add one. The form's name field has its own on-screen keyboard inside the staff card:
 * the shell's keyboard sits under the staff overlay.
 */
final class StaffVolunteersView extends VBox {

    StaffVolunteersView(StaffVolunteersViewModel vm, I18n i18n, Runnable back) {
        setId("staff-volunteers");
        getStyleClass().addAll("card", "staff-volunteers");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setPrefWidth(900);
        setFocusTraversable(true); // "Xong" gives it the focus: the name field's keyboard closes
        Label title = new Label();
        title.textProperty().bind(i18n.text("staff.volunteers.title"));
        title.getStyleClass().add("screen-title");

        VBox rows = new VBox();
        rows.setId("staff-volunteers-rows");
        rows.getStyleClass().add("outbox-rows");
        Runnable render = () -> {
            rows.getChildren().clear();
            if (vm.list().isEmpty()) {
                rows.getChildren().add(new Label(i18n.messages().get("staff.volunteers.none")));
            }
            for (int i = 0; i < vm.list().size(); i++) {
                rows.getChildren().add(row(i, vm.list().get(i), vm, i18n));
            }
        };
        vm.list().addListener((ListChangeListener<Volunteers.Volunteer>) c -> render.run());
        i18n.messagesProperty().addListener((obs, was, is) -> render.run());
        render.run();
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(140);
        scroll.getStyleClass().add("plain-scroll");

        Label addTitle = new Label();
        addTitle.textProperty().bind(i18n.text("staff.volunteers.add.title"));
        addTitle.getStyleClass().add("section-title");
        TextField name = new TextField();
        name.setId("volunteer-new-name");
        name.promptTextProperty().bind(i18n.text("staff.volunteers.add.name"));
        name.textProperty().bindBidirectional(vm.nameProperty());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button nameDone = Controls.button(i18n, "staff.volunteers.add.nameDone", "volunteer-new-name-done", this::requestFocus);
        nameDone.visibleProperty().bind(name.focusedProperty());
        nameDone.managedProperty().bind(nameDone.visibleProperty());
        HBox nameRow = new HBox(name, nameDone);
        nameRow.getStyleClass().add("button-row");
        Label pinPrompt = new Label();
        pinPrompt.textProperty().bind(i18n.text("staff.volunteers.add.pin"));
        pinPrompt.setWrapText(true);
        Label mask = new Label();
        mask.setId("volunteer-new-mask");
        mask.textProperty().bind(vm.pin().maskProperty());
        mask.getStyleClass().add("pin-mask");
        PinPad keys = new PinPad(vm.pin(), i18n, "volunteer-new-", false, new Random());
        keys.setMinWidth(USE_PREF_SIZE); // its keys keep their words ("Xóa") beside the wrapping text
        VBox left = new VBox(scroll, addTitle, nameRow, pinPrompt, mask);
        left.getStyleClass().add("staff-volunteers-left");
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox body = new HBox(left, keys);
        body.getStyleClass().add("button-row");
        // While the name is typed its keyboard takes the room of the list and the PIN pad (a 768-pixel screen).
        for (var part : java.util.List.of(scroll, pinPrompt, mask, keys)) {
            part.visibleProperty().bind(name.focusedProperty().not());
            part.managedProperty().bind(part.visibleProperty());
        }

        Label feedback = new Label();
        feedback.setId("staff-volunteers-feedback");
        feedback.setWrapText(true);
        feedback.textProperty().bind(Bindings.createStringBinding(() -> {
            StaffViewModel.Feedback f = vm.feedbackProperty().get();
            return f == null ? "" : i18n.messages().get(f.key(), f.arg());
        }, vm.feedbackProperty(), i18n.messagesProperty()));

        Button add = Controls.button(i18n, "staff.volunteers.add", "volunteer-add", vm::add);
        add.getStyleClass().add("primary");
        add.disableProperty().bind(vm.nameProperty().isEmpty().or(vm.pin().lengthProperty().lessThan(Volunteers.MIN_PIN)));
        Button close = Controls.button(i18n, "staff.outbox.back", "staff-volunteers-back", back);
        HBox buttons = new HBox(close, add);
        buttons.getStyleClass().add("button-row");
        getChildren().addAll(title, body, feedback, buttons);

        // Its own keyboard, built the first time the name field is touched (a hundred keys).
        OnScreenKeyboard[] keyboard = new OnScreenKeyboard[1];
        name.focusedProperty().addListener((obs, was, is) -> {
            if (is && keyboard[0] == null) {
                keyboard[0] = new OnScreenKeyboard(i18n);
                keyboard[0].setId("volunteer-keyboard");
                getChildren().add(getChildren().indexOf(body) + 1, keyboard[0]);
            }
            if (keyboard[0] != null) {
                if (is) {
                    keyboard[0].show(name);
                } else {
                    keyboard[0].hide();
                }
            }
        });
        visibleProperty().addListener((obs, was, is) -> {
            if (!is && keyboard[0] != null) {
                keyboard[0].hide();
            }
        });
    }

    private static HBox row(int i, Volunteers.Volunteer v, StaffVolunteersViewModel vm, I18n i18n) {
        Label name = new Label(v.name());
        name.setId("volunteer-row-" + i);
        name.getStyleClass().add("section-title");
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(name);
        row.getStyleClass().add("outbox-row");
        row.setAlignment(Pos.CENTER_LEFT);
        if (v.configured()) {
            Label fixed = new Label(i18n.messages().get("staff.volunteers.configured"));
            fixed.setId("volunteer-configured-" + i);
            row.getChildren().add(fixed);
        } else {
            Button remove = Controls.button(i18n, "staff.volunteers.remove", "volunteer-remove-" + i, () -> vm.remove(v));
            remove.setMinWidth(USE_PREF_SIZE);
            row.getChildren().add(remove);
        }
        return row;
    }
}
