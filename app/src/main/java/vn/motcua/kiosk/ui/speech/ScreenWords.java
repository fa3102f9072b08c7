// SPDX-License-Identifier: AGPL-3.0-or-later
package vn.motcua.kiosk.ui.speech;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import vn.motcua.kiosk.speech.SpokenText;

/**
 * What the screen says, found by the style classes every screen already uses: the instruction
 * ({@code screen-title}), the focused field's {@code field-label} and {@code field-hint} in its
 * {@code form-field} box, and the errors ({@code error-text}, a field's {@code field-error}).
 * Only labels are read: never what is typed in an input, which is the citizen's personal data.
 */
final class ScreenWords {
    static final String TITLE = "screen-title";
    static final String FIELD = "form-field";
    static final String FIELD_LABEL = "field-label";
    static final String FIELD_HINT = "field-hint";
    static final String FIELD_ERROR = "field-error";
    static final String ERROR = "error-text";
    /** The red "*" after a required field's name: styled as an error, not one. */
    static final String REQUIRED_MARK = "required-mark";
    /** Errors of other fields read with the screen; the rest wait for the citizen to get there. */
    static final int OTHER_ERRORS = 3;

    private ScreenWords() {}

    /**
     * What a screen says, each part "" when there is none.
     *
     * @param field the focused field's name
     * @param errors the other errors shown, each after its field's name
     */
    record Words(String title, String field, String hint, String fieldError, List<String> errors) {}

    /** The screen's instruction, the focused field (name, hint, error) and the other errors shown. */
    static Words read(Parent root, Node focused) {
        Labeled title = null;
        for (Node n : shown(root)) {
            if (!(n instanceof Parent p)) {
                continue;
            }
            // The title of a shown screen even when it gave its room to the keyboard (the form's does).
            for (Node c : p.getChildrenUnmodifiable()) {
                if (c instanceof Labeled l && c.getStyleClass().contains(TITLE) && l.getText() != null && !l.getText().isBlank()) {
                    title = l; // the last: an overlay (a question, the inactivity warning) is over the screen
                }
            }
        }
        Parent field = focused == null ? null : fieldOf(focused, root);
        List<String> others = new ArrayList<>();
        for (Map.Entry<Labeled, String> e : errors(root).entrySet()) {
            if (field != null && fieldOf(e.getKey(), root) == field) {
                continue;
            }
            if (others.size() == OTHER_ERRORS) {
                break;
            }
            others.add(e.getValue());
        }
        return new Words(title == null ? "" : SpokenText.withoutPersonalData(title.getText()),
                field == null ? "" : own(field, FIELD_LABEL), field == null ? "" : own(field, FIELD_HINT),
                field == null ? "" : SpokenText.withoutPersonalData(own(field, FIELD_ERROR)), others);
    }

    /**
     * Every error shown now and how it is read: a field's error after the field's name ("Thư điện
     * tử: Địa chỉ thư điện tử không hợp lệ."), in screen order, numbers that could be personal left out.
     */
    static Map<Labeled, String> errors(Parent root) {
        Map<Labeled, String> out = new LinkedHashMap<>();
        for (Node n : shown(root)) {
            if (n instanceof Labeled l && n.getStyleClass().contains(ERROR) && !n.getStyleClass().contains(REQUIRED_MARK)
                    && !l.getText().isBlank()) {
                String text = SpokenText.withoutPersonalData(l.getText());
                Parent field = n.getStyleClass().contains(FIELD_ERROR) ? fieldOf(n, root) : null;
                String name = field == null ? "" : own(field, FIELD_LABEL);
                out.put(l, name.isBlank() ? text : name + ": " + text);
            }
        }
        return out;
    }

    /** The nearest form-field box around {@code n}, or null. */
    static Parent fieldOf(Node n, Parent root) {
        for (Node p = n; p != null && p != root.getParent(); p = p.getParent()) {
            if (p instanceof Parent box && p.getStyleClass().contains(FIELD)) {
                return box;
            }
        }
        return null;
    }

    /** The text of the box's own label of this class (not a nested field's). */
    private static String own(Parent box, String styleClass) {
        for (Node n : box.lookupAll("." + styleClass)) {
            if (n instanceof Labeled l && !(n instanceof TextInputControl) && fieldOf(n, box) == box && isShown(n, box)) {
                return l.getText() == null ? "" : l.getText();
            }
        }
        return "";
    }

    /** The nodes under {@code root} that are on screen, in scene-graph order; hidden branches are skipped whole. */
    static List<Node> shown(Parent root) {
        List<Node> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        if (!n.isVisible()) {
            return;
        }
        out.add(n);
        if (n instanceof Parent p && !(n instanceof TextInputControl)) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static boolean isShown(Node n, Parent upTo) {
        for (Node p = n; p != null && p != upTo; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
