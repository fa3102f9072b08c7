package vn.motcua.kiosk.ui.common;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import vn.motcua.kiosk.ui.I18n;

/** Small builders the screens share. */
public final class Controls {
    private Controls() {}

    /** A button whose words follow the language switch. */
    public static Button button(I18n i18n, String key, String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(i18n.text(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** A wrapping label whose words follow the language switch; {@code style} may be null. */
    public static Label label(I18n i18n, String key, String style) {
        Label l = new Label();
        l.textProperty().bind(i18n.text(key));
        l.setWrapText(true);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }
}
