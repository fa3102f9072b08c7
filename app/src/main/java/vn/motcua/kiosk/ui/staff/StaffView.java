package vn.motcua.kiosk.ui.staff;

import java.util.Random;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;
import vn.motcua.kiosk.ui.common.PinPad;

/** The staff PIN pad (touch, or digits on a keyboard) and, once accepted, the staff menu. */
public final class StaffView extends StackPane {

    public StaffView(StaffViewModel vm, I18n i18n) {
        setId("staff");
        getStyleClass().add("overlay");
        visibleProperty().bind(vm.phaseProperty().isNotEqualTo(StaffViewModel.Phase.HIDDEN));

        VBox pin = pinPad(vm, i18n);
        pin.visibleProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.PIN)
                .or(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.CHECKING)));
        VBox menu = menu(vm, i18n);
        menu.visibleProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.MENU));
        getChildren().addAll(pin, menu);
        if (vm.outbox() != null) {
            StaffOutboxView outbox = new StaffOutboxView(vm.outbox(), i18n, vm::backToMenu);
            outbox.visibleProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.OUTBOX));
            getChildren().add(outbox);
        }
        if (vm.figures() != null) {
            StaffFiguresView figures = new StaffFiguresView(vm.figures(), i18n, vm::backToMenu);
            figures.visibleProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.FIGURES));
            getChildren().add(figures);
        }
        if (vm.health() != null) {
            StaffHealthView health = new StaffHealthView(vm.health(), i18n, vm::backToMenu);
            health.visibleProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.HEALTH));
            getChildren().add(health);
        }
        if (vm.volunteers() != null) {
            StaffVolunteersView volunteers = new StaffVolunteersView(vm.volunteers(), i18n, vm::backToMenu);
            volunteers.visibleProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.VOLUNTEERS));
            getChildren().add(volunteers);
        }
        if (vm.offersAfresh()) {
            VBox afresh = afresh(vm, i18n);
            afresh.visibleProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.AFRESH));
            getChildren().add(afresh);
        }
        if (vm.reprints() != null) {
            StaffReprintView reprint = new StaffReprintView(vm.reprints(), i18n, vm::backToMenu);
            reprint.visibleProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.REPRINT));
            getChildren().add(reprint);
        }

        setOnKeyPressed(e -> PinPad.handleKeys(e, vm.pin(), vm::submit, vm::cancel));
        visibleProperty().addListener((obs, was, is) -> {
            if (is) {
                requestFocus();
            }
        });
    }

    private static VBox pinPad(StaffViewModel vm, I18n i18n) {
        Label title = new Label();
        title.setId("staff-pin-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> i18n.messages().get(vm.titleKeyProperty().get()),
                vm.titleKeyProperty(), i18n.messagesProperty()));
        title.getStyleClass().add("screen-title");
        Label prompt = new Label();
        prompt.textProperty().bind(i18n.text("staff.pin.prompt"));
        Label mask = new Label();
        mask.setId("staff-pin-mask");
        mask.textProperty().bind(vm.pin().maskProperty());
        mask.getStyleClass().add("pin-mask");
        Label feedback = new Label();
        feedback.setId("staff-pin-feedback");
        feedback.getStyleClass().add("error-text");
        feedback.textProperty().bind(Bindings.createStringBinding(() -> {
            StaffViewModel.Feedback f = vm.feedbackProperty().get();
            return f == null ? "" : i18n.messages().get(f.key(), f.arg());
        }, vm.feedbackProperty(), i18n.messagesProperty()));

        PinPad keys = new PinPad(vm.pin(), i18n, "staff-", false, new Random());

        Button cancel = new Button();
        cancel.setId("staff-pin-cancel");
        cancel.textProperty().bind(i18n.text("staff.pin.cancel"));
        cancel.setOnAction(e -> vm.cancel());
        Button ok = new Button();
        ok.setId("staff-pin-ok");
        ok.textProperty().bind(i18n.text("staff.pin.ok"));
        ok.getStyleClass().add("primary");
        ok.disableProperty().bind(vm.phaseProperty().isEqualTo(StaffViewModel.Phase.CHECKING));
        ok.setOnAction(e -> vm.submit());
        HBox buttons = new HBox(cancel, ok);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER);

        VBox card = new VBox(title, prompt, mask, keys, feedback, buttons);
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        return card;
    }

    private static VBox menu(StaffViewModel vm, I18n i18n) {
        Label title = new Label();
        title.setId("staff-menu-title");
        // Who opened the menu, by name, when they have their own PIN: their actions are recorded so.
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.signedInProperty().get() == null
                        ? i18n.messages().get("staff.menu.title")
                        : i18n.messages().get("staff.menu.titleNamed", vm.signedInProperty().get()),
                vm.signedInProperty(), i18n.messagesProperty()));
        title.getStyleClass().add("screen-title");
        Button screen = new Button();
        screen.setId("staff-fullscreen");
        // The label follows the window's state each time the menu opens.
        screen.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.messages().get(vm.fullScreen() ? "staff.menu.leaveFullScreen" : "staff.menu.enterFullScreen"),
                vm.phaseProperty(), i18n.messagesProperty()));
        screen.setOnAction(e -> vm.toggleFullScreen());
        Button quit = new Button();
        quit.setId("staff-quit");
        quit.textProperty().bind(i18n.text("staff.menu.quit"));
        quit.getStyleClass().add("danger");
        quit.setOnAction(e -> vm.quit());
        Button outbox = new Button();
        outbox.setId("staff-outbox-open");
        outbox.textProperty().bind(i18n.text("staff.menu.outbox"));
        outbox.setOnAction(e -> vm.openOutbox());
        outbox.setVisible(vm.outbox() != null);
        outbox.setManaged(vm.outbox() != null);
        Button figures = Controls.button(i18n, "staff.menu.figures", "staff-figures-open", vm::openFigures);
        figures.setVisible(vm.figures() != null);
        figures.setManaged(vm.figures() != null);
        Button reprint = new Button();
        reprint.setId("staff-reprint-open");
        reprint.textProperty().bind(i18n.text("staff.menu.reprint"));
        reprint.setOnAction(e -> vm.openReprints());
        reprint.setVisible(vm.reprints() != null);
        reprint.setManaged(vm.reprints() != null);
        Label printer = new Label();
        printer.setId("staff-printer-trouble");
        printer.setWrapText(true);
        printer.setMaxWidth(560);
        printer.getStyleClass().add("error-text");
        printer.textProperty().bind(Bindings.createStringBinding(() -> vm.printerTroubleProperty().get() == null ? ""
                : i18n.messages().get("staff.menu.printerTrouble", vm.printerTroubleProperty().get().describe(i18n.messages())),
                vm.printerTroubleProperty(), i18n.messagesProperty()));
        printer.visibleProperty().bind(vm.printerTroubleProperty().isNotNull());
        printer.managedProperty().bind(printer.visibleProperty());
        Label result = new Label();
        result.setId("staff-result-trouble");
        result.setWrapText(true);
        result.setMaxWidth(560);
        result.getStyleClass().add("error-text");
        result.textProperty().bind(Bindings.createStringBinding(() -> vm.resultTroubleProperty().get() == null ? ""
                : i18n.messages().get("staff.menu.resultTrouble", i18n.messages().get("result.problem." + vm.resultTroubleProperty().get().name())),
                vm.resultTroubleProperty(), i18n.messagesProperty()));
        result.visibleProperty().bind(vm.resultTroubleProperty().isNotNull());
        result.managedProperty().bind(result.visibleProperty());
        Button afresh = new Button();
        afresh.setId("staff-afresh-open");
        afresh.textProperty().bind(i18n.text("staff.menu.afresh"));
        afresh.setOnAction(e -> vm.openAfresh());
        afresh.setVisible(vm.offersAfresh());
        afresh.setManaged(vm.offersAfresh());
        Button close = new Button();
        close.setId("staff-close");
        close.textProperty().bind(i18n.text("staff.menu.close"));
        close.setOnAction(e -> vm.closeMenu());
        Button volunteers = Controls.button(i18n, "staff.menu.volunteers", "staff-volunteers-open", vm::openVolunteers);
        volunteers.setVisible(vm.volunteers() != null);
        volunteers.setManaged(vm.volunteers() != null);
        // Two columns: the menu grows with the counter's work and must still fit a 768-pixel screen.
        Button helping = Controls.button(i18n, "staff.menu.helpCitizens", "staff-help-citizens", vm::helpCitizens);
        helping.setVisible(vm.offersHelping());
        helping.setManaged(vm.offersHelping());
        Button health = Controls.button(i18n, "staff.menu.health", "staff-health-open", vm::openHealth);
        health.setVisible(vm.health() != null);
        health.setManaged(vm.health() != null);
        Button training = new Button();
        training.setId("staff-training-switch");
        training.textProperty().bind(Bindings.createStringBinding(() -> vm.trainingSwitch() == null ? ""
                : i18n.messages().get(vm.trainingSwitch().on() ? "staff.menu.trainingOff" : "staff.menu.trainingOn"),
                vm.phaseProperty(), i18n.messagesProperty()));
        training.setOnAction(e -> vm.switchTraining());
        training.setVisible(vm.trainingSwitch() != null);
        training.setManaged(vm.trainingSwitch() != null);
        TilePane actions = new TilePane(outbox, reprint, figures, health, volunteers, helping, training, afresh, screen, quit, close);
        actions.setPrefColumns(2);
        actions.getStyleClass().add("menu-actions");
        actions.setAlignment(Pos.CENTER);
        for (var b : actions.getChildren()) {
            ((Button) b).setMaxWidth(Double.MAX_VALUE);
        }
        VBox card = new VBox(title, printer, result, actions);
        if (vm.fees() != null) {
            card.getChildren().add(1, feesToday(vm.fees(), i18n));
        }
        if (vm.health() != null) {
            card.getChildren().add(1, healthBanner(vm.health(), i18n));
        }
        card.getStyleClass().addAll("card", "menu");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        return card;
    }

    /** "Thiết bị có sự cố: …": each device the last check found unwell, until a check finds it well. */
    private static Label healthBanner(StaffHealthViewModel health, I18n i18n) {
        Label banner = new Label();
        banner.setId("staff-health-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(560);
        banner.getStyleClass().addAll("error-text", "health-banner");
        banner.textProperty().bind(Bindings.createStringBinding(() -> {
            var report = health.reportProperty().get();
            if (report == null || report.problems().isEmpty()) {
                return "";
            }
            return i18n.messages().get("staff.health.banner", String.join("; ", report.problems().stream()
                    .map(p -> i18n.messages().get("staff.health.device." + p.device().name()) + ": " + p.detail()).toList()));
        }, health.reportProperty(), i18n.messagesProperty()));
        banner.visibleProperty().bind(banner.textProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** "Lệ phí đã nhận hôm nay: 3 lần, 600.000 đ — mới nhất 200.000 đ lúc 10:42": nothing about who paid. */
    private static Label feesToday(FeeArrivalsViewModel fees, I18n i18n) {
        Label line = new Label();
        line.setId("staff-fees-today");
        line.setWrapText(true);
        line.setMaxWidth(560);
        java.time.format.DateTimeFormatter hhmm = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        line.textProperty().bind(Bindings.createStringBinding(() -> {
            var today = fees.todayProperty().get();
            if (today.isEmpty()) {
                return i18n.messages().get("staff.menu.feesNone");
            }
            long sum = today.stream().mapToLong(vn.motcua.kiosk.payment.FeeArrivals.Arrival::amount).sum();
            var last = today.get(0);
            return i18n.messages().get("staff.menu.fees", today.size(), vn.motcua.kiosk.ui.fee.FeeView.vnd(sum),
                    vn.motcua.kiosk.ui.fee.FeeView.vnd(last.amount()), hhmm.format(last.at()));
        }, fees.todayProperty(), i18n.messagesProperty()));
        return line;
    }

    /** "Bắt đầu tập huấn lại": what will go, one confirmation, then what went (or why not). */
    private static VBox afresh(StaffViewModel vm, I18n i18n) {
        Label title = new Label();
        title.textProperty().bind(i18n.text("staff.afresh.title"));
        title.getStyleClass().add("screen-title");
        Label text = new Label();
        text.setId("staff-afresh-text");
        text.setWrapText(true);
        text.setMaxWidth(560);
        text.textProperty().bind(Bindings.createStringBinding(() -> {
            var counts = vm.afreshCountsProperty().get();
            return switch (vm.afreshProperty().get()) {
                case COUNTING -> i18n.messages().get("staff.afresh.counting");
                case ASK -> i18n.messages().get("staff.afresh.ask", counts.outbox(), counts.receipts(), counts.drafts());
                case ERASING -> i18n.messages().get("staff.afresh.erasing");
                case DONE -> i18n.messages().get("staff.afresh.done", counts.outbox(), counts.receipts(), counts.drafts());
                case FAILED -> i18n.messages().get("staff.afresh.failed");
            };
        }, vm.afreshProperty(), vm.afreshCountsProperty(), i18n.messagesProperty()));
        Button confirm = new Button();
        confirm.setId("staff-afresh-confirm");
        confirm.textProperty().bind(i18n.text("staff.afresh.confirm"));
        confirm.getStyleClass().add("danger");
        confirm.visibleProperty().bind(vm.afreshProperty().isEqualTo(StaffViewModel.Afresh.ASK));
        confirm.managedProperty().bind(confirm.visibleProperty());
        confirm.setOnAction(e -> vm.confirmAfresh());
        Button back = new Button();
        back.setId("staff-afresh-back");
        back.textProperty().bind(i18n.text("staff.afresh.back"));
        back.disableProperty().bind(vm.afreshProperty().isEqualTo(StaffViewModel.Afresh.ERASING));
        back.setOnAction(e -> vm.backToMenu());
        HBox buttons = new HBox(back, confirm);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER);
        VBox card = new VBox(title, text, buttons);
        card.getStyleClass().add("card");
        card.setAlignment(Pos.CENTER);
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        return card;
    }
}
