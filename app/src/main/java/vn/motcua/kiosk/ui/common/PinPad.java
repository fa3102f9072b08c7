package vn.motcua.kiosk.ui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import vn.motcua.kiosk.ui.I18n;

/**
 * A touch keypad for a {@link PinEntry}: 0–9, clear and backspace, each key at least 48 px.
 * Shuffled digits (optional) keep a bystander from reading the PIN off finger positions.
 * Digits typed on a physical keyboard work too when the pad's parent has focus.
 */
public final class PinPad extends GridPane {

    public PinPad(PinEntry entry, I18n i18n, String idPrefix, boolean shuffled, Random random) {
        getStyleClass().add("pin-keys");
        setAlignment(Pos.CENTER);
        List<Character> digits = new ArrayList<>(List.of('1', '2', '3', '4', '5', '6', '7', '8', '9', '0'));
        if (shuffled) {
            Collections.shuffle(digits, random);
        }
        for (int i = 0; i < 9; i++) {
            add(key(entry, idPrefix, digits.get(i)), i % 3, i / 3);
        }
        Button clear = new Button();
        clear.setId(idPrefix + "clear");
        clear.textProperty().bind(i18n.text("staff.pin.clear"));
        clear.setOnAction(e -> entry.clear());
        Button back = new Button();
        back.setId(idPrefix + "backspace");
        back.textProperty().bind(i18n.text("staff.pin.backspace"));
        back.setOnAction(e -> entry.backspace());
        add(clear, 0, 3);
        add(key(entry, idPrefix, digits.get(9)), 1, 3);
        add(back, 2, 3);
        getChildren().forEach(n -> n.getStyleClass().add("pin-key"));
    }

    private static Button key(PinEntry entry, String idPrefix, char d) {
        Button b = new Button(String.valueOf(d));
        b.setId(idPrefix + "key-" + d);
        b.setOnAction(e -> entry.append(d));
        return b;
    }

    /** Physical keys for a PIN: digits, backspace, Enter (submit) and Escape (cancel). */
    public static void handleKeys(KeyEvent e, PinEntry entry, Runnable submit, Runnable cancel) {
        if (e.getCode().isDigitKey() && !e.getText().isEmpty()) {
            entry.append(e.getText().charAt(0));
        } else if (e.getCode() == KeyCode.BACK_SPACE) {
            entry.backspace();
        } else if (e.getCode() == KeyCode.ENTER) {
            submit.run();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            cancel.run();
        }
        e.consume();
    }
}
