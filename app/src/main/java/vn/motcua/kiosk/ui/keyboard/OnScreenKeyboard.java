package vn.motcua.kiosk.ui.keyboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import vn.motcua.kiosk.keyboard.InputMethod;
import vn.motcua.kiosk.keyboard.Mark;
import vn.motcua.kiosk.keyboard.Tone;
import vn.motcua.kiosk.keyboard.ToneStyle;
import vn.motcua.kiosk.ui.I18n;

/**
 * The on-screen Vietnamese keyboard. Put it at the bottom of the screen's layout and
 * {@link #attachTo} the scene: it opens when a text field gets focus or is touched, with the
 * number pad for {@link FieldKind#NUMERIC} fields and not at all for {@link FieldKind#NONE}, and
 * types at the field's caret through the Vietnamese engine. Its keys never take the focus, so
 * the field keeps its caret. Styles: keyboard.css, which follows large-text and high-contrast.
 */
public final class OnScreenKeyboard extends VBox {

    /** Which set of keys is showing. */
    public enum Layout { LETTERS, SYMBOLS, NUMBERS }

    private static final String[] LETTER_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final String DIGITS = "1234567890";
    private static final String[] SYMBOL_ROWS = {"-/:;()&@\"", ".,?!'#%+=*"};
    // Diacritic-row letters and the ids tests and styles know them by (Telex spelling).
    private static final char[] VIET_LETTERS = {'ă', 'â', 'đ', 'ê', 'ô', 'ơ', 'ư'};
    private static final String[] VIET_IDS = {"aw", "aa", "dd", "ee", "oo", "ow", "uw"};
    private static final Tone[] TONES = {Tone.ACUTE, Tone.GRAVE, Tone.HOOK, Tone.TILDE, Tone.DOT};
    private static final String[] TONE_SAMPLES = {"á", "à", "ả", "ã", "ạ"};

    private final I18n i18n;
    private final ObjectProperty<InputMethod> method = new SimpleObjectProperty<>(InputMethod.TELEX);
    private final ObjectProperty<ToneStyle> style = new SimpleObjectProperty<>(ToneStyle.NEW);
    private final BooleanProperty shift = new SimpleBooleanProperty();
    private final BooleanProperty caps = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<Layout> layout = new ReadOnlyObjectWrapper<>(Layout.LETTERS);
    private final ReadOnlyObjectWrapper<TextInputControl> target = new ReadOnlyObjectWrapper<>();
    private final List<Runnable> relabel = new ArrayList<>();
    private final VBox letters;
    private final VBox symbols;
    private final VBox numbers;
    private FieldComposer composer;
    /** Opens and closes the keys as the focus moves in the scene: the controller half. */
    private final FocusFollower follower = new FocusFollower(this);

    public OnScreenKeyboard(I18n i18n) {
        this.i18n = i18n;
        setId("keyboard");
        getStyleClass().add("on-screen-keyboard");
        getStylesheets().add(OnScreenKeyboard.class.getResource("keyboard.css").toExternalForm());
        setFillWidth(true);

        letters = buildLetters();
        symbols = buildSymbols();
        numbers = buildNumbers();
        layout.addListener((obs, was, is) -> showLayout(is));
        showLayout(Layout.LETTERS);

        shift.addListener((obs, was, is) -> relabel.forEach(Runnable::run));
        caps.addListener((obs, was, is) -> relabel.forEach(Runnable::run));
        method.addListener((obs, was, is) -> {
            if (composer != null) {
                composer.setMethod(effectiveMethod(composer.field()));
            }
        });
        style.addListener((obs, was, is) -> {
            if (composer != null) {
                composer.setStyle(is);
            }
        });
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    // ---- public API ----------------------------------------------------------------------

    /** Opens for the focused or touched text field of {@code scene} from now on. */
    public OnScreenKeyboard attachTo(Scene scene) {
        follower.attach(scene);
        return this;
    }

    public void detach() {
        follower.detach();
        hide();
    }

    /** Shows the keys that suit {@code field} and types into it; a NONE field hides the keyboard. */
    public void show(TextInputControl field) {
        FieldKind kind = FieldKind.of(field);
        if (kind == FieldKind.NONE || !field.isEditable()) {
            hide();
            return;
        }
        if (composer == null || composer.field() != field) {
            dropComposer();
            composer = new FieldComposer(field, effectiveMethod(field), style.get());
            target.set(field);
            shift.set(false);
        }
        layout.set(kind == FieldKind.NUMERIC ? Layout.NUMBERS : Layout.LETTERS);
        setVisible(true);
    }

    public void hide() {
        setVisible(false);
        dropComposer();
        target.set(null);
    }

    public ObjectProperty<InputMethod> methodProperty() {
        return method;
    }

    /** Old (hòa, thủy) or new (hoà, thuỷ) tone placement, from the kiosk's settings. */
    public ObjectProperty<ToneStyle> toneStyleProperty() {
        return style;
    }

    public BooleanProperty shiftProperty() {
        return shift;
    }

    public BooleanProperty capsProperty() {
        return caps;
    }

    public ReadOnlyObjectProperty<Layout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TextInputControl> targetProperty() {
        return target.getReadOnlyProperty();
    }

    private InputMethod effectiveMethod(TextInputControl field) {
        return FieldKind.of(field) == FieldKind.TEXT ? method.get() : InputMethod.PLAIN;
    }

    private void dropComposer() {
        if (composer != null) {
            composer.detach();
            composer = null;
        }
    }

    // ---- key actions ---------------------------------------------------------------------

    private boolean upper() {
        return shift.get() ^ caps.get();
    }

    private void typeLetter(char c, boolean viet) {
        if (composer == null) {
            return;
        }
        char out = upper() ? Character.toUpperCase(c) : c;
        if (viet) {
            composer.letter(out);
        } else {
            composer.type(out);
        }
        shift.set(false); // Shift is for one letter; Caps stays.
    }

    private void typeChar(char c) {
        if (composer != null) {
            composer.type(c);
        }
    }

    private void backspace() {
        if (composer != null) {
            composer.backspace();
        }
    }

    private void enter() {
        if (composer == null) {
            return;
        }
        TextInputControl field = composer.field();
        if (field instanceof TextArea) {
            composer.insertRaw("\n");
            return;
        }
        field.fireEvent(new ActionEvent(field, field));
        TextInputControl next = follower.nextField(field);
        if (next != null) {
            next.requestFocus();
            next.end();
        } else {
            hide();
        }
    }

    // ---- building the keys ---------------------------------------------------------------

    private VBox buildLetters() {
        HBox digitRow = row();
        for (char d : DIGITS.toCharArray()) {
            digitRow.getChildren().add(key(String.valueOf(d), "key-" + d, () -> typeChar(d)));
        }
        // VNI types tones with digits, so they stay at hand in VNI mode.
        digitRow.visibleProperty().bind(method.isEqualTo(InputMethod.VNI));
        digitRow.managedProperty().bind(digitRow.visibleProperty());

        HBox vietRow = row();
        vietRow.getStyleClass().add("diacritic-row");
        for (int i = 0; i < VIET_LETTERS.length; i++) {
            char c = VIET_LETTERS[i];
            Button b = key(String.valueOf(c), "key-" + VIET_IDS[i], () -> typeLetter(c, true));
            b.getStyleClass().add("viet-key");
            relabel.add(() -> b.setText(String.valueOf(upper() ? Character.toUpperCase(c) : c)));
            vietRow.getChildren().add(b);
        }
        for (int i = 0; i < TONES.length; i++) {
            Tone t = TONES[i];
            Button b = toneKey(TONE_SAMPLES[i], "keyboard.tone." + t.name().toLowerCase(Locale.ROOT),
                    "key-tone-" + t.name().toLowerCase(Locale.ROOT), () -> {
                        if (composer != null) {
                            composer.tone(t);
                        }
                    });
            vietRow.getChildren().add(b);
        }

        HBox row1 = letterRow(LETTER_ROWS[0]);
        row1.getChildren().add(wide(key(i18n, "keyboard.backspace", "key-backspace", this::backspace), "backspace"));
        HBox row2 = letterRow(LETTER_ROWS[1]);
        row2.getChildren().add(wide(key(i18n, "keyboard.enter", "key-enter", this::enter), "enter"));
        HBox row3 = row();
        row3.getChildren().add(wide(toggle(i18n, "keyboard.shift", "key-shift", shift), "shift"));
        row3.getChildren().addAll(letterRow(LETTER_ROWS[2]).getChildren());
        row3.getChildren().add(key(",", "key-comma", () -> typeChar(',')));
        row3.getChildren().add(key(".", "key-period", () -> typeChar('.')));
        row3.getChildren().add(wide(toggle(i18n, "keyboard.caps", "key-caps", caps), "caps"));

        Button mode = key(i18n, "keyboard.method", "key-mode", () ->
                method.set(method.get() == InputMethod.TELEX ? InputMethod.VNI : InputMethod.TELEX));
        mode.textProperty().unbind();
        mode.textProperty().bind(Bindings.createStringBinding(
                () -> i18n.messages().get("keyboard.method", method.get() == InputMethod.VNI ? "VNI" : "Telex"),
                method, i18n.messagesProperty()));
        HBox bottom = bottomRow(key(i18n, "keyboard.symbols", "key-symbols", () -> layout.set(Layout.SYMBOLS)), mode);

        VBox box = new VBox(digitRow, vietRow, row1, row2, row3, bottom);
        box.getStyleClass().add("keyboard-layout");
        box.setId("keyboard-letters");
        return box;
    }

    private VBox buildSymbols() {
        HBox digitRow = row();
        for (char d : DIGITS.toCharArray()) {
            digitRow.getChildren().add(key(String.valueOf(d), "key-sym-" + d, () -> typeChar(d)));
        }
        HBox r1 = row();
        for (char c : SYMBOL_ROWS[0].toCharArray()) {
            r1.getChildren().add(key(String.valueOf(c), null, () -> typeChar(c)));
        }
        r1.getChildren().add(wide(key(i18n, "keyboard.backspace", "key-sym-backspace", this::backspace), "backspace"));
        HBox r2 = row();
        for (char c : SYMBOL_ROWS[1].toCharArray()) {
            r2.getChildren().add(key(String.valueOf(c), null, () -> typeChar(c)));
        }
        r2.getChildren().add(wide(key(i18n, "keyboard.enter", "key-sym-enter", this::enter), "enter"));
        HBox bottom = bottomRow(key(i18n, "keyboard.letters", "key-letters", () -> layout.set(Layout.LETTERS)), null);
        VBox box = new VBox(digitRow, r1, r2, bottom);
        box.getStyleClass().add("keyboard-layout");
        box.setId("keyboard-symbols");
        return box;
    }

    private VBox buildNumbers() {
        VBox box = new VBox();
        box.getStyleClass().addAll("keyboard-layout", "number-pad");
        box.setId("keyboard-numbers");
        box.setAlignment(Pos.CENTER);
        String[] rows = {"789", "456", "123"};
        for (String r : rows) {
            HBox row = row();
            for (char d : r.toCharArray()) {
                row.getChildren().add(key(String.valueOf(d), "key-num-" + d, () -> {
                    if (composer != null) {
                        composer.insertRaw(String.valueOf(d));
                    }
                }));
            }
            box.getChildren().add(row);
        }
        HBox last = row();
        last.getChildren().addAll(
                key(i18n, "keyboard.backspace", "key-num-backspace", this::backspace),
                key("0", "key-num-0", () -> {
                    if (composer != null) {
                        composer.insertRaw("0");
                    }
                }),
                wide(key(i18n, "keyboard.enter", "key-num-enter", this::enter), "enter"));
        HBox hideRow = row();
        hideRow.getChildren().add(key(i18n, "keyboard.hide", "key-num-hide", this::hide));
        box.getChildren().addAll(last, hideRow);
        return box;
    }

    private HBox bottomRow(Button switcher, Button mode) {
        HBox bottom = row();
        bottom.getChildren().add(wide(switcher, "switch"));
        if (mode != null) {
            bottom.getChildren().add(wide(mode, "mode"));
        }
        Button space = key(i18n, "keyboard.space", mode != null ? "key-space" : "key-sym-space", () -> typeChar(' '));
        space.getStyleClass().add("space");
        HBox.setHgrow(space, Priority.ALWAYS);
        bottom.getChildren().add(space);
        bottom.getChildren().add(wide(key(i18n, "keyboard.hide", mode != null ? "key-hide" : "key-sym-hide", this::hide), "hide"));
        return bottom;
    }

    private HBox letterRow(String letters) {
        HBox row = row();
        for (char c : letters.toCharArray()) {
            Button b = key(String.valueOf(c), "key-" + c, () -> typeLetter(c, false));
            relabel.add(() -> b.setText(String.valueOf(upper() ? Character.toUpperCase(c) : c)));
            row.getChildren().add(b);
        }
        return row;
    }

    private static HBox row() {
        HBox row = new HBox();
        row.getStyleClass().add("key-row");
        row.setAlignment(Pos.CENTER);
        return row;
    }

    private static Button key(String label, String id, Runnable action) {
        Button b = new Button(label);
        return keyed(b, id, action);
    }

    private Button key(I18n i18n, String labelKey, String id, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(i18n.text(labelKey));
        b.getStyleClass().add("function-key");
        return keyed(b, id, action);
    }

    private Button toneKey(String sample, String nameKey, String id, Runnable action) {
        Label mark = new Label(sample);
        mark.getStyleClass().add("tone-sample");
        Label name = new Label();
        name.textProperty().bind(i18n.text(nameKey));
        name.getStyleClass().add("tone-name");
        VBox content = new VBox(mark, name);
        content.setAlignment(Pos.CENTER);
        Button b = new Button();
        b.setGraphic(content);
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.accessibleTextProperty().bind(i18n.text(nameKey));
        b.getStyleClass().add("tone-key");
        return keyed(b, id, action);
    }

    private ToggleButton toggle(I18n i18n, String labelKey, String id, BooleanProperty state) {
        ToggleButton b = new ToggleButton();
        b.textProperty().bind(i18n.text(labelKey));
        b.selectedProperty().bindBidirectional(state);
        b.getStyleClass().addAll("key", "function-key", "modifier-key");
        b.setFocusTraversable(false);
        if (id != null) {
            b.setId(id);
        }
        b.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(b, Priority.ALWAYS);
        return b;
    }

    private static <B extends ButtonBase> B wide(B b, String kind) {
        b.getStyleClass().addAll("wide-key", kind + "-key");
        return b;
    }

    private static Button keyed(Button b, String id, Runnable action) {
        b.getStyleClass().add("key");
        // The field keeps the focus and its caret while keys are tapped.
        b.setFocusTraversable(false);
        if (id != null) {
            b.setId(id);
        }
        b.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(b, Priority.ALWAYS);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void showLayout(Layout l) {
        getChildren().setAll(switch (l) {
            case LETTERS -> letters;
            case SYMBOLS -> symbols;
            case NUMBERS -> numbers;
        });
        getStyleClass().removeAll("layout-letters", "layout-symbols", "layout-numbers");
        getStyleClass().add("layout-" + l.name().toLowerCase(Locale.ROOT));
    }
}
