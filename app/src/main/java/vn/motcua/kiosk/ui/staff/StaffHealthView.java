// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.health.DeviceHealth;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/** "Tình trạng thiết bị": a row per device (well or not, in words), the last print and scan, and the tests. */
final class StaffHealthView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    StaffHealthView(StaffHealthViewModel vm, I18n i18n, Runnable back) {
        setId("staff-health");
        getStyleClass().addAll("card", "staff-outbox");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setPrefWidth(900);
        Label title = Controls.label(i18n, "staff.health.title", "screen-title");
        GridPane rows = new GridPane();
        rows.getStyleClass().add("figures");
        Runnable render = () -> render(rows, vm.reportProperty().get(), i18n);
        vm.reportProperty().addListener((obs, was, is) -> render.run());
        i18n.messagesProperty().addListener((obs, was, is) -> render.run());
        render.run();
        Label feedback = new Label();
        feedback.setId("staff-health-feedback");
        feedback.setWrapText(true);
        feedback.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.busyProperty().get()) {
                return i18n.messages().get("staff.health.busy");
            }
            StaffViewModel.Feedback f = vm.feedbackProperty().get();
            return f == null ? "" : i18n.messages().get(f.key(), f.arg());
        }, vm.busyProperty(), vm.feedbackProperty(), i18n.messagesProperty()));
        Button print = Controls.button(i18n, "staff.health.testPrint", "staff-health-print", vm::testPrint);
        Button scan = Controls.button(i18n, "staff.health.testScan", "staff-health-scan", vm::testScan);
        Button again = Controls.button(i18n, "staff.health.check", "staff-health-check", vm::check);
        for (Button b : new Button[] {print, scan, again}) {
            b.disableProperty().bind(vm.busyProperty());
        }
        Button close = Controls.button(i18n, "staff.outbox.back", "staff-health-back", back);
        HBox buttons = new HBox(print, scan, again, close);
        buttons.getStyleClass().add("button-row");
        getChildren().addAll(title, rows, feedback, buttons);
    }

    private static void render(GridPane rows, DeviceHealth.Report report, I18n i18n) {
        rows.getChildren().clear();
        var m = i18n.messages();
        if (report == null) {
            rows.add(new Label(m.get("staff.health.checking")), 0, 0);
            return;
        }
        int r = 0;
        for (DeviceHealth.Item item : report.items()) {
            Label name = new Label(m.get("staff.health.device." + item.device().name()));
            name.getStyleClass().add("section-title");
            Label state = new Label(m.get(item.ok() ? "staff.health.ok" : "staff.health.problem"));
            state.setId("health-state-" + item.device().name());
            state.getStyleClass().add(item.ok() ? "health-ok" : "error-text");
            name.setMinWidth(USE_PREF_SIZE); // the detail wraps; name and state keep their words
            state.setMinWidth(USE_PREF_SIZE);
            Label detail = new Label(item.detail());
            detail.setId("health-detail-" + item.device().name());
            detail.setWrapText(true);
            detail.setMaxWidth(520);
            rows.addRow(r++, name, state, detail);
        }
        Label last = new Label(m.get("staff.health.last",
                report.lastPrint() == null ? m.get("staff.health.never") : WHEN.format(report.lastPrint()),
                report.lastScan() == null ? m.get("staff.health.never") : WHEN.format(report.lastScan())));
        last.setId("health-last");
        rows.add(last, 0, r, 3, 1);
    }
}
