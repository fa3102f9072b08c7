package vn.motcua.kiosk.ui.form;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.form.Choice;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.FieldType;
import vn.motcua.kiosk.form.Label;
import vn.motcua.kiosk.ui.I18n;

/**
 * Single choice, multiple choice and yes/no as big toggle buttons: short options side by side,
 * long ones (a sentence each, like the two certificate types) one under the other.
 */
final class ChoiceInputs {
    /** Options longer than this go one per line. */
    private static final int SHORT = 28;

    private ChoiceInputs() {}

    static Node build(FormViewModel vm, I18n i18n, Field f, String path) {
        List<Choice> choices = f.type() == FieldType.yesNo ? yesNo() : f.choiceList();
        boolean multi = f.type() == FieldType.multiChoice;
        boolean longOptions = choices.stream().anyMatch(c -> c.label().vi().length() > SHORT);
        Pane pane = longOptions ? new VBox() : new FlowPane();
        pane.getStyleClass().add(longOptions ? "choice-list" : "choice-row");
        ToggleGroup group = multi ? null : new ToggleGroup();
        List<ToggleButton> buttons = new ArrayList<>();
        for (Choice c : choices) {
            ToggleButton b = new ToggleButton();
            b.setId("field-" + FieldViews.id(path) + "-" + FieldViews.id(c.value()));
            b.textProperty().bind(Bindings.createStringBinding(() -> c.label().in(vm.language().getValue()),
                    vm.language()));
            b.setWrapText(true);
            b.getStyleClass().add("choice");
            if (longOptions) {
                b.setMaxWidth(Double.MAX_VALUE);
            }
            b.setToggleGroup(group);
            b.setSelected(multi ? List.of(vm.value(path).split(",")).contains(c.value())
                    : c.value().equals(vm.value(path)));
            b.setOnAction(e -> {
                if (multi) {
                    List<String> chosen = new ArrayList<>();
                    for (int i = 0; i < choices.size(); i++) {
                        if (buttons.get(i).isSelected()) {
                            chosen.add(choices.get(i).value());
                        }
                    }
                    vm.set(path, String.join(",", chosen));
                } else {
                    // Tapping the chosen option again keeps it: an answer is changed, not withdrawn.
                    b.setSelected(true);
                    vm.set(path, c.value());
                }
                vm.leave(path);
            });
            buttons.add(b);
            pane.getChildren().add(b);
        }
        if (!buttons.isEmpty()) {
            buttons.get(0).getProperties().put(FieldViews.PATH, path);
        }
        return pane;
    }

    private static List<Choice> yesNo() {
        return List.of(new Choice("true", words("form.yes")), new Choice("false", words("form.no")));
    }

    /** Yes and No in both languages, like a catalogue label, so they follow the same switch. */
    private static Label words(String key) {
        return Label.of(vn.motcua.kiosk.i18n.Messages.of(java.util.Locale.forLanguageTag("vi")).get(key),
                vn.motcua.kiosk.i18n.Messages.of(java.util.Locale.ENGLISH).get(key));
    }
}
