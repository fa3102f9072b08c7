package vn.motcua.kiosk.ui.form;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.form.Field;
import vn.motcua.kiosk.form.FieldError;
import vn.motcua.kiosk.form.FieldType;
import vn.motcua.kiosk.ui.I18n;
import vn.motcua.kiosk.ui.keyboard.FieldKind;

/**
 * One field on screen: its label, hint, input and the message under it. The inputs of each
 * type are built by {@link DateInput}, {@link ChoiceInputs}, {@link AddressInput} and
 * {@link GroupView}; plain text-like fields here. Node ids follow the answer path with every run
 * of other characters as one dash ({@code residenceHistory[1].from} → {@code
 * field-residenceHistory-1-from}), so tests and the focus request find them.
 */
final class FieldViews {
    /** The node property that names the answer path an input edits. */
    static final String PATH = "form.path";
    /** A node to keep in sight with the input when it has the focus (the commune matches). */
    static final String REVEAL_WITH = "form.revealWith";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private FieldViews() {}

    static String id(String path) {
        return path.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    /** A field with everything around it; hidden while its {@code showIf} is false. */
    static Node build(FormViewModel vm, I18n i18n, Field f, String path) {
        return switch (f.type()) {
            case group -> GroupView.build(vm, i18n, f);
            case address -> box(vm, i18n, f, path, AddressInput.build(vm, i18n, path), false);
            case agency -> box(vm, i18n, f, path, AgencyInput.build(vm, i18n, path), true);
            case date -> box(vm, i18n, f, path,
                    DateInput.build(vm, i18n, path, f.date() != null && f.date().isMonthOnly()), true);
            case choice, yesNo, multiChoice -> box(vm, i18n, f, path, ChoiceInputs.build(vm, i18n, f, path), true);
            default -> box(vm, i18n, f, path, f.suggestionList().isEmpty() ? text(vm, f.type(), path)
                    : suggested(vm, i18n, f, path), true);
        };
    }

    /**
     * A text field with its common answers as large buttons above it ("Xin việc", "Du học"…): one
     * touch writes the answer, in Vietnamese as the form is filed; "Khác" opens the keyboard on the
     * field, which stays editable either way.
     */
    private static Node suggested(FormViewModel vm, I18n i18n, Field f, String path) {
        TextField input = text(vm, f.type(), path);
        FlowPane choices = new FlowPane();
        choices.getStyleClass().add("choice-row");
        choices.setId("suggestions-" + id(path));
        int i = 0;
        for (vn.motcua.kiosk.form.Label s : f.suggestionList()) {
            Button b = new Button();
            b.setId("suggestion-" + id(path) + "-" + i++);
            b.textProperty().bind(Bindings.createStringBinding(() -> s.in(vm.language().getValue()), vm.language()));
            b.getStyleClass().add("choice");
            b.setOnAction(e -> {
                input.setText(s.vi());
                vm.leave(path);
            });
            choices.getChildren().add(b);
        }
        Button other = new Button();
        other.setId("suggestion-" + id(path) + "-other");
        other.textProperty().bind(i18n.text("form.suggestion.other"));
        other.getStyleClass().add("choice");
        other.setOnAction(e -> {
            input.clear();
            input.requestFocus(); // the keyboard opens on it
        });
        choices.getChildren().add(other);
        return new VBox(choices, input);
    }

    private static VBox box(FormViewModel vm, I18n i18n, Field f, String path, Node input, boolean withError) {
        Label label = caption(vm, f);
        label.setId("label-" + id(path));
        label.setLabelFor(input);
        HBox head = new HBox(label);
        head.getStyleClass().add("field-head");
        if (f.isRequired()) {
            Label star = new Label("*");
            star.getStyleClass().addAll("error-text", "required-mark");
            head.getChildren().add(star);
        }
        VBox box = new VBox(head);
        if (f.hint() != null) {
            Label hint = new Label();
            hint.textProperty().bind(Bindings.createStringBinding(() -> f.hint().in(vm.language().getValue()),
                    vm.language()));
            hint.getStyleClass().add("field-hint");
            hint.setWrapText(true);
            box.getChildren().add(hint);
        }
        box.getChildren().add(input);
        if (withError) {
            box.getChildren().add(error(vm, i18n, path));
        }
        box.setId("box-" + id(path));
        box.getStyleClass().add("form-field");
        box.visibleProperty().bind(vm.shownProperty(path));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    static Label caption(FormViewModel vm, Field f) {
        Label label = new Label();
        label.textProperty().bind(Bindings.createStringBinding(() -> f.label().in(vm.language().getValue()),
                vm.language()));
        label.getStyleClass().add("field-label");
        label.setWrapText(true);
        return label;
    }

    /** A caption from the kiosk's own words (day, month, province…). */
    static Label words(I18n i18n, String key) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.getStyleClass().add("field-part");
        return l;
    }

    /** The message under a field (or an address part), in the kiosk's language; takes no room when empty. */
    static Label error(FormViewModel vm, I18n i18n, String path) {
        Label l = new Label();
        l.setId("error-" + id(path));
        l.getStyleClass().addAll("error-text", "field-error");
        l.setWrapText(true);
        l.textProperty().bind(message(vm, i18n, vm.errorProperty(path)));
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    static StringBinding message(FormViewModel vm, I18n i18n, ReadOnlyObjectProperty<FieldError> error) {
        return Bindings.createStringBinding(() -> {
            vm.language().getValue(); // read, so the next switch invalidates this again
            FieldError e = error.get();
            return e == null ? "" : i18n.messages().get(e.messageKey(), e.args().toArray());
        }, error, vm.language());
    }

    /** Text, names, numbers, ID numbers, phones, e-mails: one line with the right keyboard. */
    static TextField text(FormViewModel vm, FieldType type, String path) {
        TextField t = new TextField(vm.value(path));
        t.setId("field-" + id(path));
        t.getProperties().put(PATH, path);
        t.getStyleClass().addAll("form-input", "input-" + type.name());
        FieldKind.set(t, switch (type) {
            case number, idNumber, phone -> FieldKind.NUMERIC;
            case email -> FieldKind.PLAIN;
            default -> FieldKind.TEXT;
        });
        if (type == FieldType.upperName) {
            // Capitals as the citizen types, so they see the name as the form will print it.
            t.setTextFormatter(new TextFormatter<String>(c -> {
                c.setText(c.getText().toUpperCase(VIETNAMESE));
                return c;
            }));
        }
        // A field taken off the screen (its row removed) must not write into the moved-up rows.
        t.textProperty().addListener((obs, was, is) -> {
            if (t.getScene() != null) {
                vm.set(path, is);
            }
        });
        t.focusedProperty().addListener((obs, was, is) -> {
            if (!is && t.getScene() != null) {
                String tidy = vm.leave(path);
                if (tidy != null && !tidy.equals(t.getText())) {
                    t.setText(tidy);
                }
            }
        });
        return t;
    }
}
