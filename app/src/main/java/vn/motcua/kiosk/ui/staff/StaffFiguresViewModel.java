// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.staff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.concurrent.Task;
import vn.motcua.kiosk.figures.Figures;
import vn.motcua.kiosk.figures.Timeliness;
import vn.motcua.kiosk.figures.FiguresCsv;
import vn.motcua.kiosk.figures.Period;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.usb.RemovableMedia;

/** "Số liệu": the counter's figures for today, this week or this month, counted off the UI thread. */
public final class StaffFiguresViewModel {
    private final Figures figures;
    private final Function<String, Label> procedureNames;
    private final Executor background;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.TODAY);
    /** The figures of the chosen period; null while they are counted. */
    private final ObjectProperty<Figures.Tally> tally = new SimpleObjectProperty<>();
    private final Timeliness timeliness;
    /** On time or late for the chosen period; null while the portal is asked, or where there is none. */
    private final ObjectProperty<Timeliness.Counts> onTime = new SimpleObjectProperty<>();
    private final RemovableMedia media;
    private final String kioskId;
    /** How the last export went, as a message key and its argument; null before any. */
    private final ObjectProperty<Feedback> exported = new SimpleObjectProperty<>();

    /** A message key and its argument, for the view to put into words. */
    public record Feedback(String key, String arg) {}

    public StaffFiguresViewModel(Figures figures, Function<String, Label> procedureNames, RemovableMedia media,
            String kioskId, Executor background) {
        this(figures, null, procedureNames, media, kioskId, background);
    }

    /**
     * @param timeliness     on time or late from the portal's tracking, or null where there is no portal
     * @param procedureNames a procedure's name from its id (its id itself when the catalogue no longer has it)
     */
    public StaffFiguresViewModel(Figures figures, Timeliness timeliness, Function<String, Label> procedureNames,
            RemovableMedia media, String kioskId, Executor background) {
        this.timeliness = timeliness;
        this.media = media;
        this.kioskId = kioskId;
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

    public ReadOnlyObjectProperty<Timeliness.Counts> timelinessProperty() {
        return onTime;
    }

    /** Whether the figures ask the portal for on time / late. */
    public boolean tracksTimeliness() {
        return timeliness != null;
    }

    public ReadOnlyObjectProperty<Feedback> exportedProperty() {
        return exported;
    }

    /**
     * "Xuất CSV": the chosen period's figures written to the first USB stick found (never anywhere
     * else), off the UI thread. {@code label} gives each row's label in the screen's language.
     */
    public void exportCsv(Function<String, String> label) {
        Figures.Tally shown = tally.get();
        Timeliness.Counts timelinessShown = onTime.get();
        Period asked = period.get();
        if (shown == null) {
            return;
        }
        exported.set(new Feedback("staff.figures.export.writing", null));
        Task<String> write = new Task<>() {
            @Override
            protected String call() throws IOException {
                Path stick = media.writableStick();
                if (stick == null) {
                    return null;
                }
                LocalDate from = figures.firstDay(asked);
                LocalDate to = figures.today();
                String name = "so-lieu-" + kioskId.replaceAll("[^A-Za-z0-9-]", "_") + "-" + asked.name().toLowerCase(Locale.ROOT)
                        .replace('_', '-') + "-" + to + ".csv";
                Files.writeString(stick.resolve(name), FiguresCsv.of(kioskId, asked, from, to, shown, timelinessShown, label),
                        StandardCharsets.UTF_8);
                return name;
            }
        };
        write.setOnSucceeded(e -> exported.set(write.getValue() == null
                ? new Feedback("staff.figures.export.noStick", null)
                : new Feedback("staff.figures.export.done", write.getValue())));
        write.setOnFailed(e -> exported.set(new Feedback("staff.figures.export.failed", null)));
        background.execute(write);
    }

    public void show(Period chosen) {
        exported.set(null);
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
        onTime.set(null);
        if (timeliness != null) {
            // After the log's figures, which never wait for the network.
            Task<Timeliness.Counts> ask = new Task<>() {
                @Override
                protected Timeliness.Counts call() {
                    return timeliness.of(asked);
                }
            };
            ask.setOnSucceeded(e -> {
                if (period.get() == asked) {
                    onTime.set(ask.getValue());
                }
            });
            background.execute(ask);
        }
    }
}
