// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.track;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.tracking.Tracking;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/** "Tra cứu hồ sơ": code and four phone digits, then the dossier's status, due date and history. */
public final class TrackView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private TrackView() {}

    public static Node create(TrackViewModel vm, I18n i18n, Runnable home) {
        Label title = Controls.label(i18n, "track.title", "screen-title");
        Label body = Controls.label(i18n, "track.body", null);

        Button search = Controls.button(i18n, "track.search", "track-search", vm::lookup);
        search.getStyleClass().add("primary");
        search.disableProperty().bind(vm.busyProperty());
        Button back = Controls.button(i18n, "track.home", "track-home", home);
        HBox buttons = new HBox(search, back);
        buttons.getStyleClass().add("button-row");
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label feedback = new Label();
        feedback.setId("track-feedback");
        feedback.getStyleClass().add("error-text");
        feedback.setWrapText(true);
        feedback.textProperty().bind(Bindings.createStringBinding(() -> {
            TrackViewModel.Feedback f = vm.feedbackProperty().get();
            return f == null ? "" : i18n.messages().get(f.key(), f.arg());
        }, vm.feedbackProperty(), i18n.messagesProperty()));

        VBox result = new VBox();
        result.setId("track-result");
        result.getStyleClass().add("track-result");
        Runnable render = () -> {
            result.getChildren().clear();
            Tracking.Tracked t = vm.foundProperty().get();
            if (t != null) {
                result.getChildren().setAll(details(t, i18n));
                String ref = vm.foundByReferenceProperty().get();
                if (ref != null) {
                    Label by = new Label(i18n.messages().get("track.local.sent", ref, t.code()));
                    by.setId("track-local-ref");
                    by.setWrapText(true);
                    result.getChildren().add(1, by);
                }
            }
            Tracking.Outcome.Queued q = vm.queuedProperty().get();
            if (q != null) {
                result.getChildren().setAll(queued(q, i18n));
            }
        };
        vm.foundProperty().addListener((obs, was, is) -> render.run());
        vm.queuedProperty().addListener((obs, was, is) -> render.run());
        i18n.messagesProperty().addListener((obs, was, is) -> render.run());

        VBox ask = new VBox(title, body);
        ask.getChildren().addAll(ProofFields.create(i18n, "track", vm.codeProperty(), vm.last4Property(), vm::lookup));
        ask.getChildren().addAll(buttons, feedback);
        ask.getStyleClass().add("drafts");
        ask.setMinWidth(380);
        ask.setPrefWidth(460);
        // Question on the left, answer on the right: both stay in view on a 1024×768 landscape screen.
        HBox box = new HBox(ask, result);
        box.getStyleClass().add("track");
        HBox.setHgrow(result, javafx.scene.layout.Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("plain-scroll");
        return scroll;
    }

    /** Still in this kiosk's outbox: the reference, "đang chờ gửi" (or refused, ask staff), and what happens next. */
    private static Node[] queued(Tracking.Outcome.Queued q, I18n i18n) {
        var m = i18n.messages();
        Label code = new Label(q.localRef());
        code.setId("track-found-code");
        code.getStyleClass().add("track-found-code");
        Label status = new Label(m.get(q.refused() ? "track.status.REFUSED" : "track.status.QUEUED"));
        status.setId("track-status");
        status.getStyleClass().addAll("track-status", q.refused() ? "late" : "queued");
        Label note = new Label(m.get(q.refused() ? "track.queued.refused" : "track.queued",
                WHEN.format(q.storedAt().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")))));
        note.setId("track-queued-note");
        note.setWrapText(true);
        return new Node[] {code, status, note};
    }

    private static Node[] details(Tracking.Tracked t, I18n i18n) {
        var m = i18n.messages();
        Label code = new Label(t.code());
        code.setId("track-found-code");
        code.getStyleClass().add("track-found-code");
        Label procedure = new Label(t.procedureName() == null ? "" : t.procedureName());
        procedure.setWrapText(true);
        procedure.getStyleClass().add("section-title");
        Label status = new Label(m.get("track.status." + t.status().name()));
        status.setId("track-status");
        status.getStyleClass().addAll("track-status", t.status().name().toLowerCase(java.util.Locale.ROOT));
        Label timing = new Label(m.get(t.late() ? "track.late" : "track.onTime"));
        timing.setId("track-timing");
        timing.getStyleClass().addAll("track-timing", t.late() ? "late" : "on-time");
        HBox badges = new HBox(status, timing);
        badges.getStyleClass().add("button-row");
        Label dates = new Label(m.get("track.dates", when(t.receivedAt()), when(t.dueAt()))
                + (t.doneAt() == null ? "" : "\n" + m.get("track.doneAt", when(t.doneAt()))));
        dates.setId("track-dates");
        dates.setWrapText(true);
        Label payment = new Label(t.paymentStatus() == null ? "" : m.get("track.payment." + t.paymentStatus()));
        payment.setId("track-payment");
        VBox history = new VBox();
        history.setId("track-history");
        history.getStyleClass().add("track-history");
        history.getChildren().add(Controls.label(i18n, "track.history", "section-title"));
        for (Tracking.HistoryStep h : t.history()) {
            Label line = new Label(when(h.at()) + "  —  " + m.get("track.status." + h.status().name())
                    + (h.note() == null || h.note().isBlank() ? "" : " (" + h.note() + ")"));
            line.setWrapText(true);
            history.getChildren().add(line);
        }
        Node[] out = {code, procedure, badges, dates, payment, history};
        if (t.resultAvailable()) {
            Label result = Controls.label(i18n, "track.resultReady", null);
            result.setId("track-result-ready");
            result.setWrapText(true);
            out = java.util.Arrays.copyOf(out, out.length + 1);
            out[out.length - 1] = result;
        }
        return out;
    }

    private static String when(OffsetDateTime t) {
        return t == null ? "—" : WHEN.format(t);
    }
}
