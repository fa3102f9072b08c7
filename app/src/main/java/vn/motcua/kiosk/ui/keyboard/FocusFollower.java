package vn.motcua.kiosk.ui.keyboard;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;

/**
 * The keyboard's controller: follows a scene's focus and touches, opening the keys on a text
 * field and closing them when the focus leaves for something else — after the release, when a
 * button was pressed, so the screen does not move under the finger (the shell unfolds its
 * header as the keyboard closes).
 */
final class FocusFollower {
    private final OnScreenKeyboard keyboard;
    private Scene scene;
    /** A finger or the mouse is down: a focus leaving for a button closes the keyboard on the release. */
    private boolean pressing;
    private boolean hideOnRelease;
    private final InvalidationListener focusWatch = obs -> focusMoved();
    private final EventHandler<MouseEvent> mousePressed = e -> {
        pressing = true;
        touched(e.getTarget());
    };
    private final EventHandler<MouseEvent> mouseReleased = e -> released();
    private final EventHandler<TouchEvent> touchPressed = e -> touched(e.getTarget());

    FocusFollower(OnScreenKeyboard keyboard) {
        this.keyboard = keyboard;
    }

    void attach(Scene scene) {
        detach();
        this.scene = scene;
        scene.focusOwnerProperty().addListener(focusWatch);
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, mousePressed);
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, mouseReleased);
        scene.addEventFilter(TouchEvent.TOUCH_PRESSED, touchPressed);
        if (scene.getFocusOwner() instanceof TextInputControl field) {
            keyboard.show(field);
        }
    }

    void detach() {
        if (scene != null) {
            scene.focusOwnerProperty().removeListener(focusWatch);
            scene.removeEventFilter(MouseEvent.MOUSE_PRESSED, mousePressed);
            scene.removeEventFilter(MouseEvent.MOUSE_RELEASED, mouseReleased);
            scene.removeEventFilter(TouchEvent.TOUCH_PRESSED, touchPressed);
            scene = null;
        }
    }

    private void focusMoved() {
        Node focus = scene == null ? null : scene.getFocusOwner();
        if (focus instanceof TextInputControl field) {
            hideOnRelease = false;
            keyboard.show(field);
        } else if (focus == null || !isInside(focus, keyboard)) {
            if (pressing && keyboard.isVisible()) {
                hideOnRelease = true;
            } else {
                keyboard.hide();
            }
        }
    }

    private void released() {
        pressing = false;
        if (hideOnRelease) {
            hideOnRelease = false;
            // After the button under the finger has acted.
            Platform.runLater(() -> {
                Node focus = scene == null ? null : scene.getFocusOwner();
                if (!(focus instanceof TextInputControl) && (focus == null || !isInside(focus, keyboard))) {
                    keyboard.hide();
                }
            });
        }
    }

    private void touched(Object eventTarget) {
        if (eventTarget instanceof Node n && !isInside(n, keyboard)) {
            for (Node p = n; p != null; p = p.getParent()) {
                if (p instanceof TextInputControl field) {
                    keyboard.show(field);
                    return;
                }
            }
        }
    }

    /** The next field the keys can type into after {@code from}, in the scene's order ("Xong"). */
    TextInputControl nextField(TextInputControl from) {
        if (scene == null || scene.getRoot() == null) {
            return null;
        }
        boolean passed = false;
        for (Node n : scene.getRoot().lookupAll(".text-input")) {
            if (n == from) {
                passed = true;
            } else if (passed && n instanceof TextInputControl t && t.isEditable() && !t.isDisabled()
                    && treeVisible(t) && FieldKind.of(t) != FieldKind.NONE) {
                return t;
            }
        }
        return null;
    }

    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }
}
