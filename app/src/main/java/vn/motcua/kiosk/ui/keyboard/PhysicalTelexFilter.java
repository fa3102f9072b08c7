package vn.motcua.kiosk.ui.keyboard;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import vn.motcua.kiosk.keyboard.InputMethod;
import vn.motcua.kiosk.keyboard.ToneStyle;

/**
 * Vietnamese from a physical keyboard on a machine without a Vietnamese input method: an event
 * filter on the scene rewrites the typed characters of the focused text field through the same
 * engine as the on-screen keyboard (nuowcs → nước). Fields of kind NUMERIC, PLAIN and NONE get
 * the keys as they are. Keys with Ctrl, Alt or Meta pass through (shortcuts, Alt codes).
 */
public final class PhysicalTelexFilter {
    private final ObjectProperty<InputMethod> method = new SimpleObjectProperty<>(InputMethod.TELEX);
    private final ObjectProperty<ToneStyle> style = new SimpleObjectProperty<>(ToneStyle.NEW);
    private FieldComposer composer;
    private Scene scene;

    private final EventHandler<KeyEvent> typed = this::onTyped;
    private final EventHandler<KeyEvent> pressed = this::onPressed;

    public PhysicalTelexFilter() {
        method.addListener((obs, was, is) -> {
            if (composer != null) {
                composer.setMethod(is);
            }
        });
        style.addListener((obs, was, is) -> {
            if (composer != null) {
                composer.setStyle(is);
            }
        });
    }

    /** Follows {@code scene}'s focused field from now on. */
    public PhysicalTelexFilter attachTo(Scene scene) {
        detach();
        this.scene = scene;
        scene.addEventFilter(KeyEvent.KEY_TYPED, typed);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, pressed);
        return this;
    }

    public void detach() {
        if (scene != null) {
            scene.removeEventFilter(KeyEvent.KEY_TYPED, typed);
            scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressed);
            scene = null;
        }
        drop();
    }

    public ObjectProperty<InputMethod> methodProperty() {
        return method;
    }

    public ObjectProperty<ToneStyle> toneStyleProperty() {
        return style;
    }

    private void onTyped(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.getCharacter().length() != 1) {
            return;
        }
        char c = e.getCharacter().charAt(0);
        if (Character.isISOControl(c)) {
            return; // Backspace, Enter, Tab: handled as key presses or by the field itself.
        }
        FieldComposer fc = composerFor(e);
        if (fc != null && fc.field().isEditable()) {
            fc.type(c);
            e.consume();
        }
    }

    private void onPressed(KeyEvent e) {
        if (e.getCode() != KeyCode.BACK_SPACE || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        FieldComposer fc = composerFor(e);
        if (fc != null && fc.field().isEditable()) {
            fc.backspace();
            e.consume();
        }
    }

    private FieldComposer composerFor(KeyEvent e) {
        Node focus = scene == null ? null : scene.getFocusOwner();
        if (!(focus instanceof TextInputControl field) || FieldKind.of(field) != FieldKind.TEXT) {
            drop();
            return null;
        }
        if (composer == null || composer.field() != field) {
            drop();
            composer = new FieldComposer(field, method.get(), style.get());
        }
        return composer;
    }

    private void drop() {
        if (composer != null) {
            composer.detach();
            composer = null;
        }
    }
}
