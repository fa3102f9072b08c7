package vn.motcua.kiosk.ui.common;

import javafx.scene.control.Button;
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
}
