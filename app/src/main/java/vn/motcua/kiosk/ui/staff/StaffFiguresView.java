// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.figures.Figures;
import vn.motcua.kiosk.figures.Timeliness;
import vn.motcua.kiosk.figures.Period;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.common.Controls;

/**
 * "Số liệu": a row per figure of the chosen period (dossiers per procedure, level, online or
 * queued, fees, pages, help, volunteers) and a chart of where sessions were abandoned.
 */
final class StaffFiguresView extends VBox {
    StaffFiguresView(StaffFiguresViewModel vm, I18n i18n, Runnable back) {
        setId("staff-figures");
        getStyleClass().addAll("card", "staff-outbox");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setPrefWidth(1000);
        Label title = Controls.label(i18n, "staff.figures.title", "screen-title");
        HBox periods = new HBox();
        periods.getStyleClass().add("button-row");
        for (Period p : Period.values()) {
            Button b = Controls.button(i18n, "staff.figures.period." + p.name(), "staff-figures-" + p.name(), () -> vm.show(p));
            periods.getChildren().add(b);
        }
        GridPane rows = new GridPane();
        rows.getStyleClass().add("figures");
        AbandonedChart chart = new AbandonedChart(i18n);
        Runnable render = () -> {
            render(rows, vm.tallyProperty().get(), i18n, id -> vm.procedureName(id).in(i18n.language().getValue()));
            if (vm.tallyProperty().get() != null && vm.tracksTimeliness()) {
                timeliness(rows, vm.timelinessProperty().get(), i18n);
            }
            chart.show(vm.tallyProperty().get());
        };
        vm.tallyProperty().addListener((obs, was, is) -> render.run());
        vm.timelinessProperty().addListener((obs, was, is) -> render.run());
        vm.periodProperty().addListener((obs, was, is) -> highlight(periods, is));
        i18n.messagesProperty().addListener((obs, was, is) -> render.run());
        highlight(periods, vm.periodProperty().get());
        render.run();
        Button export = Controls.button(i18n, "staff.figures.export", "staff-figures-export", () -> vm.exportCsv(key -> csvLabel(
                key, i18n, vm)));
        export.disableProperty().bind(vm.tallyProperty().isNull());
        Label exported = new Label();
        exported.setId("staff-figures-exported");
        exported.setWrapText(true);
        exported.textProperty().bind(Bindings.createStringBinding(() -> vm.exportedProperty().get() == null ? ""
                        : i18n.messages().get(vm.exportedProperty().get().key(), vm.exportedProperty().get().arg()),
                vm.exportedProperty(), i18n.messagesProperty()));
        Button close = Controls.button(i18n, "staff.outbox.back", "staff-figures-back", back);
        HBox buttons = new HBox(export, close);
        buttons.getStyleClass().add("button-row");
        // The rows scroll (they grow with procedures and volunteers); the chart stays in view beside them.
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        scroll.getStyleClass().add("plain-scroll");
        HBox.setHgrow(scroll, Priority.ALWAYS);
        HBox body = new HBox(scroll, chart);
        body.getStyleClass().add("button-row");
        getChildren().addAll(title, periods, body, exported, buttons);
    }

    /** A CSV row's label in the screen's language; a procedure's name for its dossiers. */
    private static String csvLabel(String key, I18n i18n, StaffFiguresViewModel vm) {
        if (key.startsWith("filed:")) {
            return vm.procedureName(key.substring("filed:".length())).in(i18n.language().getValue());
        }
        if (key.startsWith("level:")) {
            return i18n.messages().get("catalogue.level." + key.substring("level:".length()));
        }
        if (key.startsWith("abandoned:")) {
            return i18n.messages().get("staff.figures.abandonedAt", i18n.messages().get("step." + key.substring("abandoned:".length())));
        }
        if (key.startsWith("period.")) {
            return i18n.messages().get("staff.figures." + key);
        }
        // The CSV has its own words only where the screen's would mislead out of context (units, a wait).
        String own = i18n.messages().get("staff.figures.csv." + key);
        return own.startsWith("!") ? i18n.messages().get("staff.figures." + key) : own;
    }

    private static void highlight(HBox periods, Period chosen) {
        for (var node : periods.getChildren()) {
            boolean on = node.getId().equals("staff-figures-" + chosen.name());
            node.getStyleClass().remove("chosen");
            if (on) {
                node.getStyleClass().add("chosen");
            }
        }
    }

    private static void render(GridPane rows, Figures.Tally t, I18n i18n, Function<String, String> procedureName) {
        rows.getChildren().clear();
        if (t == null) {
            rows.add(new Label(i18n.messages().get("staff.figures.counting")), 0, 0);
            return;
        }
        int r = 0;
        r = row(rows, r, i18n.messages().get("staff.figures.sessionsStarted"), "sessionsStarted", t.sessionsStarted());
        r = row(rows, r, i18n.messages().get("staff.figures.sessionsFinished"), "sessionsFinished", t.sessionsFinished());
        r = row(rows, r, i18n.messages().get("staff.figures.consentDeclined"), "consentDeclined", t.consentDeclined());
        r = row(rows, r, i18n.messages().get("staff.figures.timedOut"), "timedOut", t.timedOut());
        r = row(rows, r, i18n.messages().get("staff.figures.parked"), "parked", t.parked());
        r = row(rows, r, i18n.messages().get("staff.figures.dossiersFiled"), "dossiersFiled", t.dossiersFiled());
        for (Map.Entry<String, Integer> e : t.filedByProcedure().entrySet()) {
            r = row(rows, r, "   " + procedureName.apply(e.getKey()), "filed-" + e.getKey(), e.getValue());
        }
        Figures.Dossiers d = t.dossiers();
        r = row(rows, r, "   " + i18n.messages().get("staff.figures.sentAtOnce"), "sentAtOnce", d.sentAtOnce());
        r = row(rows, r, "   " + i18n.messages().get("staff.figures.queued"), "queued", d.queued());
        for (Map.Entry<String, Integer> e : d.byLevel().entrySet()) {
            r = row(rows, r, "   " + i18n.messages().get("catalogue.level." + e.getKey()), "level-" + e.getKey(), e.getValue());
        }
        r = text(rows, r, i18n.messages().get("staff.figures.paidOnline"), "paidOnline",
                i18n.messages().get("staff.figures.ofDue", d.paidOnline(), d.feesDue(), d.paidOnlinePercent()));
        r = row(rows, r, i18n.messages().get("staff.figures.pages"), "pages", d.pages());
        r = row(rows, r, i18n.messages().get("staff.figures.signed"), "signed", d.signed());
        r = row(rows, r, i18n.messages().get("staff.figures.abandoned"), "abandoned",
                t.abandonedAt().values().stream().mapToInt(Integer::intValue).sum());
        for (Map.Entry<String, Integer> e : t.abandonedAt().entrySet()) {
            r = row(rows, r, "   " + i18n.messages().get("staff.figures.atStep", i18n.messages().get("step." + e.getKey())),
                    "abandoned-" + e.getKey(), e.getValue());
        }
        r = row(rows, r, i18n.messages().get("staff.figures.helpCalls"), "helpCalls", t.helpCalls());
        r = row(rows, r, i18n.messages().get("staff.figures.helpAnswered", t.helpWaitSeconds()), "helpAnswered",
                t.helpAnswered());
        r = row(rows, r, i18n.messages().get("staff.figures.staffActions"), "staffActions", t.staffActions());
        r = text(rows, r, i18n.messages().get("staff.figures.fileAverage"), "fileAverage",
                minutes(t.fileSeconds().average(), i18n));
        r = text(rows, r, i18n.messages().get("staff.figures.fileP90"), "fileP90", minutes(t.fileSeconds().p90(), i18n));
        r = row(rows, r, i18n.messages().get("staff.figures.sessionsHelped"), "sessionsHelped", t.sessionsHelped());
        for (Map.Entry<String, Integer> e : t.helpedBy().entrySet()) {
            r = row(rows, r, "   " + e.getKey(), "helpedBy-" + e.getKey(), e.getValue());
        }
    }

    /** "Theo dõi trên Cổng DVC": this kiosk's sent dossiers on time, late, in progress; or that the portal is asked. */
    private static void timeliness(GridPane rows, Timeliness.Counts c, I18n i18n) {
        int r = rows.getRowCount();
        var m = i18n.messages();
        if (c == null) {
            text(rows, r, m.get("staff.figures.tracking"), "tracking", m.get("staff.figures.tracking.asking"));
            return;
        }
        r = text(rows, r, m.get("staff.figures.tracking"), "tracking", "");
        r = row(rows, r, "   " + m.get("staff.figures.onTime"), "onTime", c.onTime());
        r = row(rows, r, "   " + m.get("staff.figures.late"), "late", c.late());
        r = row(rows, r, "   " + m.get("staff.figures.inProgress"), "inProgress", c.inProgress());
        if (c.notFound() > 0) {
            r = row(rows, r, "   " + m.get("staff.figures.notFound"), "notFound", c.notFound());
        }
        if (c.notAsked() > 0) {
            row(rows, r, "   " + m.get("staff.figures.notAsked"), "notAsked", c.notAsked());
        }
    }

    /** Minutes with one decimal, in the screen's language ("3,5 phút"). */
    private static String minutes(long seconds, I18n i18n) {
        java.util.Locale locale = i18n.messages().locale();
        return i18n.messages().get("staff.figures.minutes", String.format(locale, "%.1f", seconds / 60.0));
    }

    private static int row(GridPane rows, int r, String what, String id, long value) {
        return text(rows, r, what, id, String.valueOf(value));
    }

    private static int text(GridPane rows, int r, String what, String id, String value) {
        Label name = new Label(what);
        name.setWrapText(true);
        Label count = new Label(value);
        count.setId("figure-" + id);
        count.getStyleClass().add("section-title");
        rows.add(name, 0, r);
        rows.add(count, 1, r);
        return r + 1;
    }
}
