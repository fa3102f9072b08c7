// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import vn.motcua.kiosk.figures.Figures;
import vn.motcua.kiosk.session.Step;
import vn.motcua.kiosk.ui.I18n;

/**
 * Where citizens gave up, step by step along the path: a chart reads as a funnel at a glance where
 * a table of nine rows does not. Every step has its bar (zero too), in the path's order.
 */
final class AbandonedChart extends BarChart<String, Number> {
    private final I18n i18n;

    AbandonedChart(I18n i18n) {
        super(new CategoryAxis(), new NumberAxis(0, 1, 1));
        this.i18n = i18n;
        setId("staff-figures-chart");
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(6);
        setPrefSize(380, 360);
        setMinWidth(300);
        titleProperty().bind(i18n.text("staff.figures.chart"));
        NumberAxis counts = (NumberAxis) getYAxis();
        counts.setMinorTickVisible(false);
    }

    void show(Figures.Tally t) {
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        int most = 0;
        for (Step step : Step.values()) {
            int n = t == null ? 0 : t.abandonedAt().getOrDefault(step.name(), 0);
            most = Math.max(most, n);
            bars.getData().add(new XYChart.Data<>((step.ordinal() + 1) + ". " + i18n.messages().get("step." + step.name()), n));
        }
        NumberAxis counts = (NumberAxis) getYAxis();
        counts.setUpperBound(Math.max(1, most));
        counts.setTickUnit(Math.max(1, Math.ceil(most / 5.0))); // whole sessions only
        getData().setAll(java.util.List.of(bars));
    }
}
