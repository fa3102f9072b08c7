// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.receipt.Reprints;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/** "In lại biên nhận": one row per receipt of today (time, code, procedure), each with "In lại". */
final class StaffReprintView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm");

    StaffReprintView(StaffReprintViewModel vm, I18n i18n, Runnable back) {
        setId("staff-reprint");
        getStyleClass().addAll("card", "staff-outbox");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setPrefWidth(900);
        Label title = Controls.label(i18n, "staff.reprint.title", "screen-title");
        VBox rows = new VBox();
        rows.getStyleClass().add("outbox-rows");
        Runnable render = () -> {
            rows.getChildren().clear();
            if (vm.items().isEmpty()) {
                Label none = new Label(i18n.messages().get("staff.reprint.empty"));
                none.setId("staff-reprint-empty");
                rows.getChildren().add(none);
            }
            for (Reprints.Entry e : vm.items()) {
                rows.getChildren().add(row(e, vm, i18n));
            }
        };
        vm.items().addListener((ListChangeListener<Reprints.Entry>) c -> render.run());
        i18n.messagesProperty().addListener((obs, was, is) -> render.run());
        render.run();
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(380);
        scroll.getStyleClass().add("plain-scroll");
        Label feedback = new Label();
        feedback.setId("staff-reprint-feedback");
        feedback.setWrapText(true);
        feedback.textProperty().bind(Bindings.createStringBinding(
                () -> vm.feedbackProperty().get() == null ? "" : vm.feedbackProperty().get().apply(i18n.messages()),
                vm.feedbackProperty(), i18n.messagesProperty()));
        Button close = Controls.button(i18n, "staff.outbox.back", "staff-reprint-back", back);
        HBox buttons = new HBox(close);
        buttons.getStyleClass().add("button-row");
        getChildren().addAll(title, scroll, feedback, buttons);
    }

    private static HBox row(Reprints.Entry e, StaffReprintViewModel vm, I18n i18n) {
        String state = i18n.messages().get(e.queued() ? "staff.reprint.queued" : "staff.reprint.filed");
        Label head = new Label(WHEN.format(e.receivedAt()) + "  ·  " + e.trackingCode() + "  ·  " + state);
        head.setId("reprint-code-" + e.localReference());
        head.getStyleClass().add("section-title");
        Label what = new Label(e.procedure());
        what.setWrapText(true);
        VBox text = new VBox(head, what);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button again = Controls.button(i18n, "staff.reprint.print", "reprint-" + e.localReference(),
                () -> vm.reprint(e.localReference()));
        again.setMinWidth(USE_PREF_SIZE);
        HBox row = new HBox(text, again);
        row.getStyleClass().add("outbox-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
