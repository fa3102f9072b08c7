// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.outbox.DiscardReason;
import vn.motcua.kiosk.outbox.Outbox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/**
 * "Hồ sơ chờ gửi": one row per outbox entry, newest first; a parked one can be sent again or
 * discarded ("Hủy hồ sơ": a reason from a fixed list, then a confirmation).
 */
final class StaffOutboxView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    StaffOutboxView(StaffOutboxViewModel vm, I18n i18n, Runnable back) {
        setId("staff-outbox");
        getStyleClass().addAll("card", "staff-outbox");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setPrefWidth(900);
        Label title = new Label();
        title.textProperty().bind(i18n.text("staff.outbox.title"));
        title.getStyleClass().add("screen-title");
        VBox rows = new VBox();
        rows.setId("staff-outbox-rows");
        rows.getStyleClass().add("outbox-rows");
        Runnable render = () -> {
            rows.getChildren().clear();
            if (vm.items().isEmpty()) {
                Label none = new Label(i18n.messages().get("staff.outbox.empty"));
                none.setId("staff-outbox-empty");
                rows.getChildren().add(none);
            }
            for (Outbox.QueueItem item : vm.items()) {
                rows.getChildren().add(row(item, vm, i18n));
                if (item.localRef().equals(vm.discardingProperty().get()) && item.state() == Outbox.Status.REFUSED) {
                    rows.getChildren().add(discardQuestion(item.localRef(), vm, i18n));
                }
            }
        };
        vm.items().addListener((ListChangeListener<Outbox.QueueItem>) c -> render.run());
        vm.discardingProperty().addListener((obs, was, is) -> render.run());
        i18n.messagesProperty().addListener((obs, was, is) -> render.run());
        render.run();
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        scroll.getStyleClass().add("plain-scroll");
        Button refresh = Controls.button(i18n, "staff.outbox.refresh", "staff-outbox-refresh", vm::refresh);
        Button close = Controls.button(i18n, "staff.outbox.back", "staff-outbox-back", back);
        HBox buttons = new HBox(refresh, close);
        buttons.getStyleClass().add("button-row");
        getChildren().addAll(title, scroll, buttons);
    }

    private static HBox row(Outbox.QueueItem item, StaffOutboxViewModel vm, I18n i18n) {
        var m = i18n.messages();
        String state = switch (item.state()) {
            case WAITING -> m.get("staff.outbox.queued", item.attempts());
            case SENT -> m.get("staff.outbox.sent", item.dossierCode());
            case REFUSED -> m.get("staff.outbox.parked");
        };
        String why = item.state() == Outbox.Status.REFUSED ? item.parkedReason()
                : item.state() == Outbox.Status.WAITING && item.lastError() != null ? item.lastError() : null;
        Label head = new Label(item.localRef() + "  ·  " + item.procedureId() + "  ·  " + WHEN.format(item.createdAt()) + "  ·  "
                + m.get("staff.outbox.documents", item.documents(), String.format("%.1f", item.bytes() / 1e6)));
        head.getStyleClass().add("section-title");
        Label status = new Label(state + (why == null ? "" : "\n" + why));
        status.setId("outbox-status-" + item.localRef());
        status.setWrapText(true);
        status.getStyleClass().addAll("outbox-state", item.state().name().toLowerCase(java.util.Locale.ROOT));
        VBox text = new VBox(head, status);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(text);
        row.getStyleClass().add("outbox-row");
        row.setAlignment(Pos.CENTER_LEFT);
        if (item.state() == Outbox.Status.REFUSED) {
            Button again = Controls.button(i18n, "staff.outbox.resend", "outbox-resend-" + item.localRef(), () -> vm.resend(item.localRef()));
            again.setMinWidth(USE_PREF_SIZE); // the reason wraps; the button keeps its words
            Button discard = Controls.button(i18n, "staff.outbox.discard", "outbox-discard-" + item.localRef(),
                    () -> vm.askDiscard(item.localRef()));
            discard.setMinWidth(USE_PREF_SIZE);
            row.getChildren().addAll(again, discard);
        }
        return row;
    }

    /** The reasons as toggles, and a confirmation that stays disabled until one is chosen. */
    private static VBox discardQuestion(String localRef, StaffOutboxViewModel vm, I18n i18n) {
        var m = i18n.messages();
        Label title = new Label(m.get("staff.outbox.discard.title", localRef));
        title.getStyleClass().add("section-title");
        Label explain = new Label(m.get("staff.outbox.discard.explain"));
        explain.setWrapText(true);
        ToggleGroup group = new ToggleGroup();
        FlowPane reasons = new FlowPane();
        reasons.getStyleClass().add("choice-row");
        for (DiscardReason r : DiscardReason.STAFF_CHOICES) {
            ToggleButton b = new ToggleButton(m.get("staff.outbox.discard.reason." + r.name()));
            b.setId("discard-reason-" + r.name());
            b.getStyleClass().add("choice");
            b.setToggleGroup(group);
            b.setSelected(r == vm.reasonProperty().get());
            reasons.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, was, is) -> vm.chooseReason(
                is == null ? null : DiscardReason.valueOf(((ToggleButton) is).getId().substring("discard-reason-".length()))));
        Button confirm = Controls.button(i18n, "staff.outbox.discard.confirm", "outbox-discard-confirm", vm::confirmDiscard);
        confirm.disableProperty().bind(vm.reasonProperty().isNull());
        Button cancel = Controls.button(i18n, "staff.outbox.discard.cancel", "outbox-discard-cancel", vm::cancelDiscard);
        HBox buttons = new HBox(cancel, confirm);
        buttons.getStyleClass().add("button-row");
        VBox box = new VBox(title, explain, reasons, buttons);
        box.setId("outbox-discard-question");
        box.getStyleClass().add("outbox-discard");
        return box;
    }
}
