// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import vn.motcua.kiosk.figures.Figures;
import vn.motcua.kiosk.figures.Period;
import vn.motcua.kiosk.form.Label;

/** "Số liệu": the counter's figures for today, this week or this month, counted off the UI thread. */
public final class StaffFiguresViewModel {
    private final Figures figures;
    private final Function<String, Label> procedureNames;
    private final Executor background;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.TODAY);
    /** The figures of the chosen period; null while they are counted. */
    private final ObjectProperty<Figures.Tally> tally = new SimpleObjectProperty<>();

    /** @param procedureNames a procedure's name from its id (its id itself when the catalogue no longer has it) */
    public StaffFiguresViewModel(Figures figures, Function<String, Label> procedureNames, Executor background) {
        this.figures = figures;
        this.procedureNames = procedureNames;
        this.background = background;
    }

    public Label procedureName(String id) {
        return procedureNames.apply(id);
    }

    public ReadOnlyObjectProperty<Period> periodProperty() {
        return period;
    }

    public ReadOnlyObjectProperty<Figures.Tally> tallyProperty() {
        return tally;
    }

    public void show(Period chosen) {
        period.set(chosen);
        refresh();
    }

    public void refresh() {
        Period asked = period.get();
        tally.set(null);
        Task<Figures.Tally> count = new Task<>() {
            @Override
            protected Figures.Tally call() {
                return figures.of(asked);
            }
        };
        count.setOnSucceeded(e -> {
            if (period.get() == asked) {
                tally.set(count.getValue());
            }
        });
        background.execute(count);
    }
}
