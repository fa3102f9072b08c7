package vn.motcua.kiosk.ui.keyboard;

import javafx.scene.control.TextInputControl;

/**
 * What a text field wants from the keyboard. Set it with {@link #set}, or with the style class
 * named by {@link #styleClass} (handy for views that build fields in one place); TEXT by default.
 */
public enum FieldKind {
    /** Vietnamese text: letters layout, Telex or VNI. */
    TEXT,
    /** Digits only (ID number, phone, year): the number pad, no Vietnamese rules. */
    NUMERIC,
    /** Letters without Vietnamese rules (e-mail addresses, codes). */
    PLAIN,
    /** No on-screen keyboard (the field has its own picker, or a physical reader types into it). */
    NONE;

    private static final String KEY = FieldKind.class.getName();

    public String styleClass() {
        return "keyboard-" + name().toLowerCase(java.util.Locale.ROOT);
    }

    public static void set(TextInputControl field, FieldKind kind) {
        field.getProperties().put(KEY, kind);
    }

    public static FieldKind of(TextInputControl field) {
        Object set = field.getProperties().get(KEY);
        if (set instanceof FieldKind k) {
            return k;
        }
        for (FieldKind k : values()) {
            if (field.getStyleClass().contains(k.styleClass())) {
                return k;
            }
        }
        return TEXT;
    }
}
