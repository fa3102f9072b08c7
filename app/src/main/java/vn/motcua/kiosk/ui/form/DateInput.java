package vn.motcua.kiosk.ui.form;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.keyboard.FieldKind;

/**
 * A date as three number boxes, day / month / year, in the order Vietnamese write it: big
 * targets and the number pad instead of a small calendar. Two digits of the day move on to the
 * month, two of the month to the year. A month-only date (Form 03/2024's residence history asks
 * "từ tháng, năm") has no day box.
 */
final class DateInput {
    private DateInput() {}

    static Node build(FormViewModel vm, I18n i18n, String path, boolean monthOnly) {
        DateParts start = DateParts.of(vm.value(path));
        TextField day = part(path, "day", start.day(), "dd");
        TextField month = part(path, "month", start.month(), "mm");
        TextField year = part(path, "year", start.year(), "yyyy");
        year.getStyleClass().add("date-year");
        List<TextField> parts = monthOnly ? List.of(month, year) : List.of(day, month, year);
        for (TextField p : parts) {
            p.textProperty().addListener((obs, was, is) -> {
                if (p.getScene() != null) { // not once its row is gone
                    DateParts typed = new DateParts(day.getText(), month.getText(), year.getText());
                    vm.set(path, monthOnly ? typed.storedMonth() : typed.stored());
                }
            });
            p.focusedProperty().addListener((obs, was, is) -> {
                if (!is) {
                    // Leaving the date, not moving between its boxes: only then is it checked in full.
                    Platform.runLater(() -> {
                        if (year.getScene() != null && parts.stream().noneMatch(TextField::isFocused)) {
                            vm.leave(path);
                        }
                    });
                }
            });
        }
        advance(day, month);
        advance(month, year);
        parts.get(0).getProperties().put(FieldViews.PATH, path);
        HBox row = new HBox(column(i18n, "form.date.month", month), column(i18n, "form.date.year", year));
        if (!monthOnly) {
            row.getChildren().add(0, column(i18n, "form.date.day", day));
        }
        row.getStyleClass().add("date-input");
        row.setAlignment(Pos.BOTTOM_LEFT);
        return row;
    }

    private static TextField part(String path, String which, String text, String prompt) {
        TextField t = new TextField(text);
        t.setId("field-" + FieldViews.id(path) + "-" + which);
        t.setPromptText(prompt);
        t.getStyleClass().addAll("form-input", "date-part");
        FieldKind.set(t, FieldKind.NUMERIC);
        return t;
    }

    private static void advance(TextField from, TextField to) {
        from.textProperty().addListener((obs, was, is) -> {
            if (is.length() == 2 && was.length() < 2 && from.getCaretPosition() >= 1 && from.isFocused()) {
                to.requestFocus();
                to.selectAll();
            }
        });
    }

    private static VBox column(I18n i18n, String key, TextField field) {
        VBox box = new VBox(FieldViews.words(i18n, key), field);
        box.getStyleClass().add("date-column");
        return box;
    }
}
